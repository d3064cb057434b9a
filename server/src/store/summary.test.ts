import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '@kubeglance/shared/api';
import { summary, type SummaryMeta } from './summary.js';
import { container, GI, inventory, MI, node, pod, podUsage, sample } from './testFixtures.js';

const status: ClusterStatus = {
  state: 'ok',
  inventorySynced: true,
  metrics: 'ok',
  lastSampleMs: 0,
  newestSampleSeenMs: null,
  serverNowMs: 0,
  dataAgeMs: null,
  resolutionSeconds: 15,
  problems: [],
};
const meta: SummaryMeta = { cluster: 'c1', simulated: true, status, stale: false };

describe('summary', () => {
  const req = container('x', {
    cpuRequestNanocores: 500e6,
    cpuLimitNanocores: 1e9,
    memoryRequestBytes: GI,
    memoryLimitBytes: 2 * GI,
  });
  const inv = inventory(
    [
      node('a', { allocatable: { cpuNanocores: 2e9, memoryBytes: 8 * GI } }),
      node('b', { allocatable: { cpuNanocores: 2e9, memoryBytes: 8 * GI }, ready: false }),
    ],
    [
      pod('ns', 'r1', { containers: [req] }),
      pod('ns', 'r2', { node: 'b', containers: [req, container('unlimited')] }),
      pod('ns', 'pend', { node: null, phase: 'Pending', containers: [req] }),
      pod('ns', 'done', { phase: 'Succeeded', containers: [req] }),
    ],
  );

  it('totals usage, requests, allocatable and counts', () => {
    const s = sample(1234, [['a', 1_000_000_001, 2 * GI]], [podUsage('ns', 'r1', [['x', 1, MI]])]);
    const out = summary(inv, s, meta);
    expect(out).toMatchObject({ cluster: 'c1', simulated: true, status, stale: false });
    expect(out.timestampMs).toBe(1234);
    expect(out.nodes).toEqual({ total: 2, ready: 1, withMetrics: 1 });
    expect(out.pods).toEqual({ total: 4, running: 2, pending: 1, withMetrics: 1 });
    expect(out.cpu).toEqual({
      usageMillicores: 1001,
      requestMillicores: 1000, // r1 + r2; not the unscheduled or the completed pod
      limitMillicores: 2000,
      allocatableMillicores: 4000,
      capacityMillicores: 8000,
      percent: 50, // 1001m of node a's 2000m: a node without metrics does not dilute it
    });
    expect(out.memory).toMatchObject({
      usageBytes: 2 * GI,
      requestBytes: 2 * GI,
      limitBytes: 4 * GI,
      allocatableBytes: 16 * GI,
      percent: 25,
    });
  });

  it('is null, not 0, without metrics', () => {
    const out = summary(inv, null, { ...meta, stale: true });
    expect(out.timestampMs).toBeNull();
    expect(out.stale).toBe(true);
    expect([out.cpu.usageMillicores, out.cpu.percent, out.memory.usageBytes]).toEqual([
      null,
      null,
      null,
    ]);
    expect(out.nodes.withMetrics).toBe(0);
    const noNodes = summary(inv, sample(1, [], [podUsage('ns', 'r1', [['x', 1, MI]])]), meta);
    expect(noNodes.cpu.usageMillicores).toBeNull();
    expect(noNodes.memory.percent).toBeNull();
  });
});
