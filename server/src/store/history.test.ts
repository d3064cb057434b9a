import { describe, expect, it } from 'vitest';
import type { Point, Series } from '@kubeglance/shared/api';
import { HistoryStore } from './history.js';
import { inventory, MI, node, podUsage, sample } from './testFixtures.js';

const RES = 15_000;

function values(series: Series[] | undefined, metric: 'cpu' | 'memory'): (number | null)[] {
  const s = series?.find((x) => x.metric === metric);
  if (!s) throw new Error(`no ${metric} series`);
  return s.points.map((p: Point) => p[1]);
}

function times(series: Series[] | undefined): number[] {
  return series![0]!.points.map((p) => p[0]);
}

/** A sample at tick `i` with one node and one pod `ns/p` whose container uses `i` millicores. */
function tick(i: number) {
  return sample(
    i * RES,
    [['n1', i * 1e6, 100 * MI]],
    [podUsage('ns', 'p', [['app', i * 1e6, MI]])],
  );
}

describe('HistoryStore append and query', () => {
  it('returns the newest points inside the range, CPU then memory, on the sample grid', () => {
    const h = new HistoryStore({ retentionMs: 3_600_000, resolutionMs: RES });
    for (let i = 1; i <= 30; i++) expect(h.append(tick(i))).toBe(true);
    const s = h.query('node', { name: 'n1' }, 5 * 60_000);
    expect(s?.map((x) => [x.metric, x.unit])).toEqual([
      ['cpu', 'millicores'],
      ['memory', 'bytes'],
    ]);
    expect(times(s)).toEqual(Array.from({ length: 20 }, (_, k) => (11 + k) * RES));
    expect(values(s, 'cpu')).toEqual(Array.from({ length: 20 }, (_, k) => 11 + k));
    expect(values(s, 'memory').every((v) => v === 100 * MI)).toBe(true);
    expect(h.query('pod', { namespace: 'ns', pod: 'p' }, 60_000)?.[0]?.points).toHaveLength(4);
    const app = h.query('container', { namespace: 'ns', pod: 'p', name: 'app' }, 60_000);
    expect(times(app)).toEqual([27, 28, 29, 30].map((i) => i * RES));
    expect(values(app, 'cpu')).toEqual([27, 28, 29, 30]);
    expect(values(app, 'memory')).toEqual([MI, MI, MI, MI]);
    expect(h.lastTimestampMs).toBe(30 * RES);
  });

  it('ignores a sample that is not newer than the last one', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    expect(h.append(tick(2))).toBe(true);
    expect(h.append(tick(2))).toBe(false);
    expect(h.append(tick(1))).toBe(false);
    expect(h.stats().slots).toBe(1);
    expect(values(h.query('cluster', {}, 3_600_000), 'cpu')).toEqual([2]);
  });

  it('shows failed ticks and a trailing outage as null, never 0', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    for (const i of [1, 2, 3, 6, 7]) h.append(tick(i)); // polls 4 and 5 failed
    const s = h.query('node', { name: 'n1' }, 3_600_000);
    expect(times(s)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => i * RES));
    expect(values(s, 'cpu')).toEqual([1, 2, 3, null, null, 6, 7]);
    expect(values(s, 'memory')[3]).toBeNull();
    // Asked up to "now" (10.2 ticks), the missing ticks 8..9 are null; 10 is not yet overdue.
    const now = h.query('node', { name: 'n1' }, 3_600_000, 10.2 * RES);
    expect(times(now).slice(-3)).toEqual([7, 8, 9].map((i) => i * RES));
    expect(values(now, 'cpu').slice(-3)).toEqual([7, null, null]);
    // Late by less than half a resolution: no gap.
    expect(times(h.query('node', { name: 'n1' }, 3_600_000, 8.4 * RES)).at(-1)).toBe(7 * RES);
  });

  it('fills a gap that straddles the start of the window', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    h.append(tick(1));
    h.append(tick(20));
    const s = h.query('cluster', {}, 4 * RES);
    expect(times(s)).toEqual([17, 18, 19, 20].map((i) => i * RES));
    expect(values(s, 'cpu')).toEqual([null, null, null, 20]);
  });

  it('reads null where a series is absent from a sample and before it existed', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    h.append(sample(RES, [['n1', 1e6, MI]]));
    h.append(tick(2));
    h.append(sample(3 * RES, [['n1', 1e6, MI]]));
    h.append(tick(4));
    const s = h.query('pod', { namespace: 'ns', name: 'p' }, 3_600_000);
    expect(values(s, 'cpu')).toEqual([null, 2, null, 4]);
    expect(values(s, 'memory')).toEqual([null, MI, null, MI]);
  });

  it('rounds like kubectl: pod and namespace round the exact nanocore sum once', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    const pods = [
      podUsage('ns', 'a', [
        ['x', 1_000_001, 801_480 * 1024],
        ['y', 1_000_001, 0],
      ]),
      podUsage('ns', 'b', [['x', 2_000_002, 1024]]),
    ];
    h.append(
      sample(
        RES,
        [
          ['n1', 273_214_048, 3 * MI],
          ['n2', 1, MI],
        ],
        pods,
      ),
    );
    const cpu = (scope: 'pod' | 'namespace' | 'container', key: object) =>
      values(h.query(scope, key, RES), 'cpu')[0];
    expect(cpu('container', { namespace: 'ns', pod: 'a', name: 'x' })).toBe(2);
    expect(cpu('pod', { namespace: 'ns', pod: 'a' })).toBe(3);
    expect(cpu('pod', { namespace: 'ns', pod: 'b' })).toBe(3);
    // 4000004n → 5m, not the 6m that summing the pods' rounded values would give.
    expect(cpu('namespace', { namespace: 'ns' })).toBe(5);
    expect(values(h.query('namespace', { name: 'ns' }, RES), 'memory')).toEqual([820_716_544]);
    const cluster = h.query('cluster', {}, RES);
    // ceil(273214049 / 1e6) = 274, not 274 + 1 from rounding each node first.
    expect(values(cluster, 'cpu')).toEqual([274]);
    expect(values(cluster, 'memory')).toEqual([4 * MI]);
    expect(values(h.query('pod', { namespace: 'ns', pod: 'a' }, RES), 'memory')).toEqual([
      820_715_520,
    ]);
  });

  it('knows the cluster series before any sample; other unknown series are undefined', () => {
    const h = new HistoryStore();
    expect(h.query('cluster', {}, 300_000)).toEqual([
      { metric: 'cpu', unit: 'millicores', points: [] },
      { metric: 'memory', unit: 'bytes', points: [] },
    ]);
    h.append(tick(1));
    expect(h.query('node', { name: 'nope' }, 300_000)).toBeUndefined();
    expect(h.query('node', {}, 300_000)).toBeUndefined();
    expect(h.query('pod', { name: 'p' }, 300_000)).toBeUndefined();
    expect(h.query('container', { namespace: 'ns', pod: 'p' }, 300_000)).toBeUndefined();
    expect(h.query('namespace', { name: 'n1' }, 300_000)).toBeUndefined(); // a node, not a ns
  });

  it('keeps the cluster total unknown (null) in a sample without node metrics', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    h.append(tick(1));
    h.append(sample(2 * RES, [], [podUsage('ns', 'p', [['app', 1e6, MI]])]));
    expect(values(h.query('cluster', {}, 3_600_000), 'cpu')).toEqual([1, null]);
  });
});

describe('HistoryStore coverage', () => {
  it('records nodes reporting of nodes listed per point, null where no sample was stored', () => {
    const h = new HistoryStore({ resolutionMs: RES });
    const inv = inventory([node('n1'), node('n2')], []);
    h.append(
      sample(RES, [
        ['n1', 1e9, MI],
        ['n2', 1e9, MI],
      ]),
      inv,
    );
    h.append(sample(2 * RES, [['n1', 1e9, MI]]), inv);
    // tick 3 failed (nothing stored); tick 4 with both again.
    h.append(
      sample(4 * RES, [
        ['n1', 1e9, MI],
        ['n2', 1e9, MI],
      ]),
      inv,
    );
    expect(h.coverage(4 * RES, 4 * RES)).toEqual([
      [RES, 2, 2],
      [2 * RES, 1, 2],
      [3 * RES, null, null],
      [4 * RES, 2, 2],
    ]);
  });
});

describe('HistoryStore retention', () => {
  it('drops a deleted pod once its last point leaves the retention window', () => {
    const h = new HistoryStore({ retentionMs: 4 * RES, resolutionMs: RES });
    h.append(tick(1));
    const nodeOnly = (i: number) => sample(i * RES, [['n1', 1e6, MI]]);
    for (let i = 2; i <= 4; i++) h.append(nodeOnly(i));
    expect(values(h.query('pod', { namespace: 'ns', pod: 'p' }, 4 * RES), 'cpu')).toEqual([
      1,
      null,
      null,
      null,
    ]);
    h.append(nodeOnly(5));
    expect(h.query('pod', { namespace: 'ns', pod: 'p' }, 4 * RES)).toBeUndefined();
    expect(h.query('namespace', { namespace: 'ns' }, 4 * RES)).toBeUndefined();
    expect(values(h.query('node', { name: 'n1' }, 4 * RES), 'cpu')).toEqual([1, 1, 1, 1]);
    expect(h.stats().series).toBe(2); // cluster + n1
  });

  it('drops a container that stopped reporting while its pod lives on', () => {
    const h = new HistoryStore({ retentionMs: 2 * RES, resolutionMs: RES });
    const both = podUsage('ns', 'p', [
      ['app', 1e6, MI],
      ['debug', 2e6, MI],
    ]);
    h.append(sample(RES, [], [both]));
    for (let i = 2; i <= 3; i++)
      h.append(sample(i * RES, [], [podUsage('ns', 'p', [['app', 1e6, MI]])]));
    const key = { namespace: 'ns', pod: 'p' };
    expect(h.query('container', { ...key, name: 'debug' }, RES * 10)).toBeUndefined();
    expect(values(h.query('container', { ...key, name: 'app' }, RES * 10), 'cpu')).toEqual([1, 1]);
    // The freed row is reused for a new container, starting as gaps.
    h.append(sample(4 * RES, [], [podUsage('ns', 'p', [['new', 3e6, MI]])]));
    expect(values(h.query('container', { ...key, name: 'new' }, RES * 10), 'cpu')).toEqual([
      null,
      3,
    ]);
    expect(values(h.query('pod', key, RES * 10), 'cpu')).toEqual([1, 3]);
  });

  it('never shows points older than the retention window, even after an outage', () => {
    const h = new HistoryStore({ retentionMs: 4 * RES, resolutionMs: RES });
    h.append(tick(1));
    h.append(tick(2));
    h.append(tick(10));
    expect(times(h.query('cluster', {}, 3_600_000))).toEqual([7, 8, 9, 10].map((i) => i * RES));
  });

  it('stays bounded under churn: pods replaced every tick', () => {
    const window = 8;
    const podsPerTick = 50;
    const h = new HistoryStore({ retentionMs: window * RES, resolutionMs: RES });
    let peakBytes = 0;
    for (let i = 1; i <= 1000; i++) {
      const pods = Array.from({ length: podsPerTick }, (_, k) =>
        podUsage(`ns${k % 3}`, `p-${i}-${k}`, [['app', 1e6, MI]]),
      );
      h.append(sample(i * RES, [['n1', 1e6, MI]], pods));
      const { series, bytes } = h.stats();
      // pods + containers of the last `window` ticks, plus cluster, node, 3 namespaces
      expect(series).toBeLessThanOrEqual(2 * podsPerTick * window + 5);
      if (i === 100) peakBytes = bytes;
      if (i > 100) expect(bytes).toBeLessThanOrEqual(peakBytes);
    }
    expect(h.stats().slots).toBe(window);
  });
});

describe('HistoryStore resolution and stats', () => {
  it('keeps the samples that still fit when the resolution changes', () => {
    const h = new HistoryStore({ retentionMs: 60 * RES, resolutionMs: RES });
    for (let i = 1; i <= 10; i++) h.append(tick(i));
    h.setResolution(RES / 3); // more slots: everything kept
    expect(values(h.query('node', { name: 'n1' }, 3_600_000), 'cpu')).toEqual(
      Array.from({ length: 10 }, (_, k) => k + 1),
    );
    h.setResolution(RES * 12); // 5 slots: the newest 5 survive
    expect(h.resolutionMs).toBe(RES * 12);
    expect(h.stats().slots).toBe(5);
    expect(values(h.query('node', { name: 'n1' }, 3_600_000), 'cpu')).toEqual([6, 7, 8, 9, 10]);
    expect(() => h.setResolution(0)).toThrow();
  });

  it('does not re-lay the ring when the resolution wobbles', () => {
    const h = new HistoryStore({ retentionMs: 3_600_000, resolutionMs: RES });
    h.append(tick(1));
    const before = h.stats().bytes;
    h.setResolution(14_000); // needs 258 slots: grows
    const grown = h.stats().bytes;
    expect(grown).toBeGreaterThan(before);
    h.setResolution(16_000); // 225 slots would do: keeps 258
    expect(h.stats().bytes).toBe(grown);
    expect(h.resolutionMs).toBe(16_000);
    h.setResolution(60_000); // 60 slots, over 1.5× smaller: shrinks
    expect(h.stats().bytes).toBeLessThan(before);
  });

  it('reports series, filled slots and typed-array bytes', () => {
    const h = new HistoryStore({ retentionMs: 3_600_000, resolutionMs: RES });
    // Time + interval columns (240 ticks and the spare slot the next tick is written into),
    // last-seen columns.
    const fixed = 2 * 241 * 8 + 2 * 64 * 8;
    expect(h.stats()).toEqual({ series: 0, slots: 0, bytes: fixed });
    h.append(tick(1));
    // cluster, n1, ns | pod, container: one chunk each, whose open block is 32 rows × 16
    // slots raw; nothing is packed yet. Per column, 16 blocks (241 slots) × 12 bytes of
    // bookkeeping.
    expect(h.stats().series).toBe(5);
    const aggregateChunk = 32 * 16 * (4 + 4);
    const workloadChunk = 32 * 16 * (2 + 4);
    const bookkeeping = 4 * 16 * 12;
    expect(h.stats().bytes).toBe(fixed + aggregateChunk + workloadChunk + bookkeeping);
  });
});
