import type { CoveragePoint, Point, Problem } from '@kubeglance/shared/api';
import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import { makeProblem } from '../kube/problems.js';
import { PrometheusClient, type MatrixResult } from './client.js';
import type { PrometheusOptions } from './options.js';
import {
  allocationQuery,
  coverageLookback,
  coverageQueries,
  cpuQuery,
  flavorFrom,
  memoryQuery,
  windowFor,
  type ScopeKey,
  type SeriesFlavor,
} from './queries.js';
import { QueryCache } from './queryCache.js';

/** How long a detected flavor is trusted before the store is asked again. */
const FLAVOR_TTL_MS = 5 * 60_000;
const CACHE_ENTRIES = 512;
/** Health probe period: an outage shows as a problem even when nobody opens a long chart. */
const PROBE_MS = 30_000;

export interface PrometheusPoints {
  cpu: Point[];
  memory: Point[];
  /** Cluster scope only: nodes summed / nodes known per point (same grid). */
  coverage?: CoveragePoint[];
}

/** Requests or limits over time (kube-state-metrics): CPU millicores and memory bytes. */
export interface AllocationPoints {
  cpu: Point[];
  memory: Point[];
}

/**
 * One cluster's long history from a Prometheus-compatible store: the same scopes as the
 * in-memory store, CPU in kubectl millicores and memory in bytes, on a step-aligned grid
 * (times `k·step`, so every kubeglance replica asks — and caches — the same queries).
 */
export class PrometheusHistory {
  readonly client: PrometheusClient;
  private flavor: { value: SeriesFlavor; atMs: number } | undefined;
  private problem: Problem | undefined;
  private readonly cache: QueryCache<MatrixResult>;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    url: string,
    private readonly options: PrometheusOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.client = new PrometheusClient(url, options.auth, options.timeoutMs);
    this.cache = new QueryCache(CACHE_ENTRIES, now);
  }

  get url(): string {
    return this.client.baseUrl;
  }

  /** The label names of the kubelet series (`--prometheus-*-label`). */
  get labels(): PrometheusOptions['labels'] {
    return this.options.labels;
  }

  /** The current outage, if the last call failed. */
  currentProblem(): Problem | undefined {
    return this.problem;
  }

  /** Probes now and every 30 s until {@link stop}. */
  start(): void {
    if (this.timer) return;
    const probe = () => void this.probe().catch(() => undefined);
    probe();
    this.timer = setInterval(probe, PROBE_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** A cheap `query` to learn whether the store answers (and which series it holds). */
  async probe(): Promise<void> {
    await this.track(async () => {
      await this.client.query('vector(1)');
      await this.currentFlavor();
    });
  }

  /**
   * Points at `startMs + k·stepMs` up to `endMs` (both multiples of the step): CPU as the
   * average rate over the window ending at each point, memory as the average working set
   * over the same window. `null` where the store has nothing. Throws on failure.
   */
  async range(
    key: ScopeKey,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<PrometheusPoints> {
    return this.track(async () => {
      const flavor = await this.currentFlavor();
      const windowMs = windowFor(stepMs, this.options.scrapeIntervalMs);
      const { labels } = this.options;
      const cov =
        key.scope === 'cluster'
          ? coverageQueries(flavor, labels, windowMs, coverageLookback(windowMs))
          : undefined;
      const [cpu, memory, reporting, total] = await Promise.all([
        this.cached(cpuQuery(flavor, labels, key, windowMs), startMs, endMs, stepMs),
        this.cached(memoryQuery(flavor, labels, key, windowMs), startMs, endMs, stepMs),
        cov && this.cached(cov.reporting, startMs, endMs, stepMs),
        cov && this.cached(cov.total, startMs, endMs, stepMs),
      ]);
      const grid: number[] = [];
      for (let t = startMs; t <= endMs; t += stepMs) grid.push(t);
      const points: PrometheusPoints = {
        cpu: toPoints(grid, cpu, (cores) => cpuMillicoresKubectl(Math.round(cores * 1e9))),
        memory: toPoints(grid, memory, (bytes) => Math.round(bytes)),
      };
      if (reporting && total) {
        const r = toPoints(grid, reporting, (n) => n);
        const k = toPoints(grid, total, (n) => n);
        // No node reported at all: the point is a gap (null), not a sum of 0 nodes.
        points.coverage = grid.map((t, i) => {
          const reported = r[i]![1];
          return [t, reported, reported === null ? null : k[i]![1]];
        });
      }
      return points;
    });
  }

  /**
   * kube-state-metrics' requests and limits in a scope on the same grid, or undefined when
   * the store holds none of them (no kube-state-metrics scraped). Throws on failure.
   */
  async allocations(
    key: ScopeKey,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<{ requests: AllocationPoints; limits: AllocationPoints } | undefined> {
    return this.track(async () => {
      const windowMs = windowFor(stepMs, this.options.scrapeIntervalMs);
      const { labels } = this.options;
      const q = (kind: 'requests' | 'limits', what: 'cpu' | 'memory') =>
        this.cached(allocationQuery(labels, key, kind, what, windowMs), startMs, endMs, stepMs);
      const [rc, rm, lc, lm] = await Promise.all([
        q('requests', 'cpu'),
        q('requests', 'memory'),
        q('limits', 'cpu'),
        q('limits', 'memory'),
      ]);
      if ([rc, rm, lc, lm].every((r) => r.length === 0)) return undefined;
      const grid: number[] = [];
      for (let t = startMs; t <= endMs; t += stepMs) grid.push(t);
      const cpu = (cores: number) => cpuMillicoresKubectl(Math.round(cores * 1e9));
      const bytes = (b: number) => Math.round(b);
      return {
        requests: { cpu: toPoints(grid, rc, cpu), memory: toPoints(grid, rm, bytes) },
        limits: { cpu: toPoints(grid, lc, cpu), memory: toPoints(grid, lm, bytes) },
      };
    });
  }

  private cached(query: string, startMs: number, endMs: number, stepMs: number) {
    // Fresh for one step (bounded to 15 s … 5 min): the newest points may still gain samples.
    const ttl = Math.min(Math.max(stepMs, 15_000), 300_000);
    return this.cache.get(`${query}|${startMs}|${endMs}|${stepMs}`, ttl, () =>
      this.client.queryRange(query, startMs, endMs, stepMs),
    );
  }

  private async currentFlavor(): Promise<SeriesFlavor> {
    const f = this.flavor;
    if (f && this.now() - f.atMs < FLAVOR_TTL_MS) return f.value;
    const end = this.now();
    const start = end - 3_600_000;
    const [resource, cadvisor] = await Promise.all([
      this.client.series('node_cpu_usage_seconds_total', start, end),
      this.client.series('container_cpu_usage_seconds_total{id="/"}', start, end),
    ]);
    const value = flavorFrom(resource, cadvisor);
    this.flavor = { value, atMs: this.now() };
    return value;
  }

  private async track<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.problem = undefined;
      return result;
    } catch (err) {
      this.problem = {
        ...makeProblem(
          'prometheus-unavailable',
          'Prometheus does not answer: long-range history is limited to the hour kept in memory.',
          `Check that ${this.url} is reachable from kubeglance and serves /api/v1/query_range (and the --prometheus-* auth options).`,
          this.now(),
          this.problem,
        ),
        detail: err instanceof Error ? err.message : String(err),
      };
      throw err;
    }
  }
}

function toPoints(grid: number[], result: MatrixResult, convert: (v: number) => number): Point[] {
  const byTime = new Map<number, number>();
  for (const [t, v] of result[0]?.values ?? []) {
    const n = Number(v);
    if (Number.isFinite(n)) byTime.set(Math.round(t * 1000), convert(n));
  }
  return grid.map((t) => [t, byTime.get(t) ?? null]);
}
