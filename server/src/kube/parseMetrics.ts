import { z } from 'zod';
import { DurationError, parseDurationMs } from '@kubeglance/shared/duration';
import { parseCpuNanocores, parseMemoryBytes, QuantityError } from '@kubeglance/shared/quantity';
import { isNodeMetrics, isPodMetrics, nodeMetrics, podMetrics } from './metricsShape.js';
import { SplitList } from './splitList.js';
import type { NodeUsage, PodUsage } from './types.js';

/** NodeMetricsList / PodMetricsList (metrics.k8s.io/v1beta1) → a typed sample. */

/** Only the list's shape decides whether a response is usable; items are checked one by one. */
const list = z.object({ items: z.array(z.unknown()).nullish() });

/** Why an item was left out, as a stable code (browsers say it in their language). */
export type DropReason =
  | 'null-timestamp'
  | 'invalid-timestamp'
  | 'invalid-quantity'
  | 'quantity-out-of-range'
  | 'negative-usage'
  | 'no-containers'
  | 'invalid-field'
  | 'unreadable';

/** An item that was left out of the sample, and why (for the `malformed-metrics` problem). */
export interface DroppedItem {
  /** `node NAME` or `pod NAMESPACE/NAME` (or `item N` when even the name is unreadable). */
  what: string;
  /** In English, for the API's `detail` and the log. */
  reason: string;
  /** `what` in parts: its kind and name (`NAMESPACE/NAME`, or the index for `item`). */
  kind: 'pod' | 'node' | 'item';
  name: string;
  code: DropReason;
  /** The offending value (quoted as sent) or field, when the reason names one. */
  value?: string;
}

/** One list's usable items plus what was dropped. */
export interface ParsedList<T> {
  items: T[];
  dropped: DroppedItem[];
}

/**
 * The sample window in ms; NaN when the producer wrote something that is not a Go duration, so
 * the resolution detector skips it instead of the whole list being refused for one field.
 */
function windowMs(window: string): number {
  try {
    return parseDurationMs(window);
  } catch (e) {
    if (e instanceof DurationError) return NaN;
    throw e;
  }
}

/**
 * Parsed values of strings that repeat across items: a node's pods share its timestamp and
 * most items one window, so 150,000 pods need a few thousand parses, not 150,000.
 */
class Repeats {
  private readonly values = new Map<string, number>();
  constructor(private readonly parse: (s: string) => number) {}
  of(s: string): number {
    let v = this.values.get(s);
    if (v === undefined) {
      v = this.parse(s);
      // Timestamps change every poll: a bound keeps the map from growing with them.
      if (this.values.size >= 20_000) this.values.clear();
      this.values.set(s, v);
    }
    return v;
  }
}

const windows = new Repeats(windowMs);

class BadItem extends Error {
  constructor(
    message: string,
    readonly code: DropReason,
    readonly value?: string,
  ) {
    super(message);
  }
}

const times = new Repeats(parseTime);

function timeMs(s: string | null): number {
  if (s === null) throw new BadItem('null timestamp', 'null-timestamp');
  return times.of(s);
}

function parseTime(s: string): number {
  const t = Date.parse(s);
  if (!Number.isFinite(t)) {
    throw new BadItem(
      `invalid timestamp ${JSON.stringify(s)}`,
      'invalid-timestamp',
      JSON.stringify(s),
    );
  }
  return t;
}

/** A usage quantity; malformed, overflowing (beyond 2^53) or negative values drop the item. */
function quantity(parse: (s: string) => number, s: string): number {
  let v: number;
  try {
    v = parse(s);
  } catch (e) {
    if (e instanceof QuantityError) {
      throw new BadItem(`${e.code} ${JSON.stringify(s)}`, e.code, JSON.stringify(s));
    }
    throw new BadItem(String(e), 'unreadable', String(e));
  }
  if (v < 0)
    throw new BadItem(`negative usage ${JSON.stringify(s)}`, 'negative-usage', JSON.stringify(s));
  return v;
}

/** The list's items, or a thrown error when the response as a whole is unusable. */
function listItems(raw: unknown): { readonly length: number; at(i: number): unknown } {
  // A list split by the parse worker: the envelope is checked, its items parsed when read.
  if (raw instanceof SplitList) {
    list.parse(raw.envelope);
    return raw;
  }
  const items = list.parse(raw).items ?? [];
  return { length: items.length, at: (i) => items[i] };
}

function itemName(raw: unknown, index: number): Pick<DroppedItem, 'what' | 'kind' | 'name'> {
  const m = (raw as { metadata?: { name?: unknown; namespace?: unknown } } | null)?.metadata;
  if (typeof m?.name !== 'string') return { what: `item ${index}`, kind: 'item', name: `${index}` };
  if (typeof m.namespace !== 'string')
    return { what: `node ${m.name}`, kind: 'node', name: m.name };
  const name = `${m.namespace}/${m.name}`;
  return { what: `pod ${name}`, kind: 'pod', name };
}

/** Why `e` made an item unusable, in English and as a code. */
function whyDropped(e: unknown): Pick<DroppedItem, 'reason' | 'code' | 'value'> {
  if (e instanceof BadItem) {
    return e.value === undefined
      ? { reason: e.message, code: e.code }
      : { reason: e.message, code: e.code, value: e.value };
  }
  if (e instanceof z.ZodError) {
    const field = e.issues[0]?.path.join('.') || 'item';
    return { reason: schemaReason(e), code: 'invalid-field', value: field };
  }
  return { reason: String(e), code: 'unreadable', value: String(e) };
}

/**
 * Parses each item on its own: one bad item (null timestamp, no containers, an unparsable,
 * overflowing or negative quantity, a bad window) is dropped and reported, never fatal.
 */
function readEach(raw: unknown, readItem: (item: unknown) => void): DroppedItem[] {
  const dropped: DroppedItem[] = [];
  const items = listItems(raw);
  for (let i = 0; i < items.length; i++) {
    // Outside the try: an item that is not JSON makes the whole response unusable.
    const item = items.at(i);
    try {
      readItem(item);
    } catch (e) {
      dropped.push({ ...itemName(item, i), ...whyDropped(e) });
    }
  }
  return dropped;
}

function schemaReason(e: z.ZodError): string {
  const issue = e.issues[0];
  return issue ? `${issue.path.join('.') || 'item'}: ${issue.message}` : 'invalid item';
}

export function parseNodeMetricsList(raw: unknown): ParsedList<NodeUsage> {
  const items: NodeUsage[] = [];
  const dropped = readEach(raw, (item) => {
    const n = isNodeMetrics(item) ? item : nodeMetrics.parse(item);
    items.push({
      name: n.metadata.name,
      cpuNanocores: quantity(parseCpuNanocores, n.usage.cpu),
      memoryBytes: quantity(parseMemoryBytes, n.usage.memory),
      timestampMs: timeMs(n.timestamp),
      windowMs: windows.of(n.window),
    });
  });
  return { items, dropped };
}

/** Receives each usable pod item: its fields, then its containers in order. */
export interface PodSink {
  pod(namespace: string, name: string, timestampMs: number, windowMs: number, n: number): void;
  container(name: string, cpuNanocores: number, memoryBytes: number): void;
}

/** An item's quantities, read before any of it reaches the sink (an item is whole or absent). */
let quantities = new Float64Array(64);

/** Checks and reads one pod item into `sink`; throws when it is unusable. */
function readPod(item: unknown, sink: PodSink): void {
  const p = isPodMetrics(item) ? item : podMetrics.parse(item);
  const timestampMs = timeMs(p.timestamp);
  const containers = p.containers;
  if (containers.length === 0) throw new BadItem('no containers', 'no-containers');
  if (quantities.length < containers.length * 2)
    quantities = new Float64Array(containers.length * 2);
  for (let i = 0; i < containers.length; i++) {
    const usage = containers[i]!.usage;
    quantities[i * 2] = quantity(parseCpuNanocores, usage.cpu);
    quantities[i * 2 + 1] = quantity(parseMemoryBytes, usage.memory);
  }
  const { namespace, name } = p.metadata;
  sink.pod(namespace, name, timestampMs, windows.of(p.window), containers.length);
  for (let i = 0; i < containers.length; i++) {
    sink.container(containers[i]!.name, quantities[i * 2]!, quantities[i * 2 + 1]!);
  }
}

/**
 * Checks every pod item of a PodMetricsList and hands the usable ones to `sink`; returns the
 * dropped ones. Throws when the response as a whole is unusable.
 */
export function readPodMetricsList(raw: unknown, sink: PodSink): DroppedItem[] {
  return readEach(raw, (item) => readPod(item, sink));
}

/** The pod items as objects (the reference form; the worker writes arrays instead). */
export function parsePodMetricsList(raw: unknown): ParsedList<PodUsage> {
  const items: PodUsage[] = [];
  let containers: PodUsage['containers'] = [];
  const dropped = readPodMetricsList(raw, {
    pod(namespace, name, timestampMs, windowMs) {
      containers = [];
      items.push({ namespace, name, containers, timestampMs, windowMs });
    },
    container(name, cpuNanocores, memoryBytes) {
      containers.push({ name, cpuNanocores, memoryBytes });
    },
  });
  return { items, dropped };
}
