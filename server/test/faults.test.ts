import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterInfo,
  HistoryResponse,
  ListResponse,
  NodeRow,
  ProblemCode,
  SampledListResponse,
} from '@kubeglance/shared/api';
import { eventually, startHarness, type Harness } from './harness.js';

/**
 * Each simulator fault must show up as a cluster status with a plain-language problem,
 * never as a crash or an empty answer; the last data stays available, marked stale, and
 * everything recovers once the fault clears.
 */
let h: Harness;
const base = () => `/api/v1/clusters/${h.cluster}`;

async function clusterInfo(): Promise<ClusterInfo> {
  const { body } = await h.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
  return body.items[0]!;
}

async function waitForProblem(code: ProblemCode): Promise<ClusterInfo> {
  return eventually(
    async () => {
      const c = await clusterInfo();
      if (c.status.problems.some((p) => p.code === code)) return c;
      // Thrown, not returned: on a timeout `eventually` names the last status it saw.
      const { state, metrics, resolutionSeconds, problems } = c.status;
      throw new Error(
        JSON.stringify({
          state,
          metrics,
          resolutionSeconds,
          problems: problems.map((p) => p.code),
        }),
      );
    },
    20_000,
    `problem ${code}`,
  );
}

async function waitHealthy(): Promise<void> {
  await eventually(
    async () => {
      const c = await clusterInfo();
      return c.status.state === 'ok' && c.status.metrics === 'ok';
    },
    30_000,
    'recovery',
  );
}

beforeAll(async () => {
  h = await startHarness({ resolutionMs: 1000, nodes: 10, slowMs: 6000 });
  await waitHealthy();
});
afterAll(() => h?.stop());

describe('faults become status, then recover', () => {
  it.each([
    ['metrics-unavailable', 'metrics-api-unavailable', /unavailable/],
    ['metrics-forbidden', 'metrics-forbidden', /system:anonymous/],
    ['nodes-missing-metrics', 'nodes-missing-metrics', /no metrics/],
    ['metrics-stale', 'metrics-stale', /stale/],
    ['throttle', 'throttled', /429/],
    // Slower than the poll timeout (5 s): the poll gives up instead of piling up.
    ['slow', 'upstream-timeout', /in time/],
  ] as const)('%s → %s', async (fault, code, text) => {
    h.sim.faults.set(fault);
    try {
      const info = await waitForProblem(code);
      const problem = info.status.problems.find((p) => p.code === code)!;
      expect(problem.message).toMatch(text);
      expect(problem.hint.length).toBeGreaterThan(10);
      expect(info.status.state).not.toBe('ok');
      // The last data is still served.
      const nodes = await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`);
      expect(nodes.status).toBe(200);
      expect(nodes.body.items.length).toBe(10);
      expect(nodes.body.timestampMs).not.toBeNull();
      if (fault === 'nodes-missing-metrics') {
        const missing = nodes.body.items.filter((n) => !n.metricsAvailable);
        expect(missing.length).toBeGreaterThan(0);
        expect(missing.every((n) => n.cpu.usageMillicores === null && n.cpu.percent === null)).toBe(
          true,
        );
      } else if (fault !== 'throttle') {
        expect(nodes.body.stale).toBe(true);
      }
    } finally {
      h.sim.faults.clear(fault);
    }
    await waitHealthy();
  });

  it('apiserver-down: unreachable, history keeps its gap as null, then recovers', async () => {
    const setAt = Date.now();
    h.sim.faults.set('apiserver-down');
    let clearedAt = 0;
    try {
      const info = await waitForProblem('apiserver-unreachable');
      expect(info.status.problems.find((p) => p.code === 'apiserver-unreachable')!.message).toMatch(
        /reach/,
      );
      expect(info.status.state).toBe('down');
      const nodes = await h.get<SampledListResponse<NodeRow>>(`${base()}/nodes`);
      expect(nodes.body.items.length).toBe(10);
      expect(nodes.body.stale).toBe(true);
      await new Promise((r) => setTimeout(r, 4000));
    } finally {
      h.sim.faults.clear('apiserver-down');
      clearedAt = Date.now();
    }
    await waitHealthy();
    await eventually(
      async () => {
        const { body } = await h.get<HistoryResponse>(`${base()}/history?scope=cluster&range=5m`);
        const cpu = body.series[0]!.points;
        // Sample timestamps are the simulator's (same clock): no sample while it was down.
        // A sample is stamped with the start of the period before the one it is served in,
        // so the first one after recovery may carry a time up to two resolutions (2 s) back.
        const inOutage = cpu.filter(([t]) => t >= setAt + 1000 && t <= clearedAt - 2000);
        const after = cpu.filter(([t, v]) => t > clearedAt && v !== null);
        const before = cpu.filter(([t, v]) => t < setAt - 1000 && v !== null);
        expect(inOutage.every(([, v]) => v === null)).toBe(true);
        return inOutage.length > 0 && after.length > 0 && before.length > 0;
      },
      20_000,
      'history with a null gap and data on both sides',
    );
  });

  // watch-gone (410) is tested under churn in watchGone.test.ts.
});
