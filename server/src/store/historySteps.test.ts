import { describe, expect, it } from 'vitest';
import type { MetricsSample } from '../kube/types.js';
import { HistoryStore } from './history.js';
import { MI, podUsage, sample } from './testFixtures.js';

const RES = 15_000;
/** Ticks the ring holds: small, so the appends below wrap it. */
const TICKS = 4;
/** More pods than one step writes, so an append takes several steps. */
const PODS = 12_000;

/** Tick `i`: every pod's one container uses `i + pod % 7` millicores, memory varies too. */
function bigTick(i: number): MetricsSample {
  const pods = Array.from({ length: PODS }, (_, p) =>
    podUsage(`ns-${p % 30}`, `pod-${p}`, [['app', (i + (p % 7)) * 1e6, (i + p) * MI]]),
  );
  return sample(i * RES, [['n1', i * 1e9, 1000 * MI]], pods);
}

/** Everything a reader can see: the cluster, a namespace, some pods and a container. */
function view(h: HistoryStore) {
  const range = 3_600_000;
  return {
    newest: h.lastTimestampMs,
    cluster: h.query('cluster', {}, range),
    namespace: h.query('namespace', { name: 'ns-3' }, range),
    pods: [0, 4_999, 5_000, 11_999].map((p) =>
      h.query('pod', { namespace: `ns-${p % 30}`, pod: `pod-${p}` }, range),
    ),
    container: h.query('container', { namespace: 'ns-1', pod: 'pod-1', name: 'app' }, range),
    coverage: h.coverage(range),
  };
}

describe('HistoryStore.appendSteps', () => {
  it('writes a tick over several steps, readers between them seeing the previous ticks whole', () => {
    const stepped = new HistoryStore({ retentionMs: TICKS * RES, resolutionMs: RES });
    const atOnce = new HistoryStore({ retentionMs: TICKS * RES, resolutionMs: RES });
    // A full ring: the next tick replaces the oldest, which readers must keep seeing until then.
    for (let i = 1; i <= TICKS; i++) {
      stepped.append(bigTick(i));
      atOnce.append(bigTick(i));
    }
    const next = bigTick(TICKS + 1);
    const before = view(stepped);
    expect(before.pods[0]?.[0]?.points).toHaveLength(TICKS);
    expect(before.pods[0]?.[0]?.points[0]?.[1]).toBe(1);

    const job = stepped.appendSteps(next);
    let steps = 0;
    for (let step = job.next(); !step.done; step = job.next()) {
      steps++;
      expect(view(stepped)).toEqual(before);
    }
    expect(steps).toBeGreaterThanOrEqual(3);

    atOnce.append(next);
    const after = view(stepped);
    expect(after).toEqual(view(atOnce));
    expect(after.newest).toBe((TICKS + 1) * RES);
    expect(after.pods[0]?.[0]?.points.map((p) => p[1])).toEqual([2, 3, 4, 5]);
  });

  it('stores nothing for a sample that is not newer, in one step', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    h.append(bigTick(2));
    const job = h.appendSteps(bigTick(2));
    expect(job.next()).toEqual({ done: true, value: false });
    expect(h.stats().slots).toBe(1);
  });

  it('drops a tick whose job is abandoned half way, and takes the next one', () => {
    const h = new HistoryStore({ retentionMs: TICKS * RES, resolutionMs: RES });
    h.append(bigTick(1));
    const before = view(h);
    const job = h.appendSteps(bigTick(2));
    job.next();
    job.next();
    job.return(false);
    expect(view(h)).toEqual(before);
    expect(h.append(bigTick(3))).toBe(true);
    expect(h.query('pod', { namespace: 'ns-0', pod: 'pod-0' }, 3_600_000)?.[0]?.points).toEqual([
      [RES, 1],
      [2 * RES, null],
      [3 * RES, 3],
    ]);
  });

  it('refuses a second tick or a resize while one is being written', () => {
    const h = new HistoryStore({ retentionMs: TICKS * RES, resolutionMs: RES });
    h.append(bigTick(1));
    const job = h.appendSteps(bigTick(2));
    job.next();
    expect(() => h.append(bigTick(3))).toThrow(/already being written/);
    expect(() => h.setResolution(RES / 2)).toThrow(/being written/);
    while (!job.next().done);
    expect(h.lastTimestampMs).toBe(2 * RES);
  });
});
