/**
 * Per-node usage in a `sample` event, as columns: at 5,000 nodes one event per tick to every
 * wall screen, so its size matters. Columns of numbers compress far better than one tuple per
 * node, and the node names (a quarter of the compressed bytes) are sent only when the nodes or
 * their order changed: `orderId` names an order, and a client keeps the names of the last one.
 */
export interface NodeColumns {
  /**
   * The order of the nodes in the columns. The server numbers each distinct list of names it
   * sends (in a snapshot's rows or a sample), so the same id always means the same names in
   * the same order for as long as the server runs.
   */
  orderId: number;
  /**
   * The names in column order; `null` when `orderId` is the same as in the previous sample
   * event of this cluster (the client has them, from that event or from its snapshot).
   */
  names: string[] | null;
  /** kubectl millicores; null: no metrics for the node (unknown, not 0). */
  cpuMillicores: (number | null)[];
  /**
   * Memory in KiB: bytes / 1024, exact because 1024 is a power of two (whole numbers in
   * practice, as metrics-server reports Ki); 8 digits instead of 11 per node.
   */
  memoryKiB: (number | null)[];
  cpuPercent: (number | null)[];
  memoryPercent: (number | null)[];
  /** Each node's metrics timestamp minus the event's `timestampMs`, in ms. */
  metricsOffsetMs: (number | null)[];
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

/** Encodes per-node usage for a sample event at `timestampMs` (see {@link NodeColumns}). */
export function encodeNodeColumns(
  usage: readonly NodeUsageTuple[],
  timestampMs: number,
  orderId: number,
  withNames: boolean,
): NodeColumns {
  const col = <T>(f: (u: NodeUsageTuple) => T) => usage.map(f);
  return {
    orderId,
    names: withNames ? col((u) => u[0]) : null,
    cpuMillicores: col((u) => u[1]),
    memoryKiB: col((u) => (u[2] === null ? null : u[2] / 1024)),
    cpuPercent: col((u) => u[3]),
    memoryPercent: col((u) => u[4]),
    metricsOffsetMs: col((u) => (u[5] === null ? null : u[5] - timestampMs)),
  };
}

/**
 * Decodes the columns with `names` (the event's own, or the ones the client holds for the
 * same `orderId`). `undefined` when the columns and the names do not fit together.
 */
export function decodeNodeColumns(
  columns: NodeColumns,
  names: readonly string[],
  timestampMs: number,
): NodeUsageTuple[] | undefined {
  const n = names.length;
  const lengths = [
    columns.cpuMillicores,
    columns.memoryKiB,
    columns.cpuPercent,
    columns.memoryPercent,
    columns.metricsOffsetMs,
  ].map((c) => c.length);
  if (lengths.some((l) => l !== n)) return undefined;
  return names.map((name, i) => {
    const kib = columns.memoryKiB[i]!;
    const offset = columns.metricsOffsetMs[i]!;
    return [
      name,
      columns.cpuMillicores[i]!,
      kib === null ? null : kib * 1024,
      columns.cpuPercent[i]!,
      columns.memoryPercent[i]!,
      offset === null ? null : timestampMs + offset,
    ];
  });
}
