import { describe, expect, it } from 'vitest';
import type { MetricsSample } from '../kube/types.js';
import { INDEX_SLICE, findPod, indexSample, indexSampleInTurns } from './sampleIndex.js';

function sample(pods: number): MetricsSample {
  return {
    timestampMs: 1_800_000_000_000,
    nodes: [
      { name: 'n1', cpuNanocores: 5e9, memoryBytes: 2 ** 30, timestampMs: 0, windowMs: 15_000 },
    ],
    pods: Array.from({ length: pods }, (_, i) => ({
      namespace: `ns${i % 5}`,
      name: `p${i}`,
      containers: [
        { name: 'app', cpuNanocores: 1_000_001 * (i % 9), memoryBytes: 1024 * i },
        { name: 'sidecar', cpuNanocores: 1, memoryBytes: 4096 },
      ],
      timestampMs: 0,
      windowMs: 15_000,
    })),
  };
}

describe('sample index in turns', () => {
  it('equals the index built at once, lets the loop run meanwhile, and is then shared', async () => {
    const count = 2 * INDEX_SLICE + 3;
    const expected = indexSample(sample(count));
    const s = sample(count);
    let finished = false;
    const building = indexSampleInTurns(s).then((index) => {
      finished = true;
      return index;
    });
    const ranBetween = new Promise<boolean>((r) => setImmediate(() => r(!finished)));
    const index = await building;
    expect(await ranBetween).toBe(true);
    expect({ ...index, sample: null }).toEqual({ ...expected, sample: null });
    expect(findPod(index, 'ns2', 'p7')).toMatchObject({
      cpuNanocores: 7_000_008,
      cpuMillicores: 8,
    });
    // Memoised: readers get the same index at once.
    expect(indexSample(s)).toBe(index);
    expect(await indexSampleInTurns(s)).toBe(index);
  });
});
