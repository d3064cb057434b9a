import { parseNodeMetricsList, parsePodMetricsList, toSample } from './parseMetrics.js';
import type { MetricsSample } from './types.js';
import type { Upstream } from './upstream.js';
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
/** When a poll sees no new sample, look again soon rather than a whole period later. */
const RETRY_FRACTION = 0.25;

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
    const started = performance.now();
    let retrySoon = false;
    try {
      const result = await this.fetch();
      const ts = result.sample.timestampMs;
      if (this.lastTimestampMs !== null && ts <= this.lastTimestampMs) {
        this.events.unchanged(this.lastTimestampMs);
        retrySoon = true;
      } else {
        this.detector.observe(ts, windowOf(result.sample));
        this.lastTimestampMs = ts;
        this.events.sample(result);
      }
    } catch (e) {
      this.events.failed(e);
    }
    // Read the resolution only now: the first sample may just have revealed it.
    const next = retrySoon ? Math.max(500, this.resolutionMs * RETRY_FRACTION) : this.resolutionMs;
    this.schedule(Math.max(0, next - (performance.now() - started)));
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

function windowOf(sample: MetricsSample): number | undefined {
  return sample.nodes[0]?.windowMs ?? sample.pods[0]?.windowMs;
}
