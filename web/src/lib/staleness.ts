/**
 * How old the data on screen is, and when it stops being trustworthy. Metrics
 * arrive once per resolution; two missed resolutions mean the pipeline or the
 * connection is broken, whatever the last numbers say.
 */

/** metrics-server's historical default; used while the server has not told us yet. */
export const FALLBACK_RESOLUTION_SECONDS = 60;

export function dataAgeMs(lastSampleMs: number | null, nowMs: number): number | null {
  if (lastSampleMs == null) return null;
  // Clocks of browser and cluster disagree a little; never show a negative age.
  return Math.max(0, nowMs - lastSampleMs);
}

export function staleAfterMs(resolutionSeconds: number | null): number {
  const res =
    resolutionSeconds != null && resolutionSeconds > 0
      ? resolutionSeconds
      : FALLBACK_RESOLUTION_SECONDS;
  return 2 * res * 1000;
}

/** No sample yet is "waiting", not stale: there is nothing old on screen. */
export function isStale(
  lastSampleMs: number | null,
  resolutionSeconds: number | null,
  nowMs: number,
): boolean {
  const age = dataAgeMs(lastSampleMs, nowMs);
  return age != null && age > staleAfterMs(resolutionSeconds);
}
