import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { readPodMetricsList, type DroppedItem, type ParsedList } from './parseMetrics.js';
import { SplitList } from './splitList.js';
import type { ContainerUsage, NodeUsage, PodUsage } from './types.js';

/**
 * Parsed metrics lists in the form the parse worker hands to the main thread: typed arrays and
 * interned name tables instead of one object per item, so the message is cheap to clone and
 * transfer (the arrays' buffers move, nothing is copied) and the main thread rebuilds the
 * items with shared strings (one `"app"` container name for all pods, not 150,000 copies).
 */

/** NodeMetricsList items: `values` holds cpu, memory, timestamp, window per node. */
export interface CompactNodes {
  names: string[];
  values: Float64Array;
  dropped: DroppedItem[];
}

/** PodMetricsList items, namespaces and container names interned. */
export interface CompactPods {
  namespaces: string[];
  /** Per pod: index into `namespaces`. */
  namespaceOf: Uint32Array;
  /**
   * Pod names, joined, with where each ends: one string crosses to the main thread instead of
   * 150,000 (whose structured clone was one long turn there).
   */
  nameText: string;
  nameEnds: Uint32Array;
  /** Per pod: timestamp, window. */
  times: Float64Array;
  /** Per pod: how many containers (consecutive in the container arrays). */
  containerCount: Uint32Array;
  containerNames: string[];
  /** Per container: index into `containerNames`. */
  containerNameOf: Uint32Array;
  /** Per container: cpu, memory. */
  containerValues: Float64Array;
  dropped: DroppedItem[];
}

/** The buffers to transfer with a compact list (they are unusable in the sender afterwards). */
export function transferables(list: CompactNodes | CompactPods): ArrayBuffer[] {
  const arrays =
    'values' in list
      ? [list.values]
      : [
          list.namespaceOf,
          list.nameEnds,
          list.times,
          list.containerCount,
          list.containerNameOf,
          list.containerValues,
        ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

class Interner {
  readonly table: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.table.length;
      this.table.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

export function encodeNodes(list: ParsedList<NodeUsage>): CompactNodes {
  const values = new Float64Array(list.items.length * 4);
  list.items.forEach((n, i) => {
    values.set([n.cpuNanocores, n.memoryBytes, n.timestampMs, n.windowMs], i * 4);
  });
  return { names: list.items.map((n) => n.name), values, dropped: list.dropped };
}

export function decodeNodes(c: CompactNodes): ParsedList<NodeUsage> {
  const v = c.values;
  const items = c.names.map((name, i) => ({
    name,
    cpuNanocores: v[i * 4]!,
    memoryBytes: v[i * 4 + 1]!,
    timestampMs: v[i * 4 + 2]!,
    windowMs: v[i * 4 + 3]!,
  }));
  return { items, dropped: c.dropped };
}

/**
 * Checks a PodMetricsList and writes its usable pods straight into arrays: no object per pod
 * or container is built (at 150,000 pods those objects and their garbage cost more than the
 * checks themselves).
 */
export function parsePodsCompact(raw: unknown): CompactPods {
  const items = raw instanceof SplitList ? raw : (raw as { items?: unknown } | null)?.items;
  // Upper bounds for the pods; containers grow as they come (a split list is not read yet).
  const podCap = Array.isArray(items) || items instanceof SplitList ? items.length : 0;
  const namespaces = new Interner();
  const containerNames = new Interner();
  const namespaceOf = new Uint32Array(podCap);
  const names: string[] = [];
  const times = new Float64Array(podCap * 2);
  const containerCount = new Uint32Array(podCap);
  let containerNameOf = new Uint32Array(podCap * 2 + 16);
  let containerValues = new Float64Array(containerNameOf.length * 2);
  let pod = 0;
  let container = 0;
  const dropped = readPodMetricsList(raw, {
    pod(namespace, name, timestampMs, windowMs, n) {
      namespaceOf[pod] = namespaces.of(namespace);
      names.push(name);
      times[pod * 2] = timestampMs;
      times[pod * 2 + 1] = windowMs;
      containerCount[pod] = n;
      pod++;
      if (container + n > containerNameOf.length) {
        const size = Math.max(containerNameOf.length * 2, container + n);
        containerNameOf = grown(containerNameOf, size);
        containerValues = grown(containerValues, size * 2);
      }
    },
    container(name, cpuNanocores, memoryBytes) {
      containerNameOf[container] = containerNames.of(name);
      containerValues[container * 2] = cpuNanocores;
      containerValues[container * 2 + 1] = memoryBytes;
      container++;
    },
  });
  return {
    namespaces: namespaces.table,
    namespaceOf: fit(namespaceOf, pod),
    nameText: names.join(''),
    nameEnds: Uint32Array.from(ends(names)),
    times: fit(times, pod * 2),
    containerCount: fit(containerCount, pod),
    containerNames: containerNames.table,
    containerNameOf: fit(containerNameOf, container),
    containerValues: fit(containerValues, container * 2),
    dropped,
  };
}

/** Where each of `parts` ends when they are joined. */
function* ends(parts: readonly string[]): Generator<number> {
  let at = 0;
  for (const p of parts) yield (at += p.length);
}

/** `a` copied into a larger array of `size`. */
function grown<T extends Uint32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** Exactly `n` long: a copy only when shorter (the transfer moves whole buffers). */
function fit<T extends Uint32Array | Float64Array>(a: T, n: number): T {
  return a.length === n ? a : (a.slice(0, n) as T);
}

/** Pods rebuilt per event-loop turn: 150,000 at once would hold the loop for tens of ms. */
const DECODE_SLICE = 5000;

/** Rebuilds the pods, a slice per turn of the event loop (see {@link DECODE_SLICE}). */
export async function decodePods(c: CompactPods): Promise<ParsedList<PodUsage>> {
  const items = new Array<PodUsage>(c.nameEnds.length);
  let k = 0;
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % DECODE_SLICE === 0) await yieldToLoop();
    const containers = new Array<ContainerUsage>(c.containerCount[i]!);
    for (let j = 0; j < containers.length; j++, k++) {
      containers[j] = {
        name: c.containerNames[c.containerNameOf[k]!]!,
        cpuNanocores: c.containerValues[k * 2]!,
        memoryBytes: c.containerValues[k * 2 + 1]!,
      };
    }
    items[i] = {
      namespace: c.namespaces[c.namespaceOf[i]!]!,
      name: c.nameText.slice(i === 0 ? 0 : c.nameEnds[i - 1], c.nameEnds[i]),
      containers,
      timestampMs: c.times[i * 2]!,
      windowMs: c.times[i * 2 + 1]!,
    };
  }
  return { items, dropped: c.dropped };
}
