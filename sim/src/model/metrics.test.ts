import { describe, expect, it } from 'vitest';
import { leakKey } from './scenario.js';
import { parseQuantity as parseExact } from '@kubeglance/shared/quantity';
import { TEST_NOW, testCluster } from './testing.js';
import { rfc3339 } from './time.js';
import type { KubeObject, MetricsSample, PodMetricsItem } from './types.js';

/** A quantity in its base unit (cores, bytes), via shared's exact parser. */
const parseQuantity = (text: string): number => Number(parseExact(text).nanos) / 1e9;

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };
const RES = 15_000;
const TICK = Math.floor(TEST_NOW / RES);

const podKey = (p: { metadata: { namespace?: string; name: string } }) =>
  `${p.metadata.namespace}/${p.metadata.name}`;
const cpuOf = (item: PodMetricsItem) =>
  item.containers.reduce((n, c) => n + parseQuantity(c.usage.cpu), 0);
const memoryOf = (item: PodMetricsItem) =>
  item.containers.reduce((n, c) => n + parseQuantity(c.usage.memory), 0);
const containersOf = (pod: KubeObject) =>
  (pod.spec?.containers ?? []) as { name: string; resources: Resources }[];
const initContainersOf = (pod: KubeObject) =>
  (pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[];

describe('metrics', () => {
  const { cluster } = testCluster();
  const sample = cluster.metrics.sampleAt(TICK);

  it('is deterministic per (seed, tick), independent of call order, and seed-specific', () => {
    const fresh = testCluster().cluster;
    fresh.metrics.sampleAt(TICK + 7);
    fresh.metrics.sampleAt(TICK - 3);
    expect(JSON.stringify(fresh.metrics.sampleAt(TICK))).toBe(JSON.stringify(sample));
    const other = testCluster({ seed: 99 }).cluster.metrics.sampleAt(TICK);
    expect(JSON.stringify(other.nodes)).not.toBe(JSON.stringify(sample.nodes));
  });

  it('serialises like metrics-server: per-node kubelet timestamps and jittered windows', () => {
    expect(sample.tick).toBe(TICK);
    expect(sample.timestampMs).toBe(TICK * RES);
    expect(sample.nodes.length).toBe(20);
    const windows = new Set<string>();
    const nodeStamp = new Map<string, number>();
    for (const n of sample.nodes) {
      const ts = Date.parse(n.timestamp);
      // The kubelet's stats lag the scrape by 5-33% of the resolution.
      expect(ts).toBeLessThanOrEqual(TICK * RES);
      expect(ts).toBeGreaterThanOrEqual(TICK * RES - 0.33 * RES - 1000);
      nodeStamp.set(n.metadata.name, ts);
      windows.add(n.window);
      expect(n.metadata.creationTimestamp).toBe(n.timestamp);
      // Canonical quantities: 0, 250m, 1500u, 7990556n, 2; 14064Ki, 512Mi, 4Gi, plain bytes.
      expect(n.usage.cpu).toMatch(/^(0|[1-9]\d*[num]?)$/);
      expect(n.usage.memory).toMatch(/^(0|[1-9]\d*(Ki|Mi|Gi)?)$/);
    }
    expect(new Set(sample.nodes.map((n) => n.timestamp)).size).toBeGreaterThan(1);
    for (const w of windows) {
      const seconds = Number(/^(\d+(?:\.\d+)?)s$/.exec(w)?.[1]);
      expect(seconds).toBeGreaterThanOrEqual(10);
      expect(seconds).toBeLessThanOrEqual(20);
    }
    expect(windows.size).toBeGreaterThan(1);
    const units = new Set<string>();
    for (const p of sample.pods) {
      const pod = cluster.store.get('pods', p.metadata.namespace, p.metadata.name);
      expect(p.metadata.labels).toEqual(pod?.metadata.labels);
      // The pod's timestamp is its earliest container's: at or a little before its node's.
      const node = nodeStamp.get(String(pod?.spec?.nodeName)) as number;
      expect(Date.parse(p.timestamp ?? '')).toBeLessThanOrEqual(node);
      expect(Date.parse(p.timestamp ?? '')).toBeGreaterThanOrEqual(node - 2000);
      // Running containers only (a crash-looping main container reports nothing), in spec
      // order, then native sidecars (restartable init containers) as the kubelet reports them.
      const reported = p.containers.map((c) => c.name);
      const specNames = [
        ...containersOf(pod as KubeObject),
        ...initContainersOf(pod as KubeObject).filter((c) => c.restartPolicy === 'Always'),
      ].map((c) => c.name);
      expect(specNames.filter((n) => reported.includes(n))).toEqual(reported);
      for (const c of p.containers) {
        expect(c.usage.cpu).toMatch(/^(0|[1-9]\d*[num]?)$/);
        expect(c.usage.memory).toMatch(/^(0|[1-9]\d*(Ki|Mi|Gi)?)$/);
        units.add(c.usage.cpu.replace(/^\d+/, 'N'));
        units.add(c.usage.memory.replace(/^\d+/, 'N'));
      }
    }
    // Idle containers print CPU `0`; a few report byte-granular memory (plain bytes).
    expect(units).toContain('N');
    expect(units).toContain('Nn');
    expect(units).toContain('NKi');
  });

  it('serialises plainly when asked: one timestamp, window = resolution, n and Ki', () => {
    const plain = testCluster({ plain: ['metrics'] }).cluster.metrics.sampleAt(TICK);
    for (const item of [...plain.nodes, ...plain.pods]) {
      expect(item.timestamp).toBe(rfc3339(TICK * RES));
      expect(item.metadata.creationTimestamp).toBe(item.timestamp);
      expect(item.window).toBe('15s');
    }
    for (const n of plain.nodes) {
      expect(n.usage.cpu).toMatch(/^\d+n$/);
      expect(n.usage.memory).toMatch(/^\d+Ki$/);
    }
    for (const c of plain.pods.flatMap((p) => p.containers)) {
      expect(c.usage.cpu).toMatch(/^\d+n$/);
      expect(c.usage.memory).toMatch(/^\d+Ki$/);
    }
    const minute = testCluster({ resolutionMs: 60_000, plain: ['metrics'] }).cluster.metrics;
    expect(minute.sampleAt(Math.floor(TEST_NOW / 60_000)).nodes[0]?.window).toBe('1m0s');
  });

  it('answers as two replicas with offset scrapes', () => {
    const two = testCluster({ metricsReplicas: 2 }).cluster.metrics;
    const first = two.sampleAt(TICK, 0);
    const second = two.sampleAt(TICK, 1);
    expect(second.timestampMs - first.timestampMs).toBe(RES / 2);
    const stamp = (s: MetricsSample) => Date.parse(s.nodes[0]?.timestamp ?? '');
    expect(stamp(second)).not.toBe(stamp(first));
    expect(two.sampleAt(TICK, 0)).toBe(first);
  });

  it('caches the latest scrape', () => {
    expect(cluster.metrics.sampleAt(TICK)).toBe(sample);
  });

  it('reports only Running pods, all of them from the first scrape on', () => {
    const running = cluster.store.list('pods').filter((p) => {
      const statuses = (p.status?.containerStatuses ?? []) as { state: Record<string, unknown> }[];
      return p.status?.phase === 'Running' && statuses.some((s) => s.state.running !== undefined);
    });
    expect(new Set(sample.pods.map(podKey))).toEqual(new Set(running.map(podKey)));
    expect(sample.pods.length).toBeLessThan(400);
  });

  it('leaves out pods younger than one resolution', () => {
    const { cluster: live, clock } = testCluster({ churnPerMinute: 300 });
    const created = new Map<string, number>();
    live.store.subscribe('pods', (e) => {
      if (e.type === 'ADDED')
        created.set(podKey(e.object), Date.parse(e.object.metadata.creationTimestamp));
    });
    for (let i = 0; i < 60; i++) {
      clock.now += 1000;
      live.churnStep();
    }
    const tick = Math.floor(clock.now / RES);
    const reported = live.metrics.sampleAt(tick).pods;
    const young = reported.filter((p) => (created.get(podKey(p)) ?? 0) > tick * RES - RES);
    expect(young).toEqual([]);
    const eligible = [...created].filter(
      ([key, ms]) =>
        ms <= tick * RES - RES &&
        live.store.get('pods', ...(key.split('/') as [string, string]))?.status?.phase ===
          'Running',
    );
    expect(eligible.length).toBeGreaterThan(0);
    const keys = new Set(reported.map(podKey));
    for (const [key] of eligible) expect(keys.has(key)).toBe(true);
  });

  it('moves between ticks', () => {
    const next = cluster.metrics.sampleAt(TICK + 1);
    const before = new Map(sample.pods.map((p) => [podKey(p), cpuOf(p)]));
    const changed = next.pods.filter((p) => before.get(podKey(p)) !== cpuOf(p));
    expect(changed.length).toBeGreaterThan(next.pods.length * 0.9);
    const total = (s: MetricsSample) =>
      s.nodes.reduce((n, node) => n + parseQuantity(node.usage.cpu), 0);
    // The cluster total follows the demo wave (10-20 min): visibly different at some point
    // within the next 20 minutes (any single instant may fall near the same phase).
    const moves = Array.from({ length: 16 }, (_, i) => {
      const later = cluster.metrics.sampleAt(TICK + 5 * (i + 1));
      return Math.abs(total(later) - total(sample)) / total(sample);
    });
    expect(Math.max(...moves)).toBeGreaterThan(0.02);
  });

  it('reports node usage >= the sum of its pods and below capacity', () => {
    for (const s of [sample, cluster.metrics.sampleAt(TICK + 100)]) {
      for (const node of s.nodes) {
        const pods = s.pods.filter(
          (p) =>
            cluster.store.get('pods', p.metadata.namespace, p.metadata.name)?.spec?.nodeName ===
            node.metadata.name,
        );
        const nodeObject = cluster.store.get('nodes', undefined, node.metadata.name);
        const capacity = nodeObject?.status?.capacity as Record<string, string>;
        expect(parseQuantity(node.usage.cpu)).toBeGreaterThanOrEqual(
          pods.reduce((n, p) => n + cpuOf(p), 0) - 1e-9,
        );
        expect(parseQuantity(node.usage.memory)).toBeGreaterThanOrEqual(
          pods.reduce((n, p) => n + memoryOf(p), 0),
        );
        expect(parseQuantity(node.usage.cpu)).toBeLessThan(parseQuantity(capacity.cpu!));
        expect(parseQuantity(node.usage.memory)).toBeLessThan(parseQuantity(capacity.memory!));
      }
    }
  });

  it('runs one node hot (> 85% of allocatable CPU), whatever the time', () => {
    const hot = cluster.scenario.hotNode;
    expect(hot).toBeDefined();
    const allocatable = parseQuantity(
      (
        cluster.store.get('nodes', undefined, hot as string)?.status?.allocatable as Record<
          string,
          string
        >
      ).cpu!,
    );
    for (let t = 0; t < 24 * 240; t += 97) {
      const node = cluster.metrics.sampleAt(TICK + t).nodes.find((n) => n.metadata.name === hot);
      expect(parseQuantity(node?.usage.cpu ?? '0') / allocatable).toBeGreaterThan(0.85);
    }
    const others = sample.nodes.filter((n) => n.metadata.name !== hot);
    const share = (name: string, cpu: string) =>
      parseQuantity(cpu) /
      parseQuantity(
        (cluster.store.get('nodes', undefined, name)?.status?.allocatable as Record<string, string>)
          .cpu!,
      );
    expect(others.filter((n) => share(n.metadata.name, n.usage.cpu) > 0.85).length).toBeLessThan(
      others.length / 2,
    );
  });

  it('shows many pods far below their CPU requests', () => {
    let below = 0;
    let requested = 0;
    for (const p of sample.pods) {
      const pod = cluster.store.get('pods', p.metadata.namespace, p.metadata.name) as KubeObject;
      const request = containersOf(pod).reduce(
        (n, c) => n + parseQuantity(c.resources.requests?.cpu ?? '0'),
        0,
      );
      if (request === 0) continue;
      requested++;
      if (cpuOf(p) < 0.3 * request) below++;
    }
    expect(below / requested).toBeGreaterThan(0.3);
  });

  it('lets leaking pods creep towards their memory limit', () => {
    const leaking = cluster.store.list('pods').filter((p) => {
      const app = p.metadata.labels?.['app.kubernetes.io/name'];
      return (
        app !== undefined &&
        cluster.scenario.memoryLeaks.has(leakKey(p.metadata.namespace ?? '', app)) &&
        p.status?.phase === 'Running'
      );
    });
    expect(leaking.length).toBeGreaterThan(0);
    const mainMemory = (tick: number, pod: KubeObject) => {
      const item = cluster.metrics.sampleAt(tick).pods.find((p) => podKey(p) === podKey(pod));
      return parseQuantity(item?.containers[0]?.usage.memory ?? '0');
    };
    for (const pod of leaking) {
      const limit = parseQuantity(containersOf(pod)[0]?.resources.limits?.memory ?? 'NaN');
      const now = mainMemory(TICK, pod);
      const hourLater = mainMemory(TICK + 240, pod);
      const dayLater = mainMemory(TICK + 240 * 24, pod);
      expect(hourLater).toBeGreaterThan(now);
      expect(dayLater).toBeGreaterThan(0.9 * limit);
      expect(dayLater).toBeLessThan(limit);
    }
  });
});
