/** The chart range shared by every screen, in `?range=`. */
import { useCallback } from 'react';
import type { HistoryRange } from '@kubeglance/shared/api';
import { DEFAULT_RANGE, parseRange } from '../lib/urlState';
import { carriedSearch } from '../lib/paths';
import { useSearchState } from './useSearchState';

export function useRange() {
  const [params, update] = useSearchState();
  const range = parseRange(params.get('range'));
  const setRange = useCallback(
    (next: HistoryRange) => update({ range: next }, { defaults: { range: DEFAULT_RANGE } }),
    [update],
  );
  return [range, setRange] as const;
}

/** `?range=…` to append to links, so the range follows the user between screens. */
export function useCarriedSearch(): string {
  const [params] = useSearchState();
  return carriedSearch(params);
}
