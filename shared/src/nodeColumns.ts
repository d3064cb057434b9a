import { memoryPercentKubectl, percentFromMillicores } from './format.js';

/**
 * Per-node usage in a `sample` event, as columns: at 5,000 nodes one event per tick to every
 * wall screen, so its size matters. Columns of numbers compress far better than one tuple per
 * node; what the client can compute is not sent (the percent columns, from usage and the
 * allocatable it holds), and what rarely changes (the names and allocatable, a quarter of the
 * compressed bytes) is sent only when it changed: `orderId` names it, and a client keeps the
 * last one.
 */
export interface NodeColumns {
  /**
   * The node order of the columns: names and allocatable, in column order. The server numbers
   * each distinct order it sends (in a snapshot's rows or a sample), so the same id always
   * means the same names and allocatable in the same order for as long as the server runs.
   */
  orderId: number;
  /**
   * The order of `orderId`; `null` when `orderId` is the same as in the previous sample event
   * of this cluster (the client has it, from that event or from its snapshot's rows).
   */
  order: NodeOrderColumns | null;
  /** kubectl millicores; null: no metrics for the node (unknown, not 0). */
  cpuMillicores: (number | null)[];
  /**
   * Memory in KiB: bytes / 1024, exact because 1024 is a power of two (whole numbers in
   * practice, as metrics-server reports Ki); 8 digits instead of 11 per node.
   */
  memoryKiB: (number | null)[];
  /**
   * Each node's metrics timestamp minus the event's `timestampMs`, in units of
   * `metricsOffsetUnitMs`.
   */
  metricsOffsets: (number | null)[];
  /**
   * 1000 when every offset is a whole number of seconds (metrics-server's timestamps are RFC
   * 3339 seconds, so in practice always), else 1: exact either way.
   */
  metricsOffsetUnitMs: 1 | 1000;
}

/** What a node order is made of (see {@link NodeColumns.orderId}), as columns. */
export interface NodeOrderColumns {
  names: string[];
  /** kubectl millicores, as `NodeRow.cpu.allocatableMillicores`: the CPU(%) denominator. */
  allocatableMillicores: number[];
  /** As `NodeRow.memory.allocatableBytes`: the MEMORY(%) denominator. */
  allocatableBytes: number[];
}

/** One node's usage, decoded: `[name, cpuMillicores, memoryBytes, cpu%, memory%, metricsTimestampMs]`. */
export type NodeUsageTuple = [
  string,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

/** The fields of a node row a node order is made of (`NodeRow` has them). */
export interface NodeOrderRow {
  name: string;
  cpu: { allocatableMillicores: number };
  memory: { allocatableBytes: number };
}

/** The node order of these rows, in their order. */
export function nodeOrderOf(rows: readonly NodeOrderRow[]): NodeOrderColumns {
  return {
    names: rows.map((r) => r.name),
    allocatableMillicores: rows.map((r) => r.cpu.allocatableMillicores),
    allocatableBytes: rows.map((r) => r.memory.allocatableBytes),
  };
}

/** Whether two node orders are the same names and allocatable in the same order. */
export function sameNodeOrder(a: NodeOrderColumns, b: NodeOrderColumns): boolean {
  if (a === b) return true;
  const same = (x: readonly unknown[], y: readonly unknown[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    same(a.names, b.names) &&
    same(a.allocatableMillicores, b.allocatableMillicores) &&
    same(a.allocatableBytes, b.allocatableBytes)
  );
}

/**
 * Encodes per-node usage for a sample event at `timestampMs` (see {@link NodeColumns}); the
 * usage must be in the order's order. Percentages are left out: the client computes them.
 */
export function encodeNodeColumns(
  usage: readonly NodeUsageTuple[],
  timestampMs: number,
  orderId: number,
  order: NodeOrderColumns | null,
): NodeColumns {
  const offsets = usage.map((u) => (u[5] === null ? null : u[5] - timestampMs));
  const unit = offsets.every((o) => o === null || o % 1000 === 0) ? 1000 : 1;
  return {
    orderId,
    order,
    cpuMillicores: usage.map((u) => u[1]),
    memoryKiB: usage.map((u) => (u[2] === null ? null : u[2] / 1024)),
    metricsOffsets: unit === 1 ? offsets : offsets.map((o) => (o === null ? null : o / unit)),
    metricsOffsetUnitMs: unit,
  };
}

/**
 * Decodes the columns with `order` (the event's own, or the one the client holds for the
 * same `orderId`), computing the percentages as the server's rows do (kubectl's CPU(%) from
 * millicores, MEMORY(%) from bytes). `undefined` when the columns and the order do not fit.
 */
export function decodeNodeColumns(
  columns: NodeColumns,
  order: NodeOrderColumns,
  timestampMs: number,
): NodeUsageTuple[] | undefined {
  const n = order.names.length;
  const lengths = [
    order.allocatableMillicores,
    order.allocatableBytes,
    columns.cpuMillicores,
    columns.memoryKiB,
    columns.metricsOffsets,
  ].map((c) => c.length);
  if (lengths.some((l) => l !== n)) return undefined;
  return order.names.map((name, i) => {
    const cpu = columns.cpuMillicores[i]!;
    const kib = columns.memoryKiB[i]!;
    const bytes = kib === null ? null : kib * 1024;
    const offset = columns.metricsOffsets[i]!;
    return [
      name,
      cpu,
      bytes,
      cpu === null ? null : percentFromMillicores(cpu, order.allocatableMillicores[i]!),
      bytes === null ? null : memoryPercentKubectl(bytes, order.allocatableBytes[i]!),
      offset === null ? null : timestampMs + offset * columns.metricsOffsetUnitMs,
    ];
  });
}
