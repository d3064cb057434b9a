/**
 * View state lives in the query string so links, reloads and back/forward restore
 * exactly what was on screen. These are the pure parse/serialise halves; the React
 * hook that applies them is `hooks/useSearchState.ts`.
 */
import { HISTORY_RANGES, LONG_HISTORY_RANGES, type HistoryRange } from '@kubeglance/shared/api';
import type { SortDir, SortState } from './sort';

export const DEFAULT_RANGE: HistoryRange = '15m';

export function parseRange(value: string | null, fallback: HistoryRange = DEFAULT_RANGE) {
  return [...HISTORY_RANGES, ...LONG_HISTORY_RANGES].find((r) => r === value) ?? fallback;
}

/** `"cpu"` is ascending, `"-cpu"` descending; unknown keys fall back. */
export function parseSort<K extends string>(
  value: string | null,
  keys: readonly K[],
  fallback: SortState<K>,
): SortState<K> {
  if (!value) return fallback;
  const dir: SortDir = value.startsWith('-') ? 'desc' : 'asc';
  const name = dir === 'desc' ? value.slice(1) : value;
  const key = keys.find((k) => k === name);
  return key ? { key, dir } : fallback;
}

export function serializeSort(sort: SortState): string {
  return sort.dir === 'desc' ? `-${sort.key}` : sort.key;
}

/** Comma-separated list: trimmed, de-duplicated, empties dropped, order kept. */
export function parseList(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()))].filter((s) => s !== '');
}

/** `null` removes the parameter, so an empty list leaves no `?x=` behind. */
export function serializeList(items: readonly string[]): string | null {
  return items.length === 0 ? null : items.join(',');
}

export function toggleInList(items: readonly string[], item: string): string[] {
  return items.includes(item) ? items.filter((i) => i !== item) : [...items, item];
}

/**
 * A copy of `current` with `updates` applied. `null`, `''` and values equal to
 * their default (`defaults[key]`) delete the key, keeping URLs short and canonical.
 */
export function mergeSearch(
  current: URLSearchParams,
  updates: Record<string, string | null>,
  defaults: Record<string, string> = {},
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(updates)) {
    if (value == null || value === '' || defaults[key] === value) next.delete(key);
    else next.set(key, value);
  }
  return next;
}
