import { EventEmitter } from 'node:events';
import {
  HISTORY_RANGES,
  LONG_HISTORY_RANGES,
  type ClusterInfo,
  type ClusterStatus,
} from '@kubeglance/shared/api';
import type { ClusterTarget } from '../kube/clusterTargets.js';
import type { InventoryWatcher } from '../kube/inventoryWatcher.js';
import { DEFAULT_INFORMER_TIMING, type InformerTiming } from '../kube/resourceInformer.js';
import { MetricsPoller, type PollResult } from '../kube/metricsPoller.js';
import { MetricsParser } from '../kube/metricsParser.js';
import type { Inventory, MetricsSample } from '../kube/types.js';
import { Upstream } from '../kube/upstream.js';
import type { PrometheusHistory } from '../prometheus/prometheusHistory.js';
import type { DiagnosticsRunner, DiagnosticsTiming } from '../diagnostics/runner.js';
import type { PollOutcome } from '../diagnostics/facts.js';
import { runInTurns, stepsInTurns } from '../kube/loopTurns.js';
import { HistoryStore } from '../store/history.js';
import { indexSampleInTurns } from '../store/sampleIndex.js';
import { ClusterHealth, nodesWithoutMetrics } from './clusterHealth.js';
import { indexedInventory } from './indexedInventory.js';

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
  private readonly health: ClusterHealth;
  private latestSample: MetricsSample | null = null;
  /** The samples being stored, in order (see {@link onSample}). */
  private storing: Promise<void> = Promise.resolve();
  /** How the last metrics poll ended (for the diagnostics; null before the first one). */
  private lastPollOutcome: PollOutcome | null = null;
  /** Poll timings of the last sample, for /metrics. */
  lastPoll: PollResult | undefined;
  upstreamErrors = 0;

  constructor(
    /** Replaced by {@link reconnect} when the kubeconfig changes. */
    public target: ClusterTarget,
    private readonly options: PipelineOptions,
  ) {
    super();
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
    this.watcher = indexedInventory(
      this.upstream,
      {
        failed: (e) => this.onInventoryFailed(e),
        recovered: () => this.health.update((tracker) => tracker.inventoryRecovered()),
        churn: (kinds) => {
          if (kinds.length > 0) this.options.log.warn({ cluster: this.name, kinds }, 'watch churn');
          this.health.update((tracker, nowMs) =>
            tracker.setWatchChurn(kinds, timing.churnWindowMs, nowMs),
          );
        },
      },
      timing,
    );
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
          this.health.update((tracker, nowMs) => {
            tracker.metricsUnchanged();
            tracker.setQuality(report, this.poller.resolutionMs, nowMs);
          });
        },
        failed: (e) => this.onMetricsFailed(e),
      },
    );
    this.health = new ClusterHealth({
      cluster: target.name,
      upstream: this.upstream,
      facts: () => ({
        inventory: this.watcher.inventory,
        sample: this.latestSample,
        resolutionMs: this.poller.resolutionMs,
        lastPoll: this.lastPollOutcome,
        metricsApiVersion: this.poller.apiVersion,
      }),
      synced: () => this.watcher.synced,
      resolutionMs: () => this.poller.resolutionMs,
      prometheus: options.prometheus,
      now: options.now ?? Date.now,
      log: options.log,
      diagnosticsTiming: options.diagnosticsTiming,
      onStatus: (status) => this.emit('status', status),
    });
  }

  /** The chain checks of issue "Diagnose a broken metrics pipeline", run on every health change. */
  get diagnostics(): DiagnosticsRunner {
    return this.health.diagnostics;
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
    return this.health.status();
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
    return this.health.stale;
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
   * the index), append it (a slice of series per turn) and record it in the health, then build
   * the rows and events for it (`sample` listeners) and emit the status if it changed.
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
        // Recorded before the rows are built: they say whether the data is stale.
        this.health.record((tracker, nowMs) => {
          tracker.metricsSucceeded(sample.timestampMs, nowMs);
          tracker.setQuality(result, this.poller.resolutionMs, nowMs);
          tracker.setMissingNodes(nodesWithoutMetrics(sample, this.watcher.inventory), nowMs);
        });
      },
      () => {
        this.emit('sample', sample, result);
        this.health.emitIfChanged();
      },
    ]);
  }

  private onMetricsFailed(e: unknown): void {
    this.upstreamErrors += 1;
    this.lastPollOutcome = { kind: 'failed', error: e };
    // The Error itself: pino's `err` serializer keeps its type, stack, kind, status and cause.
    this.options.log.warn({ cluster: this.name, err: e }, 'metrics poll failed');
    this.health.update((tracker, nowMs) => tracker.metricsFailed(e, nowMs));
  }

  private onInventoryFailed(e: unknown): void {
    this.upstreamErrors += 1;
    this.options.log.warn({ cluster: this.name, err: e }, 'informer failed; restarting');
    this.health.update((tracker, nowMs) => tracker.inventoryFailed(e, nowMs));
  }

  /** Re-evaluates time-based status (staleness) without a poll; called by a timer. */
  checkStatus(): void {
    this.health.emitIfChanged();
  }
}
