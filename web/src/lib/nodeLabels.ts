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
  const reversed = names.map((n) => [...n].reverse().join(''));
  let common = reversed[0] ?? '';
  for (const r of reversed) {
    let i = 0;
    while (i < common.length && i < r.length && common[i] === r[i]) i++;
    common = common.slice(0, i);
  }
  if (names.length < 2 || common === '') return '';
  // Cut just before (in name order) a separator, so the suffix starts with it.
  let cut = -1;
  for (let i = common.length - 1; i >= 0; i--) {
    if (SEPARATORS.test(common[i] ?? '')) {
      cut = i + 1;
      break;
    }
  }
  if (cut <= 0) return '';
  const suffix = [...common.slice(0, cut)].reverse().join('');
  return names.every((n) => n.length > suffix.length) ? suffix : '';
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
