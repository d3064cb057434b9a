import type { DiagnosticCheck, DiagnosticsReport } from '@kubeglance/shared/api';
import type { Upstream } from '../kube/upstream.js';
import { gatherFacts, type PipelineFacts } from './facts.js';
import { withPrometheusCheck } from './checks/prometheus.js';
import { buildReport } from './report.js';

/** When the diagnostics run on their own, and how close on-demand runs may be. */
export interface DiagnosticsTiming {
  /** Scheduled runs while every link works (default 60 s). */
  intervalMs?: number;
  /**
   * Scheduled runs while something is wrong (default 10 s): one failure can turn into another
   * without the pipeline's health changing (both answer 503), and the report must follow.
   */
  troubledIntervalMs?: number;
  /** On-demand runs closer together than this reuse the last report (default 5 s). */
  minGapMs?: number;
}

export interface RunnerOptions extends DiagnosticsTiming {
  now?: () => number;
  onReport?: (report: DiagnosticsReport) => void;
  onError?: (err: unknown) => void;
  /** With `--prometheus`: the Prometheus check, appended after the chain. */
  prometheusCheck?: (nowMs: number) => Promise<DiagnosticCheck>;
}

/**
 * Runs the chain checks for one cluster on a schedule, when the pipeline's health changes,
 * and on demand (rate-limited). A change of health starts a new run at once, even while one
 * is in flight (whose facts are then outdated): only the newest run's report is kept.
 */
export class DiagnosticsRunner {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  /** A scheduled run is in flight. */
  private ticking = false;
  private latestReport: DiagnosticsReport | null = null;
  /** Generation of the newest run started, and of the report kept. */
  private started = 0;
  private kept = 0;
  private readonly now: () => number;
  /** How long the last run took (for /metrics). */
  lastRunMs: number | null = null;

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
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One scheduled run (skipped while the previous scheduled one is still in flight). */
  private tick(): void {
    this.timer = undefined;
    if (this.ticking) return;
    this.ticking = true;
    void this.run()
      .catch(() => undefined)
      .finally(() => {
        this.ticking = false;
        this.schedule();
      });
  }

  /**
   * The next scheduled run, one interval after the newest report, whichever run made it: a
   * fault that a health-change run found must shorten the wait at once, or the next scheduled
   * run stays a healthy interval (60 s) away and a second fault that does not change the
   * health (both answer 503) goes unnamed for that long.
   */
  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    const troubled = this.latestReport?.status !== 'ok';
    const every = troubled
      ? (this.options.troubledIntervalMs ?? 10_000)
      : (this.options.intervalMs ?? 60_000);
    this.timer = setTimeout(() => this.tick(), every);
    this.timer.unref();
  }

  /** Start a run now; resolves with its report (kept only if no newer run finished first). */
  run(): Promise<DiagnosticsReport> {
    return this.execute(++this.started);
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

  private async execute(generation: number): Promise<DiagnosticsReport> {
    try {
      const promCheck = this.options.prometheusCheck?.(this.now());
      const facts = await gatherFacts(this.upstream, this.facts(), this.now());
      const chain = buildReport(this.cluster, facts);
      const report = promCheck ? withPrometheusCheck(chain, await promCheck) : chain;
      this.lastRunMs = this.now() - facts.nowMs;
      if (generation > this.kept) {
        this.kept = generation;
        this.latestReport = report;
        if (!this.ticking) this.schedule();
        this.options.onReport?.(report);
      }
      return report;
    } catch (err) {
      this.options.onError?.(err);
      throw err;
    }
  }
}
