/**
 * The last few minutes of per-node usage, kept as one frame per sample (two columns of
 * numbers in node order) rather than two growing series per node: a sample then costs two
 * small typed arrays instead of copying 10,000 series at 5,000 nodes, and a screen that
 * draws a node's trend builds that node's series when it asks for it.
 */
import type { NodeUsageTuple, Point } from '@kubeglance/shared/api';

/** A node's CPU (millicores) and memory (bytes) points. */
export interface UsageSeries {
  cpu: Point[];
  memory: Point[];
}

/** One sample's per-node usage. */
export interface NodeUsageFrame {
  t: number;
  /** Node names in column order; the same array as the previous frame's while they stay. */
  names: readonly string[];
  /** Column of each name (built once per `names`). */
  index: ReadonlyMap<string, number>;
  /** NaN where the node had no value (unknown, never 0). */
  cpu: Float64Array;
  memory: Float64Array;
}

type NameUsage = readonly [string, number | null, number | null];

/** The frame of a sample at `t` (usage tuples or name/cpu/memory rows). */
export function usageFrame(
  t: number,
  rows: readonly (NodeUsageTuple | NameUsage)[],
  previous: NodeUsageFrame | undefined,
): NodeUsageFrame {
  const same =
    previous != null &&
    previous.names.length === rows.length &&
    rows.every((r, i) => r[0] === previous.names[i]);
  const names = same ? previous.names : rows.map((r) => r[0]);
  const index = same ? previous.index : new Map(names.map((n, i) => [n, i]));
  const cpu = new Float64Array(rows.length);
  const memory = new Float64Array(rows.length);
  rows.forEach((r, i) => {
    cpu[i] = r[1] ?? NaN;
    memory[i] = r[2] ?? NaN;
  });
  return { t, names, index, cpu, memory };
}

/** `frames` with `frame` appended and the frames older than `sinceMs` left out. */
export function appendFrame(
  frames: readonly NodeUsageFrame[],
  frame: NodeUsageFrame,
  sinceMs: number,
): NodeUsageFrame[] {
  let from = 0;
  while (from < frames.length && frames[from]!.t < sinceMs) from++;
  const kept = frames.slice(from);
  kept.push(frame);
  return kept;
}

const built = new WeakMap<readonly NodeUsageFrame[], Map<string, UsageSeries>>();

/**
 * A node's points over `frames`, one per frame that lists it (null where its value was
 * unknown). The same object for the same frames and name, so a screen re-rendered without a
 * new sample gets the series it had.
 */
export function nodeLiveUsage(frames: readonly NodeUsageFrame[], name: string): UsageSeries {
  let byName = built.get(frames);
  if (!byName) built.set(frames, (byName = new Map()));
  let series = byName.get(name);
  if (!series) {
    series = { cpu: [], memory: [] };
    for (const f of frames) {
      const i = f.index.get(name);
      if (i === undefined) continue;
      const cpu = f.cpu[i]!;
      const memory = f.memory[i]!;
      series.cpu.push([f.t, Number.isNaN(cpu) ? null : cpu]);
      series.memory.push([f.t, Number.isNaN(memory) ? null : memory]);
    }
    byName.set(name, series);
  }
  return series;
}
