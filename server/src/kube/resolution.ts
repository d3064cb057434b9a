/**
 * Works out the metrics resolution (how often metrics-server scrapes): its manifests use
 * `--metric-resolution=15s`, its binary defaults to 60s. Each item's `window` is the span
 * between the two scrapes its rate was computed from, i.e. about one resolution, so the
 * median of recent windows is the estimate. Gaps between successive timestamps are only
 * a fallback (no usable window): they are multiples of the resolution whenever a poll was
 * missed, so they can only be trusted at their smallest.
 */
export class ResolutionDetector {
  private lastTimestampMs: number | null = null;
  private readonly windows: number[] = [];
  private readonly gaps: number[] = [];
  private current: number;

  constructor(
    initialMs: number,
    private readonly fixed: boolean,
  ) {
    this.current = initialMs;
  }

  get resolutionMs(): number {
    return this.current;
  }

  observe(timestampMs: number, windowMs: number | undefined): void {
    if (this.fixed) return;
    const previous = this.lastTimestampMs;
    this.lastTimestampMs = timestampMs;
    if (windowMs !== undefined && Number.isFinite(windowMs) && windowMs > 0) {
      this.current = clampToSeconds(median(remember(this.windows, windowMs)));
    } else if (previous !== null && timestampMs > previous) {
      this.current = clampToSeconds(Math.min(...remember(this.gaps, timestampMs - previous)));
    }
  }
}

function remember(values: number[], value: number): number[] {
  values.push(value);
  if (values.length > 5) values.shift();
  return values;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const MIN_MS = 1_000;
const MAX_MS = 300_000;

function clampToSeconds(ms: number): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.round(ms / 1000) * 1000));
}
