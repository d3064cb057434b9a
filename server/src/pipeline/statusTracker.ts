import type { ClusterStatus, MetricsState, Problem } from '@kubeglance/shared/api';
import { makeProblem, problemFromError } from '../kube/problems.js';
import type { ChurnReport } from '../kube/inventoryWatcher.js';
import { NoSamplesYet, type PollReport } from '../kube/metricsPoller.js';
import {
  malformedProblem,
  noNodeStaleUntil,
  skewProblem,
  staleNodesProblem,
} from '../kube/metricsQuality.js';
import type { NodeClock } from '../kube/sampleMerger.js';
import { englishNames, nameList } from '@kubeglance/shared/phrase';

/**
 * The health of one cluster's pipeline, in the terms the UI explains: which part is broken,
 * since when, and what to do. Staleness is judged on the local clock from when the newest
 * sample was *seen*, so clock skew between kubeglance and the cluster does not matter.
 */
export class StatusTracker {
  private metricsProblem: Problem | undefined;
  private inventoryProblem: Problem | undefined;
  private missingNodes: Problem | undefined;
  private staleProblem: Problem | undefined;
  private malformed: Problem | undefined;
  private skew: Problem | undefined;
  private staleNodes: Problem | undefined;
  private clocks: readonly NodeClock[] = [];
  /** No node is stale before this time, for these clocks and resolution (status is read per request). */
  private noStaleNodes:
    { clocks: readonly NodeClock[]; resolutionMs: number; untilMs: number } | undefined;
  private churnProblem: Problem | undefined;
  private lastSampleMs: number | null = null;
  private lastNewSampleSeenMs: number | null = null;

  metricsSucceeded(sampleTimestampMs: number, nowMs: number): void {
    this.metricsProblem = undefined;
    this.lastSampleMs = sampleTimestampMs;
    this.lastNewSampleSeenMs = nowMs;
  }

  metricsUnchanged(): void {
    // The API answers, so any request failure is over; staleness is judged by time.
    this.metricsProblem = undefined;
  }

  metricsFailed(error: unknown, nowMs: number): void {
    this.metricsProblem =
      error instanceof NoSamplesYet
        ? makeProblem(
            'metrics-not-ready',
            'Metrics not available yet: metrics-server has not finished its first scrapes.',
            'Wait a minute after metrics-server starts; if it persists, check its logs for kubelet scrape errors.',
            nowMs,
            this.metricsProblem,
          )
        : problemFromError(error, 'metrics', nowMs, this.metricsProblem);
  }

  inventoryFailed(error: unknown, nowMs: number): void {
    this.inventoryProblem = problemFromError(error, 'inventory', nowMs, this.inventoryProblem);
  }

  inventoryRecovered(): void {
    this.inventoryProblem = undefined;
  }

  /**
   * Data-quality problems of the last successful poll: malformed/duplicate items, node clock
   * skew, nodes whose metrics stopped advancing. None of them marks the metrics as failing.
   */
  setQuality(report: PollReport, resolutionMs: number, nowMs: number): void {
    this.malformed = malformedProblem(report.dropped, report.duplicates, nowMs, this.malformed);
    this.skew = skewProblem(report.clocks, resolutionMs, nowMs, this.skew);
    this.clocks = report.clocks;
  }

  /** Kinds whose watches keep needing a relist (empty: calm again). */
  setWatchChurn(kinds: ChurnReport[], windowMs: number, nowMs: number): void {
    if (kinds.length === 0) {
      this.churnProblem = undefined;
      return;
    }
    const what = kinds.map((k) => `${k.kind} (${k.relists})`);
    const seconds = Math.round(windowMs / 1000);
    this.churnProblem = {
      ...makeProblem(
        'watch-churn',
        `Watches keep expiring or failing: relists of ${what.join(', ')} in the last ${seconds} s.`,
        'The API server is ending watches (410 Expired: etcd compaction faster than the watch cache, or a proxy closing long requests). kubeglance backs off between relists; check the apiserver’s --watch-cache-sizes, etcd compaction and any proxy timeouts.',
        nowMs,
        this.churnProblem,
      ),
      detail: kinds.map((k) => `${k.kind}: ${k.relists} relists`).join('; '),
      details: kinds.map((k) => ({
        code: 'watch-churn.relists',
        params: { kind: k.kind, n: k.relists },
        text: `${k.kind}: ${k.relists} relists`,
      })),
      // The kinds alone (`nodes`, `pods`, `namespaces`): a browser says them in its words.
      params: {
        kinds: nameList(
          kinds.map((k) => k.kind),
          kinds.length,
        ),
        seconds,
      },
    };
  }

  /** Ready nodes that are absent from NodeMetrics (kubelet scrape failures). */
  setMissingNodes(names: string[], nowMs: number): void {
    if (names.length === 0) {
      this.missingNodes = undefined;
      return;
    }
    const shown = nameList(names, 5);
    this.missingNodes = {
      ...makeProblem(
        'nodes-missing-metrics',
        `${names.length} node(s) have no metrics: ${englishNames(shown)}.`,
        'metrics-server cannot scrape their kubelets, most often a kubelet certificate (x509) error: fix the kubelet serving certificates or run metrics-server with --kubelet-insecure-tls; see `kubectl -n kube-system logs deploy/metrics-server`.',
        nowMs,
        this.missingNodes,
      ),
      detail: names.join(', '),
      params: { n: names.length, names: shown },
    };
  }

  status(nowMs: number, inventorySynced: boolean, resolutionMs: number): ClusterStatus {
    const metrics = this.metricsState(nowMs, resolutionMs);
    const problems = [
      this.inventoryProblem,
      this.churnProblem,
      this.metricsProblem,
      this.staleProblem,
      this.missingNodes,
      this.staleNodesNow(nowMs, resolutionMs),
      this.skew,
      this.malformed,
    ]
      .filter((p): p is Problem => p !== undefined)
      // Informers and poller often fail for the same reason (apiserver down): say it once.
      .filter((p, i, all) => all.findIndex((q) => q.code === p.code) === i);
    return {
      state: this.overall(inventorySynced, metrics, problems),
      inventorySynced,
      metrics,
      lastSampleMs: this.lastSampleMs,
      newestSampleSeenMs: this.lastNewSampleSeenMs,
      serverNowMs: nowMs,
      dataAgeMs: this.lastNewSampleSeenMs === null ? null : nowMs - this.lastNewSampleSeenMs,
      resolutionSeconds: resolutionMs / 1000,
      problems,
    };
  }

  /** Per-node staleness moves with the clock, so it is judged whenever status is read. */
  private staleNodesNow(nowMs: number, resolutionMs: number): Problem | undefined {
    const q = this.noStaleNodes;
    if (q && q.clocks === this.clocks && q.resolutionMs === resolutionMs && nowMs <= q.untilMs) {
      return (this.staleNodes = undefined);
    }
    this.staleNodes = staleNodesProblem(this.clocks, resolutionMs, nowMs, this.staleNodes);
    const untilMs = noNodeStaleUntil(this.clocks, resolutionMs);
    this.noStaleNodes =
      nowMs <= untilMs ? { clocks: this.clocks, resolutionMs, untilMs } : undefined;
    return this.staleNodes;
  }

  private metricsState(nowMs: number, resolutionMs: number): MetricsState {
    const seen = this.lastNewSampleSeenMs;
    const stale = seen !== null && nowMs - seen > 2 * resolutionMs + 1000;
    this.staleProblem = stale
      ? {
          ...makeProblem(
            'metrics-stale',
            // No number of seconds here: the text is sent once, the age on screen keeps counting.
            `Metrics are stale: no new sample for more than two resolutions (${(2 * resolutionMs) / 1000} s).`,
            'metrics-server may be stuck or unable to scrape kubelets; check `kubectl -n kube-system logs deploy/metrics-server`.',
            nowMs,
            this.staleProblem,
          ),
          params: { seconds: (2 * resolutionMs) / 1000 },
        }
      : undefined;
    if (this.metricsProblem && this.metricsProblem.code !== 'metrics-not-ready') return 'failing';
    if (stale) return 'stale';
    return this.lastSampleMs === null ? 'waiting' : 'ok';
  }

  private overall(
    synced: boolean,
    metrics: MetricsState,
    problems: Problem[],
  ): ClusterStatus['state'] {
    const unreachable = problems.some((p) =>
      ['apiserver-unreachable', 'unauthorized', 'inventory-forbidden'].includes(p.code),
    );
    if (unreachable) return 'down';
    if (!synced || (metrics === 'waiting' && problems.length === 0)) return 'starting';
    return problems.length > 0 ? 'degraded' : 'ok';
  }
}
