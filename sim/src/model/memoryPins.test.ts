import { describe, expect, it } from 'vitest';
import { parseQuantity } from '@kubeglance/shared/quantity';
import { TEST_NOW, testCluster } from './testing.js';
import type { KubeObject } from './types.js';

const RES = 15_000;
const TICK = Math.floor(TEST_NOW / RES);
const bytes = (q: string) => Number(parseQuantity(q).nanos) / 1e9;

function limitOf(pod: KubeObject): number {
  const containers = (pod.spec?.containers ?? []) as {
    resources?: { limits?: { memory?: string } };
  }[];
  return containers.reduce((n, c) => n + bytes(c.resources?.limits?.memory ?? '0'), 0);
}

describe('memory pins', () => {
  const pins = [0.897, 0.9];
  const { cluster } = testCluster({ memoryPins: pins });

  it('hold one pod per pin at exactly that share of its memory limit, every scrape', () => {
    const pods = cluster.store.list('pods');
    const byKey = new Map(pods.map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p]));
    for (const tick of [TICK, TICK + 1, TICK + 40]) {
      const shares = cluster.metrics
        .sampleAt(tick)
        .pods.map((item) => {
          const pod = byKey.get(`${item.metadata.namespace}/${item.metadata.name}`)!;
          const used = item.containers.reduce((n, c) => n + bytes(c.usage.memory), 0);
          return used / limitOf(pod);
        })
        .filter((s) => pins.some((p) => s >= p && s < p + 1e-5));
      expect(shares.map((s) => Math.floor(s * 1000) / 1000).sort()).toEqual(pins);
      // Truncated as kubectl prints it: 89% and 90%.
      expect(shares.map((s) => Math.trunc(s * 100)).sort()).toEqual([89, 90]);
    }
  });

  it('leave the cluster without pins as it was', () => {
    const plain = testCluster().cluster;
    expect(plain.store.list('pods').map((p) => p.metadata.name)).toEqual(
      cluster.store.list('pods').map((p) => p.metadata.name),
    );
  });

  it('refuse a share outside (0, 1]', () => {
    expect(() => testCluster({ memoryPins: [1.5] })).toThrow(/memoryPins/);
  });
});
