import { describe, expect, it } from 'vitest';
import { nodeFacts } from './nodeDetail.js';
import { nodeRows } from './nodeRows.js';
import { container, GI, inventory, MI, node, pod, podUsage, sample } from './testFixtures.js';

describe('nodeFacts', () => {
  const spec = container('c', {
    cpuRequestNanocores: 250e6,
    cpuLimitNanocores: 1e9,
    memoryRequestBytes: 256 * MI,
    memoryLimitBytes: 512 * MI,
  });
  const inv = inventory(
    [
      node('n1', {
        allocatable: { cpuNanocores: 3_900e6, memoryBytes: 15 * GI },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'KubeletReady',
            message: null,
            lastTransitionMs: 1,
          },
        ],
      }),
      node('n2'),
    ],
    [
      pod('a', 'web', { containers: [spec, container('side')] }),
      pod('b', 'db', { containers: [spec] }),
      pod('b', 'job', { phase: 'Succeeded', containers: [spec] }),
      pod('b', 'elsewhere', { node: 'n2', containers: [spec] }),
    ],
  );
  const s = sample(0, [['n1', 2e9, 4 * GI]], [podUsage('a', 'web', [['c', 5e6, 10 * MI]])]);
  const facts = (name: string) =>
    nodeFacts(
      inv,
      s,
      nodeRows(inv, s).find((r) => r.name === name),
      0,
    );

  it('sums Allocated resources over non-terminated pods, percent truncated like kubectl describe', () => {
    const f = facts('n1')!;
    // 500m of 3900m = 12.8% → 12; limits 2 cores of 3900m = 51.2% → 51.
    expect(f.allocated.cpu).toEqual({
      requests: 500,
      limits: 2000,
      requestsPercent: 12,
      limitsPercent: 51,
    });
    // 512Mi of 15Gi = 3.33% → 3; 1Gi of 15Gi = 6.66% → 6.
    expect(f.allocated.memory).toEqual({
      requests: 512 * MI,
      limits: 1024 * MI,
      requestsPercent: 3,
      limitsPercent: 6,
    });
    expect(f.podsWithoutCpuLimit).toBe(1);
    expect(f.podsWithoutMemoryLimit).toBe(1);
    expect(f.conditions[0]?.reason).toBe('KubeletReady');
  });

  it('lists every pod bound to the node, any phase, with usage or null', () => {
    const f = facts('n1')!;
    expect(f.pods.map((p) => `${p.namespace}/${p.name}`).sort()).toEqual([
      'a/web',
      'b/db',
      'b/job',
    ]);
    expect(f.pods.find((p) => p.name === 'web')?.cpu.usageMillicores).toBe(5);
    expect(f.pods.find((p) => p.name === 'db')?.cpu.usageMillicores).toBeNull();
  });

  it('is undefined for a node the inventory lacks', () => {
    expect(facts('nope')).toBeUndefined();
  });
});
