import { describe, expect, it, vi } from 'vitest';
import {
  applyEvent,
  initialLiveState,
  LIVE_WINDOW_MS,
  NODE_LIVE_WINDOW_MS,
  withConnection,
} from './liveState';
import { nodeLiveUsage } from './liveNodeUsage';
import { okStatus, sample, sampleOrder, snapshot } from './testFixtures';

const hello = (version: string) => ({ version, startedMs: 0, clusters: ['alpha'] });

describe('live state', () => {
  it('remembers the first server version and flags a redeploy', () => {
    let s = applyEvent(initialLiveState(), 'hello', hello('v1'), 1);
    expect(s.version).toBe('v1');
    expect(s.versionChanged).toBe(false);
    expect(s.clusterNames).toEqual(['alpha']);
    s = applyEvent(s, 'hello', hello('v1'), 2);
    expect(s.versionChanged).toBe(false);
    s = applyEvent(s, 'hello', hello('v2'), 3);
    expect(s.versionChanged).toBe(true);
  });

  it('builds a cluster from its snapshot', () => {
    const s = applyEvent(initialLiveState(), 'snapshot', snapshot(1_000), 5);
    const c = s.clusters.alpha;
    expect(c?.lastSampleMs).toBe(1_000);
    expect(c?.totals.cpu).toEqual([[1_000, 1200]]);
    expect(nodeLiveUsage(c!.nodeFrames, 'node-2').cpu).toEqual([[1_000, null]]);
    expect(s.lastEventMs).toBe(5);
  });

  it('ignores samples for clusters without a snapshot', () => {
    const s0 = initialLiveState();
    const s = applyEvent(s0, 'sample', sample(2_000), 1);
    expect(s.clusters).toEqual({});
  });

  it('applies samples: totals, node usage, new and vanished nodes', () => {
    let s = applyEvent(initialLiveState(), 'snapshot', snapshot(1_000), 1);
    s = applyEvent(s, 'sample', sample(16_000), 2);
    const c = s.clusters.alpha!;
    expect(c.lastSampleMs).toBe(16_000);
    expect(c.totals.cpu).toEqual([
      [1_000, 1200],
      [16_000, 1500],
    ]);
    const byName = Object.fromEntries(c.nodes.map((n) => [n.name, n]));
    expect(byName['node-1']?.cpu.usageMillicores).toBe(1500);
    expect(byName['node-1']?.memory.percent).toBe(50);
    // node-2 is not in the sample: unknown, not zero.
    expect(byName['node-2']?.cpu.usageMillicores).toBeNull();
    expect(byName['node-2']?.metricsAvailable).toBe(false);
    expect(byName['node-3']?.cpu.usageMillicores).toBe(10);
    expect(nodeLiveUsage(c.nodeFrames, 'node-1').cpu).toEqual([
      [1_000, 1200],
      [16_000, 1500],
    ]);
  });

  it('uses the order it holds when a sample leaves it out, and never guesses', () => {
    let s = applyEvent(initialLiveState(), 'snapshot', snapshot(1_000), 1);
    s = applyEvent(s, 'sample', sample(16_000), 2); // order 2, with the order
    const second = sample(31_000, 700);
    s = applyEvent(s, 'sample', { ...second, nodes: { ...second.nodes, order: null } }, 3);
    const byName = () => Object.fromEntries(s.clusters.alpha!.nodes.map((n) => [n.name, n]));
    expect(byName()['node-1']?.cpu.usageMillicores).toBe(700);
    expect(byName()['node-1']?.cpu.percent).toBe(17);
    expect(byName()['node-3']?.memory.usageBytes).toBe(1024 ** 2);
    // An order this client never saw: node values are unknown, not the old ones.
    const odd = sample(46_000, 900);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    s = applyEvent(s, 'sample', { ...odd, nodes: { ...odd.nodes, orderId: 9, order: null } }, 4);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(byName()['node-1']?.cpu.usageMillicores).toBeNull();
    expect(byName()['node-1']?.cpu.percent).toBeNull();
    expect(byName()['node-1']?.metricsAvailable).toBe(false);
  });

  it("computes percentages from the allocatable of the sample's order, as the server's rows", () => {
    let s = applyEvent(initialLiveState(), 'snapshot', snapshot(1_000), 1);
    // The snapshot's node-1 has 4000m / 8 GiB allocatable; this order halves the CPU.
    const order = { ...sampleOrder, allocatableMillicores: [2000, 2000] };
    const first = sample(16_000, 1999);
    s = applyEvent(s, 'sample', { ...first, nodes: { ...first.nodes, orderId: 3, order } }, 2);
    const byName = () => Object.fromEntries(s.clusters.alpha!.nodes.map((n) => [n.name, n]));
    // kubectl truncates: 1999m of 2000m is 99 %, not 100 % nor 49 % (of 4000m).
    expect(byName()['node-1']?.cpu.percent).toBe(99);
    expect(byName()['node-1']?.memory.percent).toBe(50);
    expect(byName()['node-3']?.cpu.percent).toBe(0);
    expect(byName()['node-3']?.metricsTimestampMs).toBe(14_000);
    // Held for the next sample of the same order.
    const next = sample(31_000, 1000);
    s = applyEvent(s, 'sample', { ...next, nodes: { ...next.nodes, orderId: 3, order: null } }, 3);
    expect(byName()['node-1']?.cpu.percent).toBe(50);
    expect(byName()['node-1']?.metricsTimestampMs).toBe(31_000);
  });

  it('keeps per-node points for a few minutes only, cluster totals for the hour', () => {
    let s = applyEvent(initialLiveState(), 'snapshot', snapshot(1_000), 1);
    for (let t = 16_000; t <= 1_000 + 10 * 60_000; t += 15_000) {
      s = applyEvent(s, 'sample', sample(t), t);
    }
    const c = s.clusters.alpha!;
    const newest = c.lastSampleMs!;
    expect(c.totals.cpu[0]?.[0]).toBe(1_000);
    const nodeTimes = nodeLiveUsage(c.nodeFrames, 'node-1').cpu.map(([t]) => t);
    expect(nodeTimes.every((t) => t >= newest - NODE_LIVE_WINDOW_MS)).toBe(true);
    expect(nodeTimes).toHaveLength(NODE_LIVE_WINDOW_MS / 15_000 + 1);
  });

  it('drops replayed samples and points older than the live window', () => {
    let s = applyEvent(initialLiveState(), 'snapshot', snapshot(1_000), 1);
    s = applyEvent(s, 'sample', sample(16_000), 2);
    s = applyEvent(s, 'sample', sample(16_000, 9_999), 3);
    expect(s.clusters.alpha?.totals.cpu).toHaveLength(2);
    s = applyEvent(s, 'sample', sample(1_000 + LIVE_WINDOW_MS + 1), 4);
    expect(s.clusters.alpha?.totals.cpu.map(([t]) => t)).toEqual([
      16_000,
      1_000 + LIVE_WINDOW_MS + 1,
    ]);
  });

  it('applies status events to the cluster and its summary', () => {
    let s = applyEvent(initialLiveState(), 'snapshot', snapshot(), 1);
    const status = { ...okStatus, state: 'degraded' as const, metrics: 'failing' as const };
    s = applyEvent(s, 'status', { cluster: 'alpha', status }, 2);
    expect(s.clusters.alpha?.status.state).toBe('degraded');
    expect(s.clusters.alpha?.summary.status.metrics).toBe('failing');
  });

  it('records connection changes', () => {
    const info = { state: 'retrying' as const, attempt: 2, retryAtMs: 9, error: 'down' };
    expect(withConnection(initialLiveState(), info).connection).toEqual(info);
  });
});
