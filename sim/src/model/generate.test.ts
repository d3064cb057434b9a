import { describe, expect, it } from 'vitest';
import { parseQuantity as parseExact } from '@kubeglance/shared/quantity';
import { TEST_NOW, testCluster } from './testing.js';
import type { KubeObject } from './types.js';

/** A quantity in its base unit (cores, bytes), via shared's exact parser. */
const parseQuantity = (text: string): number => Number(parseExact(text).nanos) / 1e9;

type Json = Record<string, unknown>;
type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

const containersOf = (pod: KubeObject) =>
  (pod.spec?.containers ?? []) as { name: string; image: string; resources: Resources }[];
const statusOf = (obj: KubeObject) => (obj.status ?? {}) as Json;

/** The QoS rules, restated independently of the generator's own helper. */
function expectedQos(pod: KubeObject): string {
  const containers = containersOf(pod);
  const set = containers.some(
    (c) =>
      Object.keys(c.resources.requests ?? {}).length +
        Object.keys(c.resources.limits ?? {}).length >
      0,
  );
  if (!set) return 'BestEffort';
  const guaranteed = containers.every((c) =>
    (['cpu', 'memory'] as const).every((r) => {
      const limit = c.resources.limits?.[r];
      const request = c.resources.requests?.[r] ?? limit;
      return limit !== undefined && request === limit;
    }),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

describe('initial cluster', () => {
  const { cluster } = testCluster();
  const pods = cluster.store.list('pods');
  const nodes = cluster.store.list('nodes');
  const namespaces = cluster.store.list('namespaces');

  it('is identical for the same seed and clock, different for another seed', () => {
    const again = testCluster().cluster;
    expect(JSON.stringify(again.store.list('pods'))).toBe(JSON.stringify(pods));
    expect(JSON.stringify(again.store.list('nodes'))).toBe(JSON.stringify(nodes));
    const other = testCluster({ seed: 43 }).cluster;
    expect(other.store.list('pods').length).toBe(400);
    expect(JSON.stringify(other.store.list('pods'))).not.toBe(JSON.stringify(pods));
  });

  it('has the requested numbers of nodes, pods and namespaces', () => {
    expect(nodes.length).toBe(20);
    expect(pods.length).toBe(400);
    expect(namespaces.map((n) => n.metadata.name)).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease']),
    );
    expect(namespaces.length).toBe(14);
    for (const ns of namespaces) expect(statusOf(ns).phase).toBe('Active');
  });

  it('runs the kube-system pods of a kubeadm cluster', () => {
    const system = pods
      .filter((p) => p.metadata.namespace === 'kube-system')
      .map((p) => p.metadata.name);
    const controlPlanes = nodes.filter(
      (n) => n.metadata.labels?.['node-role.kubernetes.io/control-plane'] === '',
    );
    expect(controlPlanes.length).toBe(3);
    for (const cp of controlPlanes) {
      for (const component of [
        'etcd',
        'kube-apiserver',
        'kube-controller-manager',
        'kube-scheduler',
      ]) {
        expect(system).toContain(`${component}-${cp.metadata.name}`);
      }
    }
    expect(system.filter((n) => n.startsWith('kube-proxy-')).length).toBe(20);
    expect(system.filter((n) => /^coredns-[456789bcdf]+-[a-z0-9]{5}$/.test(n)).length).toBe(2);
    expect(system.filter((n) => n.startsWith('metrics-server-')).length).toBe(1);
  });

  it('skews pods over namespaces (one namespace holds more than 50)', () => {
    const perNamespace = new Map<string, number>();
    for (const p of pods)
      perNamespace.set(
        p.metadata.namespace ?? '',
        (perNamespace.get(p.metadata.namespace ?? '') ?? 0) + 1,
      );
    perNamespace.delete('kube-system');
    expect(Math.max(...perNamespace.values())).toBeGreaterThan(50);
  });

  it('gives nodes allocatable strictly below capacity and a Ready condition', () => {
    for (const node of nodes) {
      const status = statusOf(node) as {
        capacity: Record<string, string>;
        allocatable: Record<string, string>;
      };
      expect(parseQuantity(status.allocatable.cpu!)).toBeLessThan(
        parseQuantity(status.capacity.cpu!),
      );
      expect(parseQuantity(status.allocatable.memory!)).toBeLessThan(
        parseQuantity(status.capacity.memory!),
      );
      expect(status.capacity.memory).toMatch(/^\d+Ki$/);
      const conditions = statusOf(node).conditions as { type: string; status: string }[];
      expect(conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(node.metadata.labels?.['kubernetes.io/hostname']).toBe(node.metadata.name);
    }
  });

  it('sets qosClass consistently with container resources, with all three classes present', () => {
    const classes = new Set<string>();
    for (const p of pods) {
      expect(statusOf(p).qosClass).toBe(expectedQos(p));
      classes.add(String(statusOf(p).qosClass));
    }
    expect([...classes].sort()).toEqual(['BestEffort', 'Burstable', 'Guaranteed']);
  });

  it('names and owns pods like their controllers do', () => {
    for (const p of pods) {
      const owner = p.metadata.ownerReferences?.[0];
      expect(owner).toBeDefined();
      if (owner?.kind === 'ReplicaSet') {
        expect(p.metadata.name).toMatch(
          new RegExp(`^${owner.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`),
        );
        expect(owner.name).toMatch(/-[456789bcdf]{6,10}$/);
      }
      if (owner?.kind === 'StatefulSet')
        expect(p.metadata.name).toMatch(new RegExp(`^${owner.name}-\\d+$`));
    }
    const kinds = new Set(pods.map((p) => p.metadata.ownerReferences?.[0]?.kind));
    expect([...kinds].sort()).toEqual(['DaemonSet', 'Job', 'Node', 'ReplicaSet', 'StatefulSet']);
  });

  it('has mostly Running pods created before start, a few Pending and Succeeded', () => {
    const phases = new Map<string, number>();
    for (const p of pods) {
      const phase = String(statusOf(p).phase);
      phases.set(phase, (phases.get(phase) ?? 0) + 1);
      expect(Date.parse(p.metadata.creationTimestamp)).toBeLessThan(TEST_NOW);
      expect(p.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      if (phase === 'Running') {
        expect(p.spec?.nodeName).toEqual(expect.any(String));
        expect(statusOf(p).podIP).toEqual(expect.any(String));
        expect(TEST_NOW - Date.parse(p.metadata.creationTimestamp)).toBeGreaterThanOrEqual(
          5 * 60_000,
        );
      }
      if (phase === 'Pending') expect(p.spec?.nodeName).toBeUndefined();
    }
    expect(phases.get('Running')).toBeGreaterThan(0.88 * 400);
    expect(phases.get('Succeeded')).toBeGreaterThan(0);
    expect(phases.get('Pending') ?? 0).toBeLessThan(10);
    const restarted = pods.filter((p) =>
      (statusOf(p).containerStatuses as { restartCount: number }[] | undefined)?.some(
        (c) => c.restartCount > 0,
      ),
    );
    expect(restarted.length).toBeGreaterThan(0);
  });

  it('places pods within node pod capacity, roughly within allocatable', () => {
    const perNode = new Map<string, { cpu: number; pods: number }>();
    for (const p of pods) {
      const node = p.spec?.nodeName;
      if (typeof node !== 'string' || statusOf(p).phase === 'Succeeded') continue;
      const entry = perNode.get(node) ?? { cpu: 0, pods: 0 };
      entry.pods++;
      for (const c of containersOf(p)) entry.cpu += parseQuantity(c.resources.requests?.cpu ?? '0');
      perNode.set(node, entry);
    }
    for (const node of nodes) {
      const used = perNode.get(node.metadata.name) ?? { cpu: 0, pods: 0 };
      const allocatable = statusOf(node).allocatable as Record<string, string>;
      expect(used.pods).toBeLessThanOrEqual(Number(allocatable.pods));
      expect(used.cpu).toBeLessThan(parseQuantity(allocatable.cpu!) * 1.15);
    }
  });

  it('keeps pod JSON compact', () => {
    const bytes = pods.reduce((n, p) => n + JSON.stringify(p).length, 0) / pods.length;
    // Complete container statuses (image, imageID, containerID: typed clients require them)
    // and init containers cost ~600 bytes over a minimal pod; a real kubelet's pod is 4-6 KB.
    expect(bytes).toBeLessThan(2600);
  });

  it('trims kube-system when fewer pods than it needs are requested', () => {
    const small = testCluster({ nodes: 30, pods: 20, namespaces: 3 }).cluster;
    const list = small.store.list('pods');
    expect(list.length).toBe(20);
    // The control plane (3 nodes x 4 static pods) comes first, then DNS and metrics-server.
    expect(list.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'Node').length).toBe(12);
    expect(list.some((p) => p.metadata.name.startsWith('metrics-server-'))).toBe(true);
    expect(list.every((p) => p.metadata.namespace === 'kube-system')).toBe(true);
  });

  it('handles a single-node cluster and zero user namespaces', () => {
    const tiny = testCluster({ nodes: 1, pods: 30, namespaces: 0 }).cluster;
    const node = tiny.store.list('nodes')[0];
    expect(node?.spec?.taints).toBeUndefined();
    expect(tiny.store.list('pods').length).toBe(30);
    expect(tiny.store.list('pods').filter((p) => p.metadata.namespace === 'default').length).toBe(
      30 - 8,
    );
  });

  it('rejects invalid options', () => {
    expect(() => testCluster({ nodes: 0 })).toThrow(RangeError);
    expect(() => testCluster({ pods: -1 })).toThrow(/pods/);
    expect(() => testCluster({ resolutionMs: 0 })).toThrow(/resolutionMs/);
  });
});
