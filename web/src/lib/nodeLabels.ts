/**
 * Short tile labels for node names on the wall screen. Node names repeat what every tile
 * would say ("sim-worker-", "ip-10-0-….ec2.internal", "gke-prod-pool-1-a1b2c3d4-"); the
 * part that tells nodes apart is what is left. The common stem is said once by the panel.
 */
import { sharedPrefix } from './names';

const SEPARATORS = /[-._]/;

export interface NodeLabels {
  /** One label per name, in the same order; never empty. */
  labels: string[];
  /** What the labels of the largest family leave off at the start ("sim-worker-"). */
  prefix: string;
}

/** The suffix every name shares, starting at a separator (".ec2.internal"). */
export function sharedSuffix(names: readonly string[]): string {
  // The shared prefix of the reversed names, read back: it ends at a separator there, so
  // here it starts with one, and it leaves every name something of its own.
  const reverse = (t: string) => [...t].reverse().join('');
  return reverse(sharedPrefix(names.map(reverse)));
}

/** Everything up to and including the last separator ("sim-worker-" of "sim-worker-007"). */
function stemOf(name: string): string {
  for (let i = name.length - 2; i > 0; i--)
    if (SEPARATORS.test(name[i] ?? '')) return name.slice(0, i + 1);
  return '';
}

/**
 * Labels without the shared suffix and, for the largest family of names (same stem, at
 * least two), without that stem; other names lose only the prefix all names share.
 */
export function nodeLabels(names: readonly string[]): NodeLabels {
  const suffix = sharedSuffix(names);
  const trimmed = names.map((n) => n.slice(0, n.length - suffix.length));
  const counts = new Map<string, number>();
  for (const t of trimmed) {
    const stem = stemOf(t);
    if (stem) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  let family = '';
  let best = 1;
  for (const [stem, count] of counts) if (count > best) [family, best] = [stem, count];
  const common = sharedPrefix(trimmed);
  const prefix = family || common;
  const labels = trimmed.map((t) =>
    family && stemOf(t) === family ? t.slice(family.length) : t.slice(common.length),
  );
  return { labels, prefix };
}

/** The last few answers of `sameNodeLabels`: wall-screen pages alternate between clusters. */
const recent: { names: readonly string[]; labels: NodeLabels }[] = [];
const RECENT = 4;

const sameNames = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/**
 * `nodeLabels(names)`, the same object again while the names stay the same: every sample
 * brings new node rows, rarely new names, and what is measured from the labels (text
 * widths, tile spans) is kept by that object.
 */
export function sameNodeLabels(names: readonly string[]): NodeLabels {
  const hit = recent.find((r) => sameNames(r.names, names));
  if (hit) return hit.labels;
  const labels = nodeLabels(names);
  recent.unshift({ names, labels });
  recent.length = Math.min(recent.length, RECENT);
  return labels;
}
