import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterInfo,
  ListResponse,
  NodeRow,
  Problem,
  ProblemCode,
  SampledListResponse,
} from '@kubeglance/shared/api';
import { eventually, simGet, startHarness, type Harness } from './harness.js';

/**
 * Real-cluster data faults against the simulator over TLS: one kubelet clock an hour ahead
 * (`clock-skew`) and malformed PodMetrics items (`bad-items`: null timestamp, no containers,
 * an overflowing counter, a duplicate). Each must become its own problem while the data keeps
 * flowing (never a freeze, never a failed poll), and clear when the fault clears.
 */
let h: Harness;
const base = () => `/api/v1/clusters/${h.cluster}`;
const HOUR = 3_600_000;

async function status(): Promise<ClusterInfo['status']> {
  const { body } = await h.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
  return body.items[0]!.status;
}

async function waitForProblem(code: ProblemCode): Promise<Problem> {
  return eventually(
    async () => (await status()).problems.find((p) => p.code === code),
    20_000,
    `problem ${code}`,
  );
}

async function nodes(): Promise<SampledListResponse<NodeRow>> {
  return (await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`)).body;
}

/** Waits until the server has taken a sample newer than `afterMs` (data keeps flowing). */
async function freshSampleAfter(afterMs: number): Promise<SampledListResponse<NodeRow>> {
  return eventually(
    async () => {
      const n = await nodes();
      return n.timestampMs !== null && n.timestampMs > afterMs && !n.stale ? n : undefined;
    },
    15_000,
    'a fresh sample',
  );
}

async function waitHealthy(): Promise<void> {
  await eventually(
    async () => {
      const s = await status();
      return s.state === 'ok' && s.metrics === 'ok' && s.problems.length === 0;
    },
    30_000,
    'recovery',
  );
}

beforeAll(async () => {
  h = await startHarness({ resolutionMs: 1000, nodes: 6, pods: 60 });
  await waitHealthy();
});
afterAll(() => h?.stop());

describe('data faults: the right problem, data kept, no freeze, recovery', () => {
  it('clock-skew: one node an hour ahead is named; samples keep advancing', async () => {
    h.sim.faults.set('clock-skew');
    try {
      const problem = await waitForProblem('clock-skew');
      expect(problem.message).toMatch(/1 node clock\(s\) differ from the others': \S+ 60m ahead/);
      const before = await nodes();
      // No freeze: newer samples keep arriving while the skewed node stays an hour ahead.
      const later = await freshSampleAfter(before.timestampMs! + 2000);
      const ahead = later.items.filter(
        (n) =>
          n.metricsTimestampMs !== null && n.metricsTimestampMs - later.timestampMs! > HOUR / 2,
      );
      expect(ahead).toHaveLength(1);
      expect(problem.message).toContain(ahead[0]!.name);
      // The sample's time is the healthy nodes', not the skewed one's.
      expect(Math.abs(later.timestampMs! - Date.now())).toBeLessThan(10_000);
      const s = await status();
      expect(s.metrics).toBe('ok');
      expect(later.items.every((n) => n.metricsAvailable)).toBe(true);
    } finally {
      h.sim.faults.clear('clock-skew');
    }
    await waitHealthy();
    // The corrected node is back in step at once (not held an hour ahead).
    const after = await freshSampleAfter(Date.now() - 3000);
    for (const n of after.items) {
      expect(Math.abs(n.metricsTimestampMs! - after.timestampMs!), n.name).toBeLessThan(10_000);
    }
  });

  it('bad-items: malformed items dropped and named, duplicate collapsed, the rest kept', async () => {
    const { body: ns } = await h.get<ListResponse<{ name: string; pods: number }>>(
      `${base()}/namespaces`,
    );
    h.sim.faults.set('bad-items');
    try {
      const problem = await waitForProblem('malformed-metrics');
      expect(problem.message).toMatch(/3 unusable item\(s\) left out/);
      expect(problem.message).toMatch(/null timestamp/);
      expect(problem.message).toMatch(/1 duplicate item\(s\) counted once/);
      expect(problem.detail).toMatch(/no containers/);
      expect(problem.detail).toMatch(/quantity-out-of-range/);
      const before = await nodes();
      const later = await freshSampleAfter(before.timestampMs! + 2000);
      expect(later.items.every((n) => n.metricsAvailable)).toBe(true);
      const s = await status();
      expect(s.metrics).toBe('ok');
      expect(s.state).toBe('degraded');
      // Namespaces still have usage; no namespace lost its rows.
      const { body: during } = await h.get<ListResponse<{ name: string }>>(`${base()}/namespaces`);
      expect(during.items.map((n) => n.name)).toEqual(ns.items.map((n) => n.name));
    } finally {
      h.sim.faults.clear('bad-items');
    }
    await waitHealthy();
  });
});

describe('two metrics-server replicas answering in turn', () => {
  let two: Harness;
  beforeAll(async () => {
    two = await startHarness({ resolutionMs: 1000, nodes: 4, pods: 30, metricsReplicas: 2 });
    await eventually(
      async () => {
        const { body } = await two.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
        return body.items[0]!.status.metrics === 'ok';
      },
      30_000,
      'the first sample',
    );
  });
  afterAll(() => two?.stop());

  it('node timestamps and sample times only move forward', async () => {
    const path = `/api/v1/clusters/${two.cluster}/nodes`;
    const seen = new Map<string, number[]>();
    const samples: number[] = [];
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline) {
      // Another client's metrics request shifts which replica answers kubeglance's next one,
      // so its node list comes from both replicas over time (as behind a real Service).
      await simGet(two.sim, '/apis/metrics.k8s.io/v1beta1/nodes');
      const { body } = await two.get<SampledListResponse<NodeRow>>(path);
      if (body.timestampMs !== null) samples.push(body.timestampMs);
      for (const n of body.items) {
        if (n.metricsTimestampMs === null) continue;
        const list = seen.get(n.name) ?? [];
        list.push(n.metricsTimestampMs);
        seen.set(n.name, list);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    const forward = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]!);
    expect(forward(samples)).toBe(true);
    expect(new Set(samples).size).toBeGreaterThan(3);
    expect(seen.size).toBe(4);
    for (const [name, times] of seen) {
      expect(forward(times), name).toBe(true);
      expect(new Set(times).size, name).toBeGreaterThan(3);
    }
    const s = (await two.get<ListResponse<ClusterInfo>>('/api/v1/clusters')).body.items[0]!.status;
    expect(s.problems.map((p) => p.code)).toEqual([]);
  });
});
