import { parseNodeMetricsList, parsePodMetricsList, toSample } from './parseMetrics.js';
import type { MetricsSample } from './types.js';
import { UpstreamError, type Upstream } from './upstream.js';
import { PollPhase } from './pollPhase.js';
import { ResolutionDetector } from './resolution.js';

export interface PollResult {
  sample: MetricsSample;
  /** Time spent fetching (network + read) and parsing, for the benchmark and /metrics. */
  fetchMs: number;
  parseMs: number;
  bytes: number;
}

export interface PollerEvents {
  /** A sample with a newer timestamp than the last one. */
  sample(result: PollResult): void;
  /** The upstream answered, but its newest timestamp has not advanced. */
  unchanged(timestampMs: number | null): void;
  failed(error: unknown): void;
}

export interface PollerOptions {
  /** Fixed resolution (`--resolution`); detected from the samples when absent. */
  resolutionMs?: number;
  /** Per-request timeout; default scales with the resolution. */
  timeoutMs?: number;
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
  private lastTimestampMs: number | null = null;
  private readonly detector: ResolutionDetector;
  private readonly phase = new PollPhase();
  private failures = 0;
  private unchangedPolls = 0;

  constructor(
    private readonly upstream: Upstream,
    private readonly options: PollerOptions,
    private readonly events: PollerEvents,
  ) {
    this.detector = new ResolutionDetector(
      options.resolutionMs ?? DEFAULT_RESOLUTION_MS,
      options.resolutionMs !== undefined,
    );
  }

  get resolutionMs(): number {
    return this.detector.resolutionMs;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
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
      const result = await this.fetch();
      const ts = result.sample.timestampMs;
      if (this.lastTimestampMs !== null && ts <= this.lastTimestampMs) {
        this.events.unchanged(this.lastTimestampMs);
        this.unchangedPolls += 1;
        retrySoon = true;
      } else {
        this.detector.observe(ts, windowOf(result.sample));
        this.phase.observe(ts, Date.now());
        this.lastTimestampMs = ts;
        this.unchangedPolls = 0;
        this.events.sample(result);
      }
      this.failures = 0;
    } catch (e) {
      // A request cut by stop() is not a failure of the cluster.
      if (!this.running) return;
      failure = e;
      this.failures += 1;
      this.events.failed(e);
    }
    // Read the resolution only now: the first sample may just have revealed it.
    const res = this.resolutionMs;
    const now = Date.now();
    if (failure !== undefined) this.schedule(failureBackoff(res, this.failures, failure));
    else if (retrySoon) this.schedule(PollPhase.retryDelay(res, this.unchangedPolls));
    else if (this.lastTimestampMs === null) this.schedule(Math.max(0, res - (now - started)));
    else this.schedule(this.phase.nextDelay(this.lastTimestampMs, res, now));
  }

  private async fetch(): Promise<PollResult> {
    const t0 = performance.now();
    const timeoutMs = this.timeoutMs();
    const [nodes, pods] = await Promise.all([
      this.upstream.getJson('/apis/metrics.k8s.io/v1beta1/nodes', { timeoutMs }),
      this.upstream.getJson('/apis/metrics.k8s.io/v1beta1/pods', { timeoutMs }),
    ]);
    const t1 = performance.now();
    const sample = toSample(parseNodeMetricsList(nodes.body), parsePodMetricsList(pods.body));
    const t2 = performance.now();
    if (!sample) {
      // metrics-server answers empty lists until its first two scrapes are done.
      throw new NoSamplesYet();
    }
    return { sample, fetchMs: t1 - t0, parseMs: t2 - t1, bytes: nodes.bytes + pods.bytes };
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
 * A failing upstream is retried after one resolution, then less and less often (up to
 * 30 s, or one resolution if that is longer), and never before a 429's Retry-After.
 */
function failureBackoff(resolutionMs: number, failures: number, error: unknown): number {
  const cap = Math.max(resolutionMs, 30_000);
  const backoff = Math.min(cap, resolutionMs * 2 ** Math.min(10, failures - 1));
  const retryAfter = error instanceof UpstreamError ? (error.retryAfterSeconds ?? 0) * 1000 : 0;
  return Math.max(backoff, retryAfter);
}

function windowOf(sample: MetricsSample): number | undefined {
  return sample.nodes[0]?.windowMs ?? sample.pods[0]?.windowMs;
}
