import { describe, expect, it } from 'vitest';
import { MetricsPoller, windowOf, type PollReport, type PollResult } from './metricsPoller.js';
import { ResolutionDetector } from './resolution.js';
import { UpstreamError, type Upstream } from './upstream.js';

/** An upstream that answers discovery and the two lists from a script, recording paths. */
function fakeUpstream(version = 'v1beta1') {
  const state = {
    paths: [] as string[],
    nodes: [] as unknown[],
    pods: [] as unknown[],
    listError: undefined as UpstreamError | undefined,
    version,
  };
  const upstream = {
    getJson: async (path: string) => {
      state.paths.push(path);
      if (path === '/apis/metrics.k8s.io') {
        return { body: { preferredVersion: { version: state.version } }, bytes: 10 };
      }
      if (state.listError) throw state.listError;
      const items = path.endsWith('/nodes') ? state.nodes : state.pods;
      return { body: { items }, bytes: 100 };
    },
  } as unknown as Upstream;
  return { upstream, state };
}

const iso = (ms: number) => new Date(ms).toISOString();
const nodeItem = (name: string, ts: number, cpu = '100n') => ({
  metadata: { name },
  timestamp: iso(ts),
  window: '15s',
  usage: { cpu, memory: '1Ki' },
});
const podItem = (ns: string, name: string, ts: number | null, containers = 1) => ({
  metadata: { name, namespace: ns },
  timestamp: ts === null ? null : iso(ts),
  window: '15s',
  containers: Array.from({ length: containers }, (_, i) => ({
    name: `c${i}`,
    usage: { cpu: '5n', memory: '1Ki' },
  })),
});

function recorder() {
  const samples: PollResult[] = [];
  const unchanged: PollReport[] = [];
  const failures: unknown[] = [];
  return {
    samples,
    unchanged,
    failures,
    events: {
      sample: (r: PollResult) => samples.push(r),
      unchanged: (r: PollReport) => unchanged.push(r),
      failed: (e: unknown) => failures.push(e),
    },
  };
}

describe('MetricsPoller', () => {
  it('one node whose clock is an hour ahead does not freeze the cluster', async () => {
    const { upstream, state } = fakeUpstream();
    const rec = recorder();
    const poller = new MetricsPoller(upstream, { resolutionMs: 15_000 }, rec.events);
    const t = Date.now() - 60_000;
    for (let i = 0; i < 4; i++) {
      state.nodes = [
        nodeItem('n1', t + i * 15_000, `${i + 1}00n`),
        nodeItem('n2', t + i * 15_000),
        nodeItem('skewed', t + 3_600_000),
      ];
      await poller.pollNow();
    }
    expect(rec.unchanged).toHaveLength(0);
    expect(
      rec.samples.map((s) => s.sample.nodes.find((n) => n.name === 'n1')!.cpuNanocores),
    ).toEqual([100, 200, 300, 400]);
    // The sample stands for the healthy nodes' time, and the skew is measured.
    expect(rec.samples.map((s) => s.sample.timestampMs)).toEqual(
      [0, 1, 2, 3].map((i) => t + i * 15_000),
    );
    const skewed = rec.samples[3]!.clocks.find((c) => c.name === 'skewed')!;
    expect(skewed.offsetMs).toBeGreaterThan(3_500_000);
  });

  it('replicas answering alternately never send values back and forth', async () => {
    const { upstream, state } = fakeUpstream();
    const rec = recorder();
    const poller = new MetricsPoller(upstream, { resolutionMs: 15_000 }, rec.events);
    const t = Date.now() - 60_000;
    // Replica A's scrapes at t, t+15 s; replica B's at t-8 s, t+7 s.
    for (const ts of [t, t - 8000, t + 7000, t, t + 15_000, t + 7000]) {
      state.nodes = [nodeItem('n1', ts, `${ts - t + 100_000}n`)];
      state.pods = [podItem('ns', 'p', ts)];
      await poller.pollNow();
    }
    const seen = rec.samples.map((s) => s.sample.nodes[0]!.timestampMs - t);
    expect(seen).toEqual([0, 7000, 15_000]);
    expect(rec.unchanged).toHaveLength(3);
  });

  it('drops malformed items and collapses duplicates without failing the poll', async () => {
    const { upstream, state } = fakeUpstream();
    const rec = recorder();
    const poller = new MetricsPoller(upstream, { resolutionMs: 15_000 }, rec.events);
    const t = Date.now() - 10_000;
    state.nodes = [nodeItem('n1', t), nodeItem('n1', t), nodeItem('bad', t, 'lots')];
    state.pods = [
      podItem('ns', 'ok', t),
      podItem('ns', 'null-ts', null),
      podItem('ns', 'empty', t, 0),
    ];
    await poller.pollNow();
    expect(rec.failures).toEqual([]);
    const r = rec.samples[0]!;
    expect(r.sample.nodes.map((n) => n.name)).toEqual(['n1']);
    expect(r.sample.pods.map((p) => p.name)).toEqual(['ok']);
    expect(r.dropped.map((d) => d.what)).toEqual(['node bad', 'pod ns/null-ts', 'pod ns/empty']);
    expect(r.duplicates).toBe(1);
  });

  it('reads the discovered version, and asks again after a failed list', async () => {
    const { upstream, state } = fakeUpstream('v1');
    const rec = recorder();
    const poller = new MetricsPoller(upstream, { resolutionMs: 15_000 }, rec.events);
    state.nodes = [nodeItem('n1', Date.now() - 5000)];
    await poller.pollNow();
    await poller.pollNow();
    expect(state.paths).toEqual([
      '/apis/metrics.k8s.io',
      '/apis/metrics.k8s.io/v1/nodes',
      '/apis/metrics.k8s.io/v1/pods',
      '/apis/metrics.k8s.io/v1/nodes',
      '/apis/metrics.k8s.io/v1/pods',
    ]);
    state.listError = new UpstreamError({
      kind: 'http',
      message: 'HTTP 404',
      path: '/apis/metrics.k8s.io/v1/nodes',
      status: 404,
    });
    await poller.pollNow();
    expect(rec.failures).toHaveLength(1);
    state.listError = undefined;
    state.version = 'v1beta1';
    state.paths.length = 0;
    await poller.pollNow();
    expect(state.paths[0]).toBe('/apis/metrics.k8s.io');
    expect(state.paths[1]).toBe('/apis/metrics.k8s.io/v1beta1/nodes');
  });
});

describe('windowOf', () => {
  const node = (windowMs: number) => ({
    name: 'n',
    cpuNanocores: 1,
    memoryBytes: 1,
    timestampMs: 0,
    windowMs,
  });
  it("is the median of the nodes' windows, not the first node's", () => {
    const nodes = [11_000, 19_000, 15_200, 14_100, 16_000].map(node);
    expect(windowOf({ timestampMs: 0, nodes, pods: [] })).toBe(15_200);
    expect(windowOf({ timestampMs: 0, nodes: [], pods: [] })).toBeUndefined();
  });

  it('keeps the detected resolution steady while single windows jitter by a third', () => {
    const detector = new ResolutionDetector(15_000, false);
    const seen = new Set<number>();
    for (let tick = 0; tick < 40; tick++) {
      // Per node and tick a window of 10-20 s, as cadvisor's varying lag makes them.
      const nodes = Array.from({ length: 50 }, (_, i) =>
        node(10_000 + ((i * 7919 + tick * 104_729) % 10_000)),
      );
      detector.observe(tick * 15_000, windowOf({ timestampMs: tick * 15_000, nodes, pods: [] }));
      seen.add(detector.resolutionMs);
    }
    expect([...seen]).toEqual([15_000]);
  });
});
