import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { podKey, type Inventory, type NodeInfo, type PodInfo } from '../kube/types.js';
import type { InventoryIndex, Load, ResourceSums } from './inventoryIndex.js';
import { LiveInventoryIndex } from './liveInventoryIndex.js';
import { container, inventory, node, pod } from './testFixtures.js';

/**
 * The model: the index as it was computed before it was kept live, a walk over every pod
 * (kept here, verbatim in behaviour, as the reference the incremental index must match).
 */
function reference(inv: Inventory) {
  const empty = (): Load => ({
    pods: 0,
    activePods: 0,
    podsWithoutCpuLimit: 0,
    podsWithoutMemoryLimit: 0,
    cpuRequestNanocores: 0,
    cpuLimitNanocores: null,
    memoryRequestBytes: 0,
    memoryLimitBytes: null,
  });
  const add = (sums: Load | ResourceSums, p: PodInfo) => {
    if ('activePods' in sums) {
      const running = p.containers.filter((c) => c.kind === 'container' || c.kind === 'sidecar');
      sums.activePods++;
      if (running.some((c) => c.cpuLimitNanocores === null)) sums.podsWithoutCpuLimit++;
      if (running.some((c) => c.memoryLimitBytes === null)) sums.podsWithoutMemoryLimit++;
    }
    const { requests, limits } = p.resources;
    sums.cpuRequestNanocores += requests.cpuNanocores ?? 0;
    sums.memoryRequestBytes += requests.memoryBytes ?? 0;
    if (limits.cpuNanocores !== null)
      sums.cpuLimitNanocores = (sums.cpuLimitNanocores ?? 0) + limits.cpuNanocores;
    if (limits.memoryBytes !== null)
      sums.memoryLimitBytes = (sums.memoryLimitBytes ?? 0) + limits.memoryBytes;
  };
  const get = <T>(m: Map<string, T>, k: string, make: () => T) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = make()));
    return v;
  };
  const byNs = new Map<string, PodInfo[]>();
  const byNode = new Map<string, PodInfo[]>();
  const nodeLoad = new Map<string, Load>();
  const namespaceLoad = new Map<string, Load>();
  const scheduled: ResourceSums = {
    cpuRequestNanocores: 0,
    cpuLimitNanocores: null,
    memoryRequestBytes: 0,
    memoryLimitBytes: null,
  };
  let podsRunning = 0;
  let podsPending = 0;
  for (const ns of inv.namespaces.keys()) namespaceLoad.set(ns, empty());
  for (const p of inv.pods.values()) {
    get(byNs, p.namespace, () => []).push(p);
    if (p.node !== null) get(byNode, p.node, () => []).push(p);
    const ns = get(namespaceLoad, p.namespace, empty);
    ns.pods++;
    if (p.phase === 'Running') podsRunning++;
    if (p.phase === 'Pending') podsPending++;
    if (p.phase === 'Succeeded' || p.phase === 'Failed') continue;
    add(ns, p);
    if (p.node === null) continue;
    const onNode = get(nodeLoad, p.node, empty);
    onNode.pods++;
    add(onNode, p);
    add(scheduled, p);
  }
  return { byNs, byNode, nodeLoad, namespaceLoad, podsRunning, podsPending, scheduled };
}

/** Order-free view of an index (groups compared as sets of pods). */
function comparable(index: InventoryIndex) {
  const sets = (m: ReadonlyMap<string, readonly PodInfo[]>) =>
    new Map([...m].map(([k, pods]) => [k, new Set(pods)]));
  return {
    byNs: sets(index.podsByNamespace),
    byNode: sets(index.podsByNode),
    nodeLoad: new Map(index.nodeLoad),
    namespaceLoad: new Map(index.namespaceLoad),
    podsRunning: index.totals.podsRunning,
    podsPending: index.totals.podsPending,
    scheduled: index.totals.scheduled,
    namespaceNames: index.namespaceNames,
  };
}

function expected(inv: Inventory) {
  const r = reference(inv);
  const sets = (m: Map<string, PodInfo[]>) =>
    new Map([...m].map(([k, pods]) => [k, new Set(pods)]));
  return {
    ...r,
    byNs: sets(r.byNs),
    byNode: sets(r.byNode),
    namespaceNames: [...r.namespaceLoad.keys()].sort(),
  };
}

const limited = container('app', {
  cpuRequestNanocores: 100e6,
  cpuLimitNanocores: 500e6,
  memoryRequestBytes: 64 * 2 ** 20,
  memoryLimitBytes: 128 * 2 ** 20,
});
const requestOnly = container('app', { cpuRequestNanocores: 250e6, memoryRequestBytes: 2 ** 30 });
const sidecar = container('proxy', { kind: 'sidecar', cpuLimitNanocores: 50e6 });

const podArb = fc.record({
  ns: fc.constantFrom('a', 'b', 'c'),
  name: fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'),
  node: fc.constantFrom('n1', 'n2', 'n3', null),
  phase: fc.constantFrom('Running', 'Pending', 'Succeeded', 'Failed', 'Unknown'),
  containers: fc.constantFrom([limited], [requestOnly], [limited, sidecar], [requestOnly, sidecar]),
});
const opArb = fc.oneof(
  podArb.map((p) => ({ op: 'upsert' as const, ...p })),
  podArb.map((p) => ({ op: 'delete' as const, ...p })),
  fc.constantFrom('a', 'b', 'c', 'd').map((ns) => ({ op: 'namespace' as const, ns })),
);

describe('LiveInventoryIndex', () => {
  it('matches a walk over every pod after any sequence of adds, replacements and deletes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const inv = inventory([node('n1'), node('n2')], [], ['a']);
        const pods = inv.pods as Map<string, PodInfo>;
        const namespaces = inv.namespaces as Map<
          string,
          { name: string; phase: string; createdMs: number }
        >;
        const live = new LiveInventoryIndex();
        for (const o of ops) {
          if (o.op === 'namespace') {
            if (namespaces.has(o.ns)) namespaces.delete(o.ns);
            else namespaces.set(o.ns, { name: o.ns, phase: 'Active', createdMs: 0 });
            live.other('namespaces');
          } else {
            const key = podKey(o.ns, o.name);
            const old = pods.get(key);
            if (o.op === 'delete') {
              if (!old) continue;
              pods.delete(key);
              live.pod(old, undefined);
            } else {
              const value = pod(o.ns, o.name, {
                node: o.node,
                phase: o.phase,
                containers: o.containers,
              });
              pods.set(key, value);
              live.pod(old, value);
            }
          }
          expect(comparable(live.snapshot(inv))).toEqual(expected(inv));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a replaced pod in its place and hands out immutable snapshots', () => {
    const p1 = pod('ns', 'p1');
    const p2 = pod('ns', 'p2');
    const inv = inventory([node('n1')], [p1, p2]);
    const pods = inv.pods as Map<string, PodInfo>;
    const live = LiveInventoryIndex.of(inv);
    const before = live.snapshot(inv);
    expect(live.snapshot(inv)).toBe(before);
    const p1b = pod('ns', 'p1', { restarts: 3 });
    pods.set(podKey('ns', 'p1'), p1b);
    live.pod(p1, p1b);
    const after = live.snapshot(inv);
    expect(after.podsByNamespace.get('ns')).toEqual([p1b, p2]);
    expect(before.podsByNamespace.get('ns')).toEqual([p1, p2]);
    pods.delete(podKey('ns', 'p2'));
    live.pod(p2, undefined);
    expect(after.podsByNamespace.get('ns')).toEqual([p1b, p2]);
    expect(live.snapshot(inv).podsByNamespace.get('ns')).toEqual([p1b]);
  });

  it('counts nodes again only after a node changed', () => {
    const inv = inventory([node('n2'), node('n1', { ready: false })], []);
    const nodes = inv.nodes as Map<string, NodeInfo>;
    const live = new LiveInventoryIndex();
    expect(live.snapshot(inv).nodes.map((n) => n.name)).toEqual(['n1', 'n2']);
    expect(live.snapshot(inv).totals.nodesReady).toBe(1);
    nodes.set('n1', node('n1'));
    live.other('nodes');
    expect(live.snapshot(inv).totals.nodesReady).toBe(2);
    expect(live.snapshot(inv).totals.allocatable.cpuNanocores).toBe(8e9);
  });
});
