import { describe, expect, it } from 'vitest';
import { applyEvent, initialLiveState, withConnection } from '../../api/liveState';
import { snapshot } from '../../api/testFixtures';
import { staleReasons } from './staleness';

describe('staleReasons', () => {
  // The server says the data is 0 s old; received at 100 s (browser clock).
  const live = applyEvent(initialLiveState(), 'snapshot', snapshot(90_000), 100_000);

  it('is empty while data is younger than two resolutions', () => {
    expect(staleReasons(live, ['alpha'], 130_000)).toEqual([]);
  });

  it('names the cluster and its age once data is older', () => {
    expect(staleReasons(live, ['alpha'], 131_000)).toEqual([
      'alpha: no new data; data 31 s old (expected every 15 s)',
    ]);
  });

  it('believes the server when it says the metrics stopped', () => {
    const status = { ...live.clusters.alpha!.status, metrics: 'stale' as const, dataAgeMs: 40_000 };
    const stopped = applyEvent(live, 'status', { cluster: 'alpha', status }, 101_000);
    expect(staleReasons(stopped, ['alpha'], 105_000)).toEqual([
      'alpha: metrics pipeline stopped; data 44 s old (expected every 15 s)',
    ]);
  });

  it('is STALE on first load during an outage: the server-side age counts, not arrival', () => {
    const snap = snapshot(90_000);
    snap.summary.status = { ...snap.summary.status, metrics: 'failing', dataAgeMs: 95_000 };
    const loaded = applyEvent(initialLiveState(), 'snapshot', snap, 100_000);
    expect(staleReasons(loaded, ['alpha'], 100_000)).toEqual([
      'alpha: metrics pipeline failing; data 1 min old (expected every 15 s)',
    ]);
  });

  it('adds the connection state when the server is gone', () => {
    const down = withConnection(live, {
      state: 'retrying',
      attempt: 2,
      retryAtMs: 135_000,
      error: 'the kubeglance server cannot be reached',
    });
    expect(staleReasons(down, ['alpha'], 131_000)[1]).toBe(
      'No live connection: the kubeglance server cannot be reached; reconnecting in 4 s.',
    );
    // Not stale yet: a short reconnect alone raises no banner.
    expect(staleReasons(down, ['alpha'], 110_000)).toEqual([]);
  });

  it('raises the banner when there is no data at all and the server is unreachable', () => {
    const empty = withConnection(initialLiveState(), {
      state: 'retrying',
      attempt: 1,
      retryAtMs: null,
      error: 'x',
    });
    expect(staleReasons(empty, ['alpha'], 0)).toHaveLength(1);
  });
});
