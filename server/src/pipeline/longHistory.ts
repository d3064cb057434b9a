import type {
  CoveragePoint,
  HistoryResponse,
  HistorySpan,
  Point,
  Series,
} from '@kubeglance/shared/api';
import type {
  AllocationPoints,
  PrometheusHistory,
  PrometheusPoints,
} from '../prometheus/prometheusHistory.js';
import type { ScopeKey } from '../prometheus/queries.js';
import { stepFor } from '../prometheus/queries.js';
import type { HistoryStore } from '../store/history.js';
import type { HistoryRequest } from './clusterView.js';

export interface LongHistoryInput {
  q: HistoryRequest;
  rangeMs: number;
  memory: HistoryStore;
  prometheus: PrometheusHistory;
  nowMs: number;
}

/**
 * A range beyond the in-memory hour: Prometheus up to where memory takes over, then the
 * in-memory samples averaged into the same step-aligned buckets (so one point means "the
 * average over the step before it" on both sides of the seam). The seam is the first step
 * boundary at or after the oldest in-memory sample. If Prometheus fails, the memory part is
 * still served, with the problem. Undefined when neither source knows the series.
 */
export async function longHistory(input: LongHistoryInput): Promise<HistoryResponse | undefined> {
  const { q, rangeMs, memory, prometheus, nowMs } = input;
  const step = stepFor(rangeMs);
  const key = { name: q.name, namespace: q.namespace, pod: q.pod };
  const mem = memory.query(q.scope, key, memory.retentionMs);
  const memCpu = mem?.[0]?.points ?? [];
  const memMemory = mem?.[1]?.points ?? [];
  const lastAligned = Math.floor(nowMs / step) * step;
  const firstMem = firstKnown(memCpu, memMemory);
  // Prometheus up to the first step boundary at or after the oldest in-memory sample (its
  // bucket is only partly in memory); memory for every later bucket and the partial last one.
  const promEnd =
    firstMem === undefined ? lastAligned : Math.min(Math.ceil(firstMem / step) * step, lastAligned);
  const promStart = Math.floor((nowMs - rangeMs) / step) * step + step;

  let prom: PrometheusPoints | undefined;
  let problem: HistoryResponse['problem'];
  if (promEnd >= promStart) {
    const scope = { scope: q.scope, ...key };
    try {
      prom = await prometheus.range(scope, promStart, promEnd, step);
    } catch {
      problem = prometheus.currentProblem();
    }
  }
  // Without Prometheus' answer, memory shows all it has (its first bucket partial).
  const memFrom =
    prom === undefined && firstMem !== undefined ? Math.floor(firstMem / step) * step : promEnd;
  const cpuBuckets = buckets(memCpu, memFrom, lastAligned, step);
  const memoryBuckets = buckets(memMemory, memFrom, lastAligned, step);
  const promKnown = prom !== undefined && [...prom.cpu, ...prom.memory].some(([, v]) => v !== null);
  if (mem === undefined && !promKnown) return undefined;

  const spans: HistorySpan[] = [];
  if (prom && prom.cpu.length > 0)
    spans.push({ source: 'prometheus', fromMs: promStart, toMs: promEnd });
  const lastMem = cpuBuckets[cpuBuckets.length - 1]?.[0];
  if (lastMem !== undefined)
    spans.push({ source: 'memory', fromMs: cpuBuckets[0]![0], toMs: lastMem });
  const series: Series[] = [
    { metric: 'cpu', unit: 'millicores', points: [...(prom?.cpu ?? []), ...cpuBuckets] },
    { metric: 'memory', unit: 'bytes', points: [...(prom?.memory ?? []), ...memoryBuckets] },
  ];
  const response: HistoryResponse = {
    scope: q.scope,
    range: q.range,
    resolutionSeconds: step / 1000,
    series,
    spans,
    ...(problem ? { problem } : {}),
  };
  const alloc = await allocationsOf(
    prometheus,
    { scope: q.scope, ...key },
    promStart,
    lastAligned,
    step,
  );
  if (alloc) {
    response.requests = seriesOf(alloc.requests);
    response.limits = seriesOf(alloc.limits);
  }
  if (q.scope === 'cluster') {
    const memCoverage = coverageBuckets(memory.coverage(memory.retentionMs), cpuBuckets, memFrom);
    response.coverage = [...(prom?.coverage ?? []), ...memCoverage];
  }
  return response;
}

/**
 * The in-memory coverage on the bucket grid: per bucket `(previous, t]`, the fewest nodes any
 * of its samples summed and the most nodes known (a bucket is partial if any sample was).
 */
function coverageBuckets(samples: CoveragePoint[], grid: Point[], after: number): CoveragePoint[] {
  let i = 0;
  let prev = after;
  return grid.map(([t]) => {
    let reporting: number | null = null;
    let total: number | null = null;
    for (; i < samples.length && samples[i]![0] <= t; i++) {
      const [at, r, k] = samples[i]!;
      if (at <= prev || r === null || k === null) continue;
      reporting = reporting === null ? r : Math.min(reporting, r);
      total = total === null ? k : Math.max(total, k);
    }
    prev = t;
    return [t, reporting, total];
  });
}

/** kube-state-metrics' requests/limits over the whole range; undefined when absent or failing. */
async function allocationsOf(
  prometheus: PrometheusHistory,
  key: ScopeKey,
  startMs: number,
  endMs: number,
  step: number,
) {
  if (endMs < startMs) return undefined;
  return prometheus.allocations(key, startMs, endMs, step).catch(() => undefined);
}

function seriesOf(p: AllocationPoints): Series[] {
  return [
    { metric: 'cpu', unit: 'millicores', points: p.cpu },
    { metric: 'memory', unit: 'bytes', points: p.memory },
  ];
}

function firstKnown(a: Point[], b: Point[]): number | undefined {
  const t = [a.find(([, v]) => v !== null)?.[0], b.find(([, v]) => v !== null)?.[0]].filter(
    (x): x is number => x !== undefined,
  );
  return t.length === 0 ? undefined : Math.min(...t);
}

/**
 * Averages of the points in each `(t - step, t]` for t = after + step … lastAligned, then a
 * last, partial bucket ending at the newest point (so the chart reaches the present). Null
 * where a bucket holds no value (a gap stays a gap).
 */
function buckets(points: Point[], after: number, lastAligned: number, step: number): Point[] {
  const out: Point[] = [];
  const newest = points[points.length - 1]?.[0];
  let i = 0;
  const average = (end: number): number | null => {
    let sum = 0;
    let n = 0;
    for (; i < points.length && points[i]![0] <= end; i++) {
      const v = points[i]![1];
      if (v !== null) {
        sum += v;
        n++;
      }
    }
    return n === 0 ? null : Math.round(sum / n);
  };
  while (i < points.length && points[i]![0] <= after) i++;
  for (let t = after + step; t <= lastAligned; t += step) out.push([t, average(t)]);
  if (newest !== undefined && newest > Math.max(lastAligned, after)) {
    out.push([newest, average(newest)]);
  }
  return out;
}
