import type { MetricsParser } from './metricsParser.js';
import {
  parseNodeMetricsList,
  parsePodMetricsList,
  type DroppedItem,
  type ParsedList,
} from './parseMetrics.js';
import { SampleMerger, type NodeClock } from './sampleMerger.js';
import type { MetricsSample, NodeUsage, PodUsage } from './types.js';
import {
  METRICS_API_VERSIONS,
  MetricsApiVersion,
  type MetricsApiVersionName,
} from './metricsApiVersion.js';
import { UpstreamError, type Upstream } from './upstream.js';
import { PollPhase } from './pollPhase.js';
import { ResolutionDetector } from './resolution.js';

/** What a successful poll learned about the data's quality, new sample or not. */
export interface PollReport {
  /** Items left out of this response (malformed). */
  dropped: DroppedItem[];
  /** Repeated items in this response, collapsed. */
  duplicates: number;
  /** Clock facts of every node held, for per-node staleness and skew. */
  clocks: NodeClock[];
}

export interface PollResult extends PollReport {
  sample: MetricsSample;
  /** Time spent fetching (network + read) and parsing, for the benchmark and /metrics. */
  fetchMs: number;
  parseMs: number;
  bytes: number;
}

export interface PollerEvents {
  /** A sample in which at least one item advanced. */
  sample(result: PollResult): void;
  /** The upstream answered, but no item advanced. */
  unchanged(report: PollReport): void;
  failed(error: unknown): void;
}

export interface PollerOptions {
  /** Fixed resolution (`--resolution`); detected from the samples when absent. */
  resolutionMs?: number;
  /** Per-request timeout; default scales with the resolution. */
  timeoutMs?: number;
  /**
   * Parses the lists off the main thread (production); without it they are parsed inline from
   * `Upstream.getJson` (unit tests with a scripted upstream).
   */
  parser?: MetricsParser;
}

const DEFAULT_RESOLUTION_MS = 15_000;

/**
 * Reads metrics.k8s.io once per resolution for all viewers: exactly one NodeMetricsList and
 * one PodMetricsList request per poll, never overlapping (the next poll is scheduled only
 * after the previous one settled), each bounded by a timeout.
 */
export class MetricsPoller {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** stop() was called: requests it cut short are not reported as failures. */
  private stopped = false;
  private lastTimestampMs: number | null = null;
  private readonly merger = new SampleMerger();
  private readonly version: MetricsApiVersion;
  private readonly detector: ResolutionDetector;
  private readonly phase = new PollPhase();
  private failures = 0;
  private unchangedPolls = 0;

  constructor(
    private readonly upstream: Upstream,
    private readonly options: PollerOptions,
    private readonly events: PollerEvents,
  ) {
    this.version = new MetricsApiVersion(upstream);
    this.detector = new ResolutionDetector(
      options.resolutionMs ?? DEFAULT_RESOLUTION_MS,
      options.resolutionMs !== undefined,
    );
  }

  get resolutionMs(): number {
    return this.detector.resolutionMs;
  }

  /** The metrics.k8s.io version the polls read (last discovered; v1beta1 before any). */
  get apiVersion(): MetricsApiVersionName {
    return this.version.last ?? METRICS_API_VERSIONS[0];
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.pollNow(), delayMs);
  }

  private timeoutMs(): number {
    return this.options.timeoutMs ?? Math.min(30_000, Math.max(5_000, this.resolutionMs * 0.8));
  }

  /** One poll, then the next one is scheduled; public so tests can drive it. */
  async pollNow(): Promise<void> {
    const started = Date.now();
    let retrySoon = false;
    let failure: unknown;
    try {
      const fetched = await this.fetch();
      if (fetched.sample === null) {
        this.events.unchanged(fetched);
        this.unchangedPolls += 1;
        retrySoon = true;
      } else {
        const result = fetched as PollResult;
        const ts = result.sample.timestampMs;
        this.detector.observe(ts, windowOf(result.sample));
        this.phase.observe(ts, Date.now());
        this.lastTimestampMs = ts;
        this.unchangedPolls = 0;
        this.events.sample(result);
      }
      this.failures = 0;
    } catch (e) {
      // A request cut by stop() is not a failure of the cluster.
      if (this.stopped) return;
      failure = e;
      this.failures += 1;
      this.events.failed(e);
    }
    // Read the resolution only now: the first sample may just have revealed it.
    const res = this.resolutionMs;
    const now = Date.now();
    if (failure !== undefined)
      this.schedule(Math.max(0, failureBackoff(res, this.failures, failure) - (now - started)));
    else if (retrySoon) this.schedule(PollPhase.retryDelay(res, this.unchangedPolls));
    else if (this.lastTimestampMs === null) this.schedule(Math.max(0, res - (now - started)));
    else this.schedule(this.phase.nextDelay(this.lastTimestampMs, res, now));
  }

  private async fetch(): Promise<Omit<PollResult, 'sample'> & { sample: MetricsSample | null }> {
    const t0 = performance.now();
    const timeoutMs = this.timeoutMs();
    const version = await this.version.get(timeoutMs);
    let nodeList: ParsedList<NodeUsage>, podList: ParsedList<PodUsage>, bytes: number;
    let t1: number;
    try {
      const path = (kind: string) => `/apis/metrics.k8s.io/${version}/${kind}`;
      [nodeList, podList, bytes, t1] = await this.fetchLists(
        path('nodes'),
        path('pods'),
        timeoutMs,
      );
    } catch (e) {
      // The served version may have changed (metrics-server upgraded): ask again next time.
      if (e instanceof UpstreamError) this.version.forget();
      throw e;
    }
    const dropped = [...nodeList.dropped, ...podList.dropped];
    if (nodeList.items.length === 0 && podList.items.length === 0 && dropped.length === 0) {
      // metrics-server answers empty lists until its first two scrapes are done.
      throw new NoSamplesYet();
    }
    // Rebuilding the items from the worker's arrays took this turn; merging takes the next
    // ones, a slice of pods per turn.
    const merged = this.options.parser
      ? await this.merger.mergeInTurns(nodeList.items, podList.items, Date.now(), this.resolutionMs)
      : this.merger.merge(nodeList.items, podList.items, Date.now(), this.resolutionMs);
    const t2 = performance.now();
    return {
      sample: merged.sample,
      dropped,
      duplicates: merged.duplicates,
      clocks: this.merger.nodeClocks(),
      fetchMs: t1 - t0,
      parseMs: t2 - t1,
      bytes,
    };
  }

  /**
   * Both lists, fetched together, parsed inline or by the worker (which also measures the
   * time the fetches ended: parsing starts then, in the worker, while the other list arrives).
   */
  private async fetchLists(
    nodesPath: string,
    podsPath: string,
    timeoutMs: number,
  ): Promise<[ParsedList<NodeUsage>, ParsedList<PodUsage>, number, number]> {
    const parser = this.options.parser;
    if (!parser) {
      const [nodes, pods] = await Promise.all([
        this.upstream.getJson(nodesPath, { timeoutMs }),
        this.upstream.getJson(podsPath, { timeoutMs }),
      ]);
      const t1 = performance.now();
      return [
        parseNodeMetricsList(nodes.body),
        parsePodMetricsList(pods.body),
        nodes.bytes + pods.bytes,
        t1,
      ];
    }
    let fetchedAt = 0;
    const fetched = <T>(r: T): T => ((fetchedAt = performance.now()), r);
    const [nodes, pods] = await Promise.all([
      this.upstream.getWire(nodesPath, { timeoutMs }).then(fetched),
      this.upstream.getWire(podsPath, { timeoutMs }).then(fetched),
    ]);
    const [nodeList, podList] = await Promise.all([
      parser.nodes(nodes, nodesPath),
      parser.pods(pods, podsPath),
    ]);
    return [nodeList, podList, nodes.bytes + pods.bytes, fetchedAt];
  }
}

/** metrics-server is up but has no data yet ("metrics not available yet"). */
export class NoSamplesYet extends Error {
  constructor() {
    super('metrics API returned no samples yet');
    this.name = 'NoSamplesYet';
  }
}

/**
 * A failing upstream is retried once per resolution, counted from the failed poll's start
 * (the load of a healthy one, no more), never before a 429's Retry-After, so data is back
 * within one resolution of the fault clearing (issue "Diagnose a broken metrics pipeline").
 */
function failureBackoff(resolutionMs: number, _failures: number, error: unknown): number {
  const retryAfter = error instanceof UpstreamError ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
  return Math.max(resolutionMs, retryAfter);
}

/**
 * The sample's typical window: the median over its nodes (its pods when it has none). One
 * item's window jitters by a third of the resolution either way (cadvisor's housekeeping
 * lags each scrape differently), so taken from the first node alone the estimate flipped
 * between 13 s and 17 s from poll to poll, and every flip resized the whole history.
 */
export function windowOf(sample: MetricsSample): number | undefined {
  const items: readonly { windowMs: number }[] =
    sample.nodes.length > 0 ? sample.nodes : sample.pods;
  const windows = items.map((i) => i.windowMs).filter((w) => Number.isFinite(w) && w > 0);
  if (windows.length === 0) return undefined;
  windows.sort((a, b) => a - b);
  return windows[Math.floor((windows.length - 1) / 2)];
}
