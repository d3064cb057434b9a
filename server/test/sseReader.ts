import {
  decodeNodeColumns,
  nodeOrderOf,
  type NodeOrderColumns,
} from '@kubeglance/shared/nodeColumns';
import type { ClusterSnapshot, NodeUsageTuple, SampleEvent } from '@kubeglance/shared/api';

export interface Frame {
  event: string;
  data: unknown;
}

/** A minimal SSE reader over fetch, collecting frames as they arrive. */
export function connect(url: string) {
  const frames: Frame[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(url, { signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) return;
      buf += value;
      let i;
      while ((i = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) frames.push({ event, data: JSON.parse(data) });
      }
    }
  })().catch(() => undefined);
  return { frames, close: () => controller.abort(), done };
}

/**
 * Each sample event's node usage decoded as a client does: with the order it carries, or the
 * one held (from the snapshot's rows or the last event) when its `orderId` is the same.
 * `undefined` for a sample whose order the client could not know.
 */
export function decodeSamples(
  frames: readonly Frame[],
): { sample: SampleEvent; usage: NodeUsageTuple[] | undefined }[] {
  let held: { id: number; order: NodeOrderColumns } | undefined;
  const out: { sample: SampleEvent; usage: NodeUsageTuple[] | undefined }[] = [];
  for (const f of frames) {
    if (f.event === 'snapshot') {
      const snap = f.data as ClusterSnapshot;
      held = { id: snap.nodeOrderId, order: nodeOrderOf(snap.nodes) };
    } else if (f.event === 'sample') {
      const sample = f.data as SampleEvent;
      const cols = sample.nodes;
      const order = cols.order ?? (held?.id === cols.orderId ? held.order : undefined);
      if (order) held = { id: cols.orderId, order };
      const usage = order && decodeNodeColumns(cols, order, sample.timestampMs);
      out.push({ sample, usage });
    }
  }
  return out;
}
