import type { ClusterStatus } from '@kubeglance/shared/api';
import { checkPrometheus } from '../diagnostics/checks/prometheus.js';
import type { PipelineFacts } from '../diagnostics/facts.js';
import { summarise } from '../diagnostics/report.js';
import { DiagnosticsRunner, type DiagnosticsTiming } from '../diagnostics/runner.js';
import type { Inventory, MetricsSample } from '../kube/types.js';
import type { Upstream } from '../kube/upstream.js';
import type { PrometheusHistory } from '../prometheus/prometheusHistory.js';
import { StatusTracker } from './statusTracker.js';

export interface HealthOptions {
  cluster: string;
  upstream: Upstream;
  /** What the diagnostics judge besides the status, read at each run. */
  facts: () => Omit<PipelineFacts, 'status'>;
  /** Whether the informers have listed everything, for the status. */
  synced: () => boolean;
  resolutionMs: () => number;
  prometheus: PrometheusHistory | undefined;
  now: () => number;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  diagnosticsTiming?: DiagnosticsTiming | undefined;
  /** Called with the status whenever it changes (see {@link ClusterHealth.update}). */
  onStatus: (status: ClusterStatus) => void;
}

/**
 * A cluster's health: what the pipeline saw of its metrics and informers (`StatusTracker`),
 * the diagnostics of the metrics chain, and the Prometheus behind long ranges, said as one
 * status. A status is emitted only when it changed, and a change of health re-runs the
 * diagnostics.
 */
export class ClusterHealth {
  private readonly tracker = new StatusTracker();
  /** The chain checks of issue "Diagnose a broken metrics pipeline", run on every health change. */
  readonly diagnostics: DiagnosticsRunner;
  private lastStatusKey = '';
  private lastHealthKey = '';

  constructor(private readonly options: HealthOptions) {
    const { prometheus, log, cluster } = options;
    this.diagnostics = new DiagnosticsRunner(
      cluster,
      options.upstream,
      () => ({ status: this.status(), ...options.facts() }),
      {
        ...options.diagnosticsTiming,
        now: options.now,
        onReport: () => this.emitIfChanged(),
        onError: (err) => log.warn({ cluster, err }, 'diagnostics failed'),
        ...(prometheus ? { prometheusCheck: prometheusCheckOf(prometheus) } : {}),
      },
    );
  }

  status(): ClusterStatus {
    const { options } = this;
    const status = this.tracker.status(options.now(), options.synced(), options.resolutionMs());
    const report = this.diagnostics?.latest;
    const withDiagnostics = { ...status, diagnostics: report ? summarise(report) : null };
    const prom = options.prometheus?.currentProblem();
    if (!prom) return withDiagnostics;
    // History beyond the hour is degraded; live metrics are not, so `ok` becomes `degraded`.
    const state = status.state === 'ok' ? 'degraded' : status.state;
    return { ...withDiagnostics, state, problems: [...status.problems, prom] };
  }

  /** Whether the last stored sample is too old to be shown as current. */
  get stale(): boolean {
    const s = this.status();
    return s.metrics === 'stale' || s.metrics === 'failing' || s.state === 'down';
  }

  /** Records what the pipeline saw; the status is emitted by the next {@link emitIfChanged}. */
  record(what: (tracker: StatusTracker, nowMs: number) => void): void {
    what(this.tracker, this.options.now());
  }

  /** Records what the pipeline saw, then emits the status if that changed it. */
  update(what: (tracker: StatusTracker, nowMs: number) => void): void {
    this.record(what);
    this.emitIfChanged();
  }

  /**
   * Status events only on a change of state, of the set of problems (not their text) or of the
   * diagnostics' verdict. A change of health also re-runs the diagnostics. Also called by a
   * timer, for time-based changes (staleness) without a poll.
   */
  emitIfChanged(): void {
    const s = this.status();
    const health = `${s.state}|${s.metrics}|${s.inventorySynced}|${s.problems.map((p) => p.code).join(',')}`;
    const d = s.diagnostics;
    const key = `${health}|${d ? `${d.status}:${d.failing?.id ?? ''}:${d.failing?.summary.code ?? ''}` : ''}`;
    if (health !== this.lastHealthKey) {
      this.lastHealthKey = health;
      // The first one too: the run made at start had no poll outcome and no node list yet.
      void this.diagnostics.run().catch(() => undefined);
    }
    if (key === this.lastStatusKey) return;
    this.lastStatusKey = key;
    this.options.log.info(
      { cluster: this.options.cluster, state: s.state, problems: s.problems.map((p) => p.code) },
      'cluster status',
    );
    this.options.onStatus(s);
  }
}

/** The diagnostics check of this cluster's Prometheus. */
function prometheusCheckOf(prometheus: PrometheusHistory) {
  return (nowMs: number) =>
    checkPrometheus({ client: prometheus.client, labels: prometheus.labels }, nowMs);
}

/** Ready nodes the informers know that are absent from the sample (kubelet scrape failures). */
export function nodesWithoutMetrics(sample: MetricsSample, inventory: Inventory): string[] {
  const have = new Set(sample.nodes.map((n) => n.name));
  const missing: string[] = [];
  for (const n of inventory.nodes.values()) {
    if (n.ready && !have.has(n.name)) missing.push(n.name);
  }
  return missing.sort();
}
