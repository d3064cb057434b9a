import type { DiagnosticsReport } from '@kubeglance/shared/api';
import type { Upstream } from '../kube/upstream.js';
import { gatherFacts, type PipelineFacts } from './facts.js';
import { buildReport } from './report.js';

export interface RunnerOptions {
  /** Scheduled runs (default 60 s). */
  intervalMs?: number;
  /** On-demand runs closer together than this reuse the last report (default 5 s). */
  minGapMs?: number;
  now?: () => number;
  onReport?: (report: DiagnosticsReport) => void;
  onError?: (err: unknown) => void;
}

/**
 * Runs the chain checks for one cluster on a schedule, when the pipeline's health changes,
 * and on demand (rate-limited). Runs never overlap: a request during a run waits for it.
 */
export class DiagnosticsRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DiagnosticsReport> | undefined;
  private rerun = false;
  private latestReport: DiagnosticsReport | null = null;
  /** How long the last run took (for /metrics). */
  lastRunMs: number | null = null;
  private readonly now: () => number;

  constructor(
    private readonly cluster: string,
    private readonly upstream: Upstream,
    private readonly facts: () => PipelineFacts,
    private readonly options: RunnerOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  get latest(): DiagnosticsReport | null {
    return this.latestReport;
  }

  start(): void {
    this.stop();
    const every = this.options.intervalMs ?? 60_000;
    this.timer = setInterval(() => void this.run().catch(() => undefined), every);
    this.timer.unref();
    void this.run().catch(() => undefined);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Run now (or join the run in progress; one more follows it so it sees the latest state). */
  run(): Promise<DiagnosticsReport> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.execute().finally(() => {
      this.running = undefined;
      if (this.rerun && this.timer !== undefined) {
        this.rerun = false;
        void this.run().catch(() => undefined);
      }
    });
    return this.running;
  }

  /** `?refresh=1`: a fresh run unless the last one is younger than `minGapMs`. */
  async refresh(): Promise<DiagnosticsReport> {
    const last = this.latestReport;
    if (last && this.now() - last.checkedAtMs < (this.options.minGapMs ?? 5_000)) return last;
    return this.run();
  }

  /** The latest report, running the first one when there is none yet. */
  async report(): Promise<DiagnosticsReport> {
    return this.latestReport ?? this.run();
  }

  private async execute(): Promise<DiagnosticsReport> {
    try {
      const facts = await gatherFacts(this.upstream, this.facts(), this.now());
      const report = buildReport(this.cluster, facts);
      this.lastRunMs = this.now() - facts.nowMs;
      this.latestReport = report;
      this.options.onReport?.(report);
      return report;
    } catch (err) {
      this.options.onError?.(err);
      throw err;
    }
  }
}
