/**
 * The data age of one cluster, as every caption, banner and tile on a page shows it: from
 * the newest status this browser has (live stream or REST summary, whichever arrived
 * last), advanced by the one shared clock (`useNow`).
 */
import type { LiveCluster } from '../api/liveState';
import { useSummary } from '../api/summary';
import { dataAgeAt, staleAt, type AgeClock } from '../lib/staleness';
import { useNow } from './useNow';

export interface DataAgeView {
  /** Null: the server holds no sample yet. */
  ageMs: number | null;
  stale: boolean;
  /** Upstream timestamp of the newest sample, for a tooltip. */
  sampleMs: number | null;
  /** Whether anything at all has arrived yet. */
  known: boolean;
}

export function useDataAge(cluster: string, live: LiveCluster | undefined): DataAgeView {
  const summary = useSummary(cluster);
  const now = useNow();
  const rest: AgeClock | undefined = summary.data
    ? { status: summary.data.status, receivedMs: summary.dataUpdatedAt }
    : undefined;
  const clock = live && (!rest || live.receivedMs >= rest.receivedMs) ? live : rest;
  if (!clock) return { ageMs: null, stale: false, sampleMs: null, known: false };
  return {
    ageMs: dataAgeAt(clock, now),
    stale: staleAt(clock, now) || (clock === rest && summary.data?.stale === true),
    sampleMs: live?.lastSampleMs ?? summary.data?.timestampMs ?? null,
    known: true,
  };
}
