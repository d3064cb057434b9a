/**
 * Works out the metrics resolution (how often metrics-server scrapes): the metrics-server
 * manifests use `--metric-resolution=15s`, its binary defaults to 60s. The first guess is
 * the sample's `window` (≈ the resolution); it is then refined from the gaps between
 * successive new timestamps, taking the smallest recent gap, since a missed poll can only
 * make a gap longer, never shorter.
 */
export class ResolutionDetector {
  private lastTimestampMs: number | null = null;
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
    if (this.lastTimestampMs === null) {
      if (windowMs !== undefined && Number.isFinite(windowMs)) {
        this.current = clampToSeconds(windowMs);
      }
    } else {
      const gap = timestampMs - this.lastTimestampMs;
      if (gap > 0) {
        this.gaps.push(gap);
        if (this.gaps.length > 5) this.gaps.shift();
        this.current = clampToSeconds(Math.min(...this.gaps));
      }
    }
    this.lastTimestampMs = timestampMs;
  }
}

const MIN_MS = 1_000;
const MAX_MS = 300_000;

function clampToSeconds(ms: number): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, Math.round(ms / 1000) * 1000));
}
