import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '@kubeglance/shared/api';
import type { Inventory, PodInfo } from '../kube/types.js';
import { indexInventory } from './inventoryIndex.js';
import { Snapshot } from './snapshot.js';
import { inventory, MI, node, pod, podUsage, sample } from './testFixtures.js';

const status: ClusterStatus = {
  state: 'ok',
  inventorySynced: true,
  metrics: 'ok',
  lastSampleMs: null,
  newestSampleSeenMs: null,
  serverNowMs: 0,
  dataAgeMs: null,
  resolutionSeconds: 15,
  problems: [],
};

describe('Snapshot', () => {
  const inv = inventory([node('n1')], [pod('ns', 'a'), pod('ns', 'b')]);
  const s = sample(0, [['n1', 1e9, MI]], [podUsage('ns', 'a', [['app', 1e6, MI]])]);

  it('computes each row set once and shares it', () => {
    const snap = new Snapshot(inv, s, 0);
    expect(snap.nodes()).toBe(snap.nodes());
    expect(snap.namespaces()).toBe(snap.namespaces());
    expect(snap.pods('ns')).toBe(snap.pods('ns'));
    expect(snap.pods('ns').map((p) => p.name)).toEqual(['a', 'b']);
    const top = snap.topPods({ sort: 'cpu', limit: 5 });
    expect(snap.topPods({ sort: 'cpu', limit: 5 })).toBe(top);
    expect(snap.topPods({ sort: 'cpu', limit: 5, namespace: 'ns' })).not.toBe(top);
    expect(snap.nodeUsageTuples()).toEqual([['n1', 1000, MI, 25, 0, 0]]);
    expect(snap.hasNamespace('ns')).toBe(true);
    expect(snap.hasNamespace('nope')).toBe(false);
  });

  it('re-applies only the status part of the summary', () => {
    const snap = new Snapshot(inv, s, 0);
    const meta = { cluster: 'c', simulated: false, status, stale: false };
    expect(snap.summary(meta).stale).toBe(false);
    const stale = snap.summary({ ...meta, stale: true, status: { ...status, metrics: 'stale' } });
    expect(stale.stale).toBe(true);
    expect(stale.status.metrics).toBe('stale');
    expect(stale.cpu.usageMillicores).toBe(1000);
  });

  it('matches until the sample or the inventory version changes', () => {
    const pods = new Map<string, PodInfo>([['ns/a', pod('ns', 'a')]]);
    const live: Inventory = { nodes: new Map(), pods, namespaces: new Map(), version: 1 };
    const snap = new Snapshot(live, s, 0);
    expect(snap.matches({ ...live }, s)).toBe(true);
    expect(snap.matches(live, sample(1, []))).toBe(false);
    expect(snap.matches({ ...live, version: 2 }, s)).toBe(false);
  });
});

describe('indexInventory', () => {
  it('is memoised per version of live maps and rebuilt after a change', () => {
    const pods = new Map<string, PodInfo>([['ns/a', pod('ns', 'a')]]);
    const live: Inventory = { nodes: new Map(), pods, namespaces: new Map(), version: 1 };
    const first = indexInventory(live);
    expect(indexInventory({ ...live })).toBe(first);
    pods.set('ns/b', pod('ns', 'b'));
    const second = indexInventory({ ...live, version: 2 });
    expect(second).not.toBe(first);
    expect(second.podsByNamespace.get('ns')).toHaveLength(2);
  });
});
