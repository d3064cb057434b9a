import { describe, expect, it } from 'vitest';
import type { PodUsage } from '../kube/types.js';
import { selectTop, topPods } from './topPods.js';
import { container, inventory, MI, node, pod, podUsage, sample } from './testFixtures.js';

/** Deterministic PRNG (mulberry32) so a failure is reproducible. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('selectTop', () => {
  it('matches a full sort on random data for every limit', () => {
    const rnd = random(42);
    const items = Array.from({ length: 500 }, () => Math.floor(rnd() * 50)); // many ties
    const order = (a: number, b: number) => b - a;
    const sorted = [...items].sort(order);
    for (const limit of [1, 2, 7, 10, 100, 499, 500, 600]) {
      expect(selectTop(items, limit, order)).toEqual(sorted.slice(0, limit));
    }
    expect(selectTop([], 5, order)).toEqual([]);
  });
});

describe('topPods', () => {
  const rnd = random(7);
  const usages: PodUsage[] = Array.from({ length: 2000 }, (_, i) =>
    podUsage(`ns${i % 5}`, `p${i}`, [
      ['a', Math.floor(rnd() * 100) * 1e6 + Math.floor(rnd() * 2), Math.floor(rnd() * 64) * MI],
    ]),
  );
  const s = sample(0, [], usages);
  const inv = inventory(
    [node('n1')],
    [pod('ns0', 'p0', { containers: [container('a', { memoryLimitBytes: 128 * MI })] })],
  );

  const fullSort = (metric: 'cpu' | 'memory', ns?: string) =>
    s.pods
      .filter((p) => ns === undefined || p.namespace === ns)
      .map((p) => {
        const c = p.containers[0]!;
        const cpu = Math.ceil(c.cpuNanocores / 1e6);
        return { ns: p.namespace, name: p.name, cpu, mem: c.memoryBytes };
      })
      .sort((a, b) => {
        const [x, y] =
          metric === 'cpu' ? [b.cpu - a.cpu, b.mem - a.mem] : [b.mem - a.mem, b.cpu - a.cpu];
        return x || y || (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : a.name < b.name ? -1 : 1);
      })
      .map((p) => `${p.ns}/${p.name}`);

  it('equals a full sort by CPU and by memory, with ties broken by name', () => {
    for (const sort of ['cpu', 'memory'] as const) {
      const got = topPods(inv, s, { sort, limit: 25 }).map((p) => `${p.namespace}/${p.name}`);
      expect(got).toEqual(fullSort(sort).slice(0, 25));
    }
  });

  it('filters by namespace', () => {
    const got = topPods(inv, s, { sort: 'memory', limit: 10, namespace: 'ns3' });
    expect(got.map((p) => `${p.namespace}/${p.name}`)).toEqual(
      fullSort('memory', 'ns3').slice(0, 10),
    );
    expect(topPods(inv, s, { sort: 'cpu', limit: 10, namespace: 'none' })).toEqual([]);
  });

  it('fills node and memory limit from the inventory, null when unknown', () => {
    const all = topPods(inv, s, { sort: 'cpu', limit: 2000 });
    expect(all).toHaveLength(2000);
    const p0 = all.find((p) => p.name === 'p0')!;
    expect(p0).toMatchObject({ node: 'n1', memoryLimitBytes: 128 * MI });
    const p1 = all.find((p) => p.name === 'p1')!;
    expect(p1).toMatchObject({ node: null, memoryLimitBytes: null });
    expect(p1.cpuMillicores).toBe(Math.ceil(s.pods[1]!.containers[0]!.cpuNanocores / 1e6));
  });

  it('returns nothing without a sample or for a non-positive limit', () => {
    expect(topPods(inv, null, { sort: 'cpu', limit: 10 })).toEqual([]);
    expect(topPods(inv, s, { sort: 'cpu', limit: 0 })).toEqual([]);
  });
});
