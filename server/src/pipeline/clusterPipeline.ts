import { EventEmitter } from 'node:events';
import {
  HISTORY_RANGES,
  LONG_HISTORY_RANGES,
  type ClusterInfo,
  type ClusterStatus,
} from '@kubeglance/shared/api';
import type { ClusterTarget } from '../kube/clusterTargets.js';
import { InventoryWatcher } from '../kube/inventoryWatcher.js';
import { DEFAULT_INFORMER_TIMING, type InformerTiming } from '../kube/resourceInformer.js';
import { MetricsPoller, type PollResult } from '../kube/metricsPoller.js';
import { MetricsParser } from '../kube/metricsParser.js';
import type { Inventory, MetricsSample } from '../kube/types.js';
import { Upstream } from '../kube/upstream.js';
import type { PrometheusHistory } from '../prometheus/prometheusHistory.js';
import { checkPrometheus } from '../diagnostics/checks/prometheus.js';
import { DiagnosticsRunner, type DiagnosticsTiming } from '../diagnostics/runner.js';
import type { PollOutcome } from '../diagnostics/facts.js';
import { summarise } from '../diagnostics/report.js';
import { runInTurns, stepsInTurns } from '../kube/loopTurns.js';
import { HistoryStore } from '../store/history.js';
import { trackInventory } from '../store/inventoryIndex.js';
import { LiveInventoryIndex } from '../store/liveInventoryIndex.js';
import { indexSampleInTurns } from '../store/sampleIndex.js';
import { StatusTracker } from './statusTracker.js';

export interface PipelineOptions {
  /** Fixed metrics resolution; detected when undefined. */
  resolutionMs: number | undefined;
  retentionMs: number;
  /** Send `Accept-Encoding: gzip` upstream (default off). */
  upstreamGzip?: boolean;
  log: { info(o: object, m: string): void; warn(o: object, m: string): void };
  now?: () => number;
  /** Long-range history for this cluster (`--prometheus`). */
  prometheus?: PrometheusHistory | undefined;
  /** Informer timings (tests scale them down); the probe interval is one resolution. */
  informerTiming?: Partial<InformerTiming>;
  /** How often the diagnostics run on their own (tests scale it down). */
  diagnosticsTiming?: DiagnosticsTiming | undefined;
}

export interface PipelineEvents {
  sample: [sample: MetricsSample, result: PollResult];
  status: [status: ClusterStatus];
}

/**
 * Everything kubeglance knows about one cluster: its informers, its metrics poller, its
 * history and its health. Pipelines share nothing, so one failing cluster never affects
 * another. Readers (routes, SSE) only read; all writes happen on poll/informer callbacks.
 */
export class ClusterPipeline extends EventEmitter<PipelineEvents> {
  readonly upstream: Upstream;
  readonly history: HistoryStore;
  private readonly watcher: InventoryWatcher;
  private readonly poller: MetricsPoller;
  /** Parses the metrics lists in a worker thread, off the event loop. */
  private readonly parser = new MetricsParser();
  private readonly tracker = new StatusTracker();
  private latestSample: MetricsSample | null = null;
  /** The samples being stored, in order (see {@link onSample}). */
  private storing: Promise<void> = Promise.resolve();
  /** How the last metrics poll ended (for the diagnostics; null before the first one). */
  private lastPollOutcome: PollOutcome | null = null;
  private lastStatusKey = '';
  private lastHealthKey = '';
  /** The chain checks of issue "Diagnose a broken metrics pipeline", run on every health change. */
  readonly diagnostics: DiagnosticsRunner;
  private readonly now: () => number;
  /** Poll timings of the last sample, for /metrics. */
  lastPoll: PollResult | undefined;
  upstreamErrors = 0;

  constructor(
    /** Replaced by {@link reconnect} when the kubeconfig changes. */
    public target: ClusterTarget,
    private readonly options: PipelineOptions,
  ) {
    super();
    this.now = options.now ?? Date.now;
    this.upstream = new Upstream(target.kubeConfig, target.server, {
      gzip: options.upstreamGzip ?? false,
    });
    this.history = new HistoryStore({
      retentionMs: options.retentionMs,
      resolutionMs: options.resolutionMs ?? 15_000,
    });
    const timing: InformerTiming = {
      ...DEFAULT_INFORMER_TIMING,
      probeIntervalMs: () => this.poller.resolutionMs,
      ...options.informerTiming,
    };
    const index = new LiveInventoryIndex();
    this.watcher = new InventoryWatcher(
      this.upstream,
      {
        changed: () => undefined,
        podChanged: (old, value) => index.pod(old, value),
        otherChanged: (kind) => index.other(kind),
        failed: (e) => this.onInventoryFailed(e),
        recovered: () => {
          this.tracker.inventoryRecovered();
          this.emitStatusIfChanged();
        },
        churn: (kinds) => {
          this.tracker.setWatchChurn(kinds, timing.churnWindowMs, this.now());
          if (kinds.length > 0) this.options.log.warn({ cluster: this.name, kinds }, 'watch churn');
          this.emitStatusIfChanged();
        },
      },
      timing,
    );
    // Row builders index the inventory through this, kept current event by event.
    trackInventory(this.watcher.inventory.pods, index);
    this.poller = new MetricsPoller(
      this.upstream,
      {
        parser: this.parser,
        ...(options.resolutionMs === undefined ? {} : { resolutionMs: options.resolutionMs }),
      },
      {
        sample: (r) => this.onSample(r),
        unchanged: (report) => {
          this.lastPollOutcome = { kind: 'ok' };
          this.tracker.metricsUnchanged();
          this.tracker.setQuality(report, this.poller.resolutionMs, this.now());
          this.emitStatusIfChanged();
        },
        failed: (e) => this.onMetricsFailed(e),
      },
    );
    this.diagnostics = new DiagnosticsRunner(
      target.name,
      this.upstream,
      () => ({
        status: this.status(),
        inventory: this.watcher.inventory,
        sample: this.latestSample,
        resolutionMs: this.poller.resolutionMs,
        lastPoll: this.lastPollOutcome,
        metricsApiVersion: this.poller.apiVersion,
      }),
      {
        ...options.diagnosticsTiming,
        now: this.now,
        onReport: () => this.emitStatusIfChanged(),
        onError: (err) => options.log.warn({ cluster: this.name, err }, 'diagnostics failed'),
        ...(options.prometheus ? { prometheusCheck: prometheusCheckOf(options.prometheus) } : {}),
      },
    );
  }

  get name(): string {
    return this.target.name;
  }

  get inventory(): Inventory {
    return this.watcher.inventory;
  }

  get synced(): boolean {
    return this.watcher.synced;
  }

  /** Relists per kind after the first list (watch restarts that needed one). */
  get relists(): Record<'nodes' | 'pods' | 'namespaces', number> {
    return this.watcher.relists;
  }

  get sample(): MetricsSample | null {
    return this.latestSample;
  }

  get resolutionMs(): number {
    return this.poller.resolutionMs;
  }

  start(): void {
    this.watcher.start();
    this.poller.start();
    this.prometheus?.start();
    this.diagnostics.start();
  }

  /**
   * Switches to new credentials or a new address for the same context (the kubeconfig file
   * was rewritten): watches restart at once; the poller's next request uses them too.
   */
  reconnect(target: ClusterTarget): void {
    this.target = target;
    this.upstream.reconfigure(target.kubeConfig, target.server);
    this.watcher.restart();
  }

  stop(): void {
    this.diagnostics.stop();
    this.poller.stop();
    void this.parser.close();
    this.watcher.stop();
    this.upstream.stop();
    this.prometheus?.stop();
  }

  status(): ClusterStatus {
    const status = this.tracker.status(this.now(), this.watcher.synced, this.poller.resolutionMs);
    const report = this.diagnostics?.latest;
    const withDiagnostics = { ...status, diagnostics: report ? summarise(report) : null };
    const prom = this.prometheus?.currentProblem();
    if (!prom) return withDiagnostics;
    // History beyond the hour is degraded; live metrics are not, so `ok` becomes `degraded`.
    const state = status.state === 'ok' ? 'degraded' : status.state;
    return { ...withDiagnostics, state, problems: [...status.problems, prom] };
  }

  /** The long-range history source, when a Prometheus is configured for this cluster. */
  get prometheus(): PrometheusHistory | undefined {
    return this.options.prometheus;
  }

  info(): ClusterInfo {
    return {
      name: this.target.name,
      simulated: this.target.simulated,
      server: this.target.server,
      status: this.status(),
      historyRanges: [...HISTORY_RANGES, ...(this.prometheus ? LONG_HISTORY_RANGES : [])],
    };
  }

  /** Whether the last stored sample is too old to be shown as current. */
  get stale(): boolean {
    const s = this.status();
    return s.metrics === 'stale' || s.metrics === 'failing' || s.state === 'down';
  }

  /** Samples are stored in arrival order, each over several turns (see {@link store}). */
  private onSample(result: PollResult): void {
    this.storing = this.storing
      .then(() => this.store(result))
      .catch((err: unknown) =>
        this.options.log.warn({ cluster: this.name, err }, 'storing a sample failed'),
      );
  }

  /**
   * Stores a sample over turns of the event loop, so requests waiting in between are
   * answered: index it (a slice of pods per turn; the history and every row builder share
   * the index), append it (a slice of series per turn) and update the status, then build the rows and events for it
   * (`sample` listeners).
   */
  private async store(result: PollResult): Promise<void> {
    const { sample } = result;
    await indexSampleInTurns(sample);
    if (this.history.resolutionMs !== this.poller.resolutionMs) {
      this.history.setResolution(this.poller.resolutionMs);
    }
    await runInTurns(this.history.appendSteps(sample, this.watcher.inventory));
    await stepsInTurns([
      () => {
        this.latestSample = sample;
        this.lastPoll = result;
        this.lastPollOutcome = { kind: 'ok' };
        const nowMs = this.now();
        this.tracker.metricsSucceeded(sample.timestampMs, nowMs);
        this.tracker.setQuality(result, this.poller.resolutionMs, nowMs);
        this.tracker.setMissingNodes(this.nodesWithoutMetrics(sample), nowMs);
      },
      () => {
        this.emit('sample', sample, result);
        this.emitStatusIfChanged();
      },
    ]);
  }

  private nodesWithoutMetrics(sample: MetricsSample): string[] {
    const have = new Set(sample.nodes.map((n) => n.name));
    const missing: string[] = [];
    for (const n of this.watcher.inventory.nodes.values()) {
      if (n.ready && !have.has(n.name)) missing.push(n.name);
    }
    return missing.sort();
  }

  private onMetricsFailed(e: unknown): void {
    this.upstreamErrors += 1;
    this.lastPollOutcome = { kind: 'failed', error: e };
    this.tracker.metricsFailed(e, this.now());
    // The Error itself: pino's `err` serializer keeps its type, stack, kind, status and cause.
    this.options.log.warn({ cluster: this.name, err: e }, 'metrics poll failed');
    this.emitStatusIfChanged();
  }

  private onInventoryFailed(e: unknown): void {
    this.upstreamErrors += 1;
    this.tracker.inventoryFailed(e, this.now());
    this.options.log.warn({ cluster: this.name, err: e }, 'informer failed; restarting');
    this.emitStatusIfChanged();
  }

  /**
   * Status events only on a change of state, of the set of problems (not their text) or of the
   * diagnostics' verdict. A change of health also re-runs the diagnostics.
   */
  private emitStatusIfChanged(): void {
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
      { cluster: this.name, state: s.state, problems: s.problems.map((p) => p.code) },
      'cluster status',
    );
    this.emit('status', s);
  }

  /** Re-evaluates time-based status (staleness) without a poll; called by a timer. */
  checkStatus(): void {
    this.emitStatusIfChanged();
  }
}

/** The diagnostics check of this cluster's Prometheus. */
function prometheusCheckOf(prometheus: PrometheusHistory) {
  return (nowMs: number) =>
    checkPrometheus({ client: prometheus.client, labels: prometheus.labels }, nowMs);
}
