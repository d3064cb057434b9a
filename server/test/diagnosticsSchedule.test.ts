import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterInfo,
  DiagnosticCheckId,
  DiagnosticsReport,
  ListResponse,
} from '@kubeglance/shared/api';
import { eventually, startHarness, type Harness } from './harness.js';

/**
 * The diagnostics' own schedule, without `?refresh=1`: when one fault replaces another and
 * both answer the metrics API with 503, the pipeline's health does not change, so only the
 * scheduled run can notice. It must, within one troubled interval, even when the first fault
 * was found by a health-change run while the healthy interval (60 s) was pending.
 */
const TROUBLED_MS = 2_000;
/** How late a timer or a request may be on the shared test machine. */
const TIMER_LATENESS_MS = 500;
let h: Harness;

async function latest(): Promise<DiagnosticsReport> {
  const res = await h.get<DiagnosticsReport>(`/api/v1/clusters/${h.cluster}/diagnostics`);
  expect(res.status).toBe(200);
  return res.body;
}

async function health(): Promise<string> {
  const { body } = await h.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
  const s = body.items[0]!.status;
  return `${s.state}|${s.metrics}|${s.problems.map((p) => p.code).join(',')}`;
}

/** Until the latest report names `id` with `code`; returns it. */
function named(id: DiagnosticCheckId, code: string, timeoutMs: number): Promise<DiagnosticsReport> {
  return eventually(
    async () => {
      const r = await latest();
      const c = r.checks.find((x) => x.id === id);
      return r.failing === id && c?.summary.code === code ? r : undefined;
    },
    timeoutMs,
    `a scheduled report naming ${code}`,
  );
}

/** Until a report newer than `after` is kept: a run just finished, the next is one interval away. */
function nextReport(after: DiagnosticsReport): Promise<DiagnosticsReport> {
  return eventually(
    async () => {
      const r = await latest();
      return r.checkedAtMs > after.checkedAtMs ? r : undefined;
    },
    5 * TROUBLED_MS,
    'the next scheduled report',
  );
}

beforeAll(async () => {
  h = await startHarness({
    resolutionMs: 2000,
    nodes: 4,
    pods: 20,
    // Healthy: a long interval, so only the troubled one can explain a timely report.
    diagnosticsTiming: { intervalMs: 120_000, troubledIntervalMs: TROUBLED_MS },
  });
  // What was seen last goes into the failure: a start that never settles must say where.
  let seen = 'nothing yet';
  await eventually(
    async () => {
      const [now, report] = [await health(), await latest()];
      const notOk = report.checks.filter((c) => c.status !== 'ok' && c.status !== 'unknown');
      seen = `health ${now}, report ${report.status} ${notOk.map((c) => c.summary.code).join(',')}`;
      return now === 'ok|ok|' && report.status === 'ok';
    },
    // A precondition, not a bound under test: the start of a loaded CI machine may be slow.
    45_000,
    'healthy cluster and diagnostics',
  ).catch((e: unknown) => {
    throw new Error(`${String(e)}; last seen ${seen}`);
  });
});
afterAll(() => h?.stop());
afterEach(() => {
  h?.sim.faults.clear();
});

const SWITCHES = [
  ['apiservice-timeout', 'apiservice.timeout', 'missing-endpoints', 'apiservice.missing-endpoints'],
  [
    'missing-endpoints',
    'apiservice.missing-endpoints',
    'kubelet-x509-all',
    'kubelet-scrape.all-failing',
  ],
] as const;

describe('scheduled diagnostics follow a fault that replaces another', () => {
  it.each(SWITCHES)('%s → %s', async (a, aCode, b, bCode) => {
    h.sim.faults.clear();
    h.sim.faults.set(a);
    const first = await named(aCode.split('.')[0] as DiagnosticCheckId, aCode, 15_000);
    const before = await eventually(
      async () => {
        const now = await health();
        // Once the last sample is stale too, nothing about the health changes any more.
        return now.includes('metrics-stale') && now;
      },
      15_000,
      `stale metrics under ${a}`,
    );
    // Switch right after a run finished: the next scheduled one starts one interval later.
    await nextReport(first);
    const switched = Date.now();
    h.sim.faults.clear(a);
    h.sim.faults.set(b);
    const r = await named(bCode.split('.')[0] as DiagnosticCheckId, bCode, 5 * TROUBLED_MS);
    // Both answer 503: the health, and so the health-change trigger, stayed as it was.
    expect(await health()).toBe(before);
    expect(r.checkedAtMs - switched).toBeLessThanOrEqual(TROUBLED_MS + TIMER_LATENESS_MS);
  });
});
