/**
 * A `sample` event's per-node usage, decoded with the node order the client holds, and
 * merged into the snapshot's node rows.
 */
import { decodeNodeColumns, type NodeOrderColumns } from '@kubeglance/shared/nodeColumns';
import type { NodeRow, NodeUsageTuple, SampleEvent } from '@kubeglance/shared/api';

/**
 * The sample's per-node usage, with the order it carries or the one held for its id.
 * A sample whose order the client does not hold (it cannot happen: every client receives
 * every event in order, and a slow one is disconnected) gives no node values: unknown, never
 * values placed on the wrong nodes or percentages of another allocatable.
 */
export function sampleNodes(
  holds: { nodeOrderId: number; nodeOrder: NodeOrderColumns },
  sample: SampleEvent,
) {
  const cols = sample.nodes;
  const order = cols.order ?? (cols.orderId === holds.nodeOrderId ? holds.nodeOrder : null);
  const usage = order ? decodeNodeColumns(cols, order, sample.timestampMs) : undefined;
  if (!usage) console.warn(`sample for ${sample.cluster}: node order ${cols.orderId} unknown`);
  const held = usage ? order! : { names: [], allocatableMillicores: [], allocatableBytes: [] };
  return { usage: usage ?? [], order: held, orderId: cols.orderId };
}

/**
 * Update the usage columns of the snapshot's node rows. A node missing from the
 * sample has no metrics now (unknown, not 0); a node that is new since the
 * snapshot is added with what the tuple tells us until the next snapshot.
 */
export function mergeNodeUsage(rows: readonly NodeRow[], tuples: readonly NodeUsageTuple[]) {
  const byName = new Map(tuples.map((t) => [t[0], t]));
  const merged = rows.map((row) => withUsage(row, byName.get(row.name)));
  const known = new Set(rows.map((r) => r.name));
  for (const tuple of tuples)
    if (!known.has(tuple[0])) merged.push(withUsage(blankNode(tuple[0]), tuple));
  return merged;
}

function withUsage(row: NodeRow, tuple: NodeUsageTuple | undefined): NodeRow {
  const [, cpu = null, memory = null, cpuPct = null, memPct = null, ts = null] = tuple ?? [];
  return {
    ...row,
    metricsAvailable: cpu != null || memory != null,
    metricsTimestampMs: ts,
    cpu: { ...row.cpu, usageMillicores: cpu, percent: cpuPct },
    memory: { ...row.memory, usageBytes: memory, percent: memPct },
  };
}

function blankNode(name: string): NodeRow {
  const zero = { requestMillicores: 0, allocatableMillicores: 0, capacityMillicores: 0 };
  const zeroMem = { requestBytes: 0, allocatableBytes: 0, capacityBytes: 0 };
  return {
    name,
    ready: true,
    roles: [],
    group: null,
    pods: 0,
    metricsAvailable: false,
    metricsTimestampMs: null,
    cpu: {
      usageMillicores: null,
      percent: null,
      ...zero,
      limitMillicores: null,
    },
    memory: { usageBytes: null, percent: null, ...zeroMem, limitBytes: null },
  };
}
