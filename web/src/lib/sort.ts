/** Column sorting shared by every table: typed accessors, stable order, unknowns last. */
// Names compare as people read them ("node-2" before "node-10"), as Intl.Collator would.
import { compareNames } from './nameCompare';

export type SortDir = 'asc' | 'desc';

export interface SortState<K extends string = string> {
  key: K;
  dir: SortDir;
}

export type SortValue = number | string | null | undefined;

/**
 * Compare two cell values. `null`/`undefined`/`NaN` mean "unknown" and always sort
 * after known values in BOTH directions: flipping the direction must not bring the
 * nodes without metrics to the top and hide the busy ones.
 */
export function compareNullsLast(a: SortValue, b: SortValue, dir: SortDir): number {
  const aUnknown = a == null || (typeof a === 'number' && Number.isNaN(a));
  const bUnknown = b == null || (typeof b === 'number' && Number.isNaN(b));
  if (aUnknown || bUnknown) return aUnknown === bUnknown ? 0 : aUnknown ? 1 : -1;
  const sign = dir === 'asc' ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return sign * (a - b);
  return sign * compareNames(String(a), String(b));
}

export type Accessors<T, K extends string> = Record<K, (row: T) => SortValue>;

/**
 * Sorted copy of `rows`. Ties fall back to `tieBreak` (ascending, e.g. the name) so
 * rows with equal values do not jump around between live refreshes.
 */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: SortState<K>,
  accessors: Accessors<T, K>,
  tieBreak?: (row: T) => string,
): T[] {
  const get = accessors[sort.key];
  return [...rows].sort((x, y) => {
    const byKey = compareNullsLast(get(x), get(y), sort.dir);
    if (byKey !== 0 || !tieBreak) return byKey;
    return compareNames(tieBreak(x), tieBreak(y));
  });
}

/** The sort after a header click: same column flips direction, a new one starts at `firstDir`. */
export function nextSort<K extends string>(
  current: SortState<K>,
  key: K,
  firstDir: SortDir = 'desc',
): SortState<K> {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: firstDir };
}

/** Case-insensitive "contains" over several fields; an empty query matches everything. */
export function matchesQuery(
  query: string,
  fields: readonly (string | null | undefined)[],
): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  return fields.some((f) => f != null && f.toLowerCase().includes(q));
}
