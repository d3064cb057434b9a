import { describe, expect, it } from 'vitest';
import { namespaceRows } from './namespaceRows.js';
import { container, inventory, MI, node, pod, podUsage, sample } from './testFixtures.js';

describe('namespaceRows', () => {
  const limited = container('x', {
    cpuRequestNanocores: 100e6,
    cpuLimitNanocores: 500e6,
    memoryRequestBytes: 10 * MI,
    memoryLimitBytes: 20 * MI,
  });
  const inv = inventory(
    [node('n1')],
    [
      pod('app', 'a', { containers: [limited, container('no-limits')] }),
      pod('app', 'b', { containers: [limited] }),
      pod('app', 'job', { phase: 'Succeeded', containers: [limited] }),
      pod('quiet', 'q', { containers: [limited] }),
      pod('orphan-ns', 'o'), // namespace not listed (informer lag): still a row
    ],
    ['app', 'quiet', 'empty'],
  );
  const s = sample(
    0,
    [['n1', 1e9, MI]],
    [
      podUsage('app', 'a', [
        ['x', 1_000_001, 100 * MI],
        ['no-limits', 1_000_001, 0],
      ]),
      podUsage('app', 'b', [['x', 2_000_002, 50 * MI]]),
    ],
  );

  it('lists every namespace, sorted, with all its pods counted', () => {
    const rows = namespaceRows(inv, s);
    expect(rows.map((r) => [r.name, r.pods])).toEqual([
      ['app', 3],
      ['empty', 0],
      ['orphan-ns', 1],
      ['quiet', 1],
    ]);
  });

  it('sums usage over pods with metrics, rounding the nanocore total once', () => {
    const app = namespaceRows(inv, s)[0]!;
    expect(app.cpu.usageMillicores).toBe(5); // 4000004n
    expect(app.memory.usageBytes).toBe(150 * MI);
  });

  it('reports null, not 0, for a namespace none of whose pods has metrics', () => {
    const rows = namespaceRows(inv, s);
    for (const name of ['quiet', 'empty', 'orphan-ns']) {
      const row = rows.find((r) => r.name === name)!;
      expect(row.cpu.usageMillicores).toBeNull();
      expect(row.memory.usageBytes).toBeNull();
    }
    expect(namespaceRows(inv, null)[0]!.cpu.usageMillicores).toBeNull();
  });

  it('sums requests and set limits over non-terminated pods only', () => {
    const app = namespaceRows(inv, s)[0]!;
    expect(app.cpu).toMatchObject({ requestMillicores: 200, limitMillicores: 1000 });
    expect(app.memory).toMatchObject({ requestBytes: 20 * MI, limitBytes: 40 * MI });
    const empty = namespaceRows(inv, s).find((r) => r.name === 'empty')!;
    // No pod, no limit: the limit is unknown (null), not "limited at 0"; requests count 0.
    expect(empty.cpu).toEqual({
      usageMillicores: null,
      requestMillicores: 0,
      limitMillicores: null,
    });
    expect(empty.memory).toEqual({ usageBytes: null, requestBytes: 0, limitBytes: null });
  });
});

describe('namespaceRows over partial data', () => {
  it('counts active pods, pods with metrics and pods without a limit', () => {
    const limited = container('x', { cpuLimitNanocores: 1e9, memoryLimitBytes: MI });
    const cpuOnly = container('y', { cpuLimitNanocores: 1e9 });
    const inv = inventory(
      [node('n1')],
      [
        pod('a', 'p1', { containers: [limited] }),
        pod('a', 'p2', { containers: [limited, cpuOnly] }),
        pod('a', 'p3', { containers: [container('none')] }),
        pod('a', 'done', { phase: 'Succeeded', containers: [container('none')] }),
      ],
    );
    const s = sample(0, [['n1', 1e9, MI]], [podUsage('a', 'p1', [['x', 1e6, MI]])]);
    const [row] = namespaceRows(inv, s);
    expect(row).toMatchObject({
      pods: 4,
      activePods: 3,
      podsWithMetrics: 1,
      podsWithoutCpuLimit: 1,
      podsWithoutMemoryLimit: 2,
    });
  });
});
