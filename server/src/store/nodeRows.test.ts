import { describe, expect, it } from 'vitest';
import { nodeRows, nodeUsageTuples } from './nodeRows.js';
import { container, GI, inventory, MI, node, pod, sample } from './testFixtures.js';

const alloc = { cpuNanocores: 3.8e9, memoryBytes: 16 * GI };

describe('nodeRows', () => {
  const inv = inventory(
    [
      node('b', { allocatable: alloc, capacity: { cpuNanocores: 4e9, memoryBytes: 17 * GI } }),
      node('a', { roles: ['control-plane'], ready: false }),
    ],
    [
      pod('ns', 'run', {
        node: 'b',
        containers: [
          container('x', { cpuRequestNanocores: 250e6, memoryRequestBytes: 64 * MI }),
          container('y', { cpuRequestNanocores: 1e5 }), // 0.1m: the node sum rounds once
        ],
      }),
      pod('ns', 'done', {
        node: 'b',
        phase: 'Succeeded',
        containers: [container('x', { cpuRequestNanocores: 1e9, memoryRequestBytes: GI })],
      }),
      pod('ns', 'failed', { node: 'b', phase: 'Failed' }),
      pod('ns', 'pending', { node: null, phase: 'Pending' }),
    ],
  );

  it('prints usage and percent exactly as kubectl top nodes', () => {
    const rows = nodeRows(inv, sample(0, [['b', 273_214_048, 801_480 * 1024]]));
    const b = rows.find((r) => r.name === 'b')!;
    expect(b.metricsAvailable).toBe(true);
    expect(b.cpu).toEqual({
      usageMillicores: 274,
      requestMillicores: 251,
      limitMillicores: null,
      allocatableMillicores: 3800,
      capacityMillicores: 4000,
      percent: 7,
    });
    expect(b.memory).toEqual({
      usageBytes: 820_715_520,
      requestBytes: 64 * MI,
      limitBytes: null,
      allocatableBytes: 16 * GI,
      capacityBytes: 17 * GI,
      percent: 4, // 782Mi of 16Gi = 4.77%
    });
  });

  it('truncates percent on float math like kubectl (290m of 1000m → 28%)', () => {
    const one = inventory([node('n', { allocatable: { cpuNanocores: 1e9, memoryBytes: GI } })], []);
    expect(nodeRows(one, sample(0, [['n', 290e6, GI / 2]]))[0]!.cpu.percent).toBe(28);
  });

  it('counts and sums only non-terminated pods on the node', () => {
    const b = nodeRows(inv, null).find((r) => r.name === 'b')!;
    expect(b.pods).toBe(1);
    expect(b.cpu.requestMillicores).toBe(251);
    expect(b.memory.requestBytes).toBe(64 * MI);
  });

  it('reports a node absent from the sample as null with metricsAvailable false', () => {
    const rows = nodeRows(inv, sample(0, [['b', 1e6, MI]]));
    expect(rows.map((r) => r.name)).toEqual(['a', 'b']);
    const a = rows[0]!;
    expect(a).toMatchObject({ metricsAvailable: false, ready: false, roles: ['control-plane'] });
    expect(a.pods).toBe(0);
    expect([a.cpu.usageMillicores, a.cpu.percent, a.memory.usageBytes, a.memory.percent]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(a.cpu.requestMillicores).toBe(0);
    expect(nodeRows(inv, null).every((r) => !r.metricsAvailable)).toBe(true);
  });

  it('compacts rows into SSE tuples', () => {
    const rows = nodeRows(inv, sample(5000, [['b', 273_214_048, 801_480 * 1024]]));
    expect(nodeUsageTuples(rows)).toEqual([
      ['a', null, null, null, null, null],
      ['b', 274, 820_715_520, 7, 4, 5000],
    ]);
  });
});
