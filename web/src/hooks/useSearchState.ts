/** Read and write view state in the query string (see lib/urlState.ts). */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { mergeSearch, parseSort, serializeSort } from '../lib/urlState';
import { nextSort, type SortDir, type SortState } from '../lib/sort';

export interface SearchUpdateOptions {
  /**
   * Replace the history entry instead of pushing one. Used while typing a filter,
   * so Back leaves the page instead of deleting one character.
   */
  replace?: boolean;
  /** Values equal to these defaults are dropped from the URL. */
  defaults?: Record<string, string>;
}

export function useSearchState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (updates: Record<string, string | null>, options: SearchUpdateOptions = {}) =>
      setParams((prev) => mergeSearch(prev, updates, options.defaults), {
        replace: options.replace ?? false,
        preventScrollReset: true,
        // Controlled inputs (filter box, range radios) must reflect the new URL
        // in the same frame; inside a transition typing lags and radios bounce back.
        flushSync: true,
      }),
    [setParams],
  );
  return [params, update] as const;
}

/**
 * A table's sort order in `?<param>=-cpu`, plus the header-click handler. A newly
 * clicked column starts descending (biggest first), except `ascendingKeys`
 * (names and other text, which read best A→Z).
 */
export function useUrlSort<K extends string>(
  param: string,
  keys: readonly K[],
  fallback: SortState<K>,
  ascendingKeys: readonly K[] = [],
) {
  const [params, update] = useSearchState();
  const sort = parseSort(params.get(param), keys, fallback);
  const onSort = useCallback(
    (key: K) => {
      const firstDir: SortDir = ascendingKeys.includes(key) ? 'asc' : 'desc';
      update(
        { [param]: serializeSort(nextSort(sort, key, firstDir)) },
        { defaults: { [param]: serializeSort(fallback) } },
      );
    },
    [update, param, sort, fallback, ascendingKeys],
  );
  return [sort, onSort] as const;
}

/** A text filter in `?<param>=`; typing replaces the history entry. */
export function useUrlText(param: string) {
  const [params, update] = useSearchState();
  const value = params.get(param) ?? '';
  const setValue = useCallback(
    (next: string) => update({ [param]: next }, { replace: true }),
    [update, param],
  );
  return [value, setValue] as const;
}
