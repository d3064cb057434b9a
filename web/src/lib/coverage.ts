/**
 * Points of a cluster series that sum fewer nodes than the cluster has: drawn and named as
 * partial, so a node that stopped reporting is never read as a drop in usage.
 */
import type { CoveragePoint, Point } from '@kubeglance/shared/api';

function isPartial(c: CoveragePoint | undefined): boolean {
  return c != null && c[1] != null && c[2] != null && c[1] < c[2];
}

/** The series' value at the partial points, null elsewhere (same grid as `coverage`). */
export function partialPoints(
  points: readonly Point[],
  coverage: readonly CoveragePoint[],
): Point[] {
  const byTime = new Map(coverage.map((c) => [c[0], c]));
  return points.map(([t, v]) => [t, isPartial(byTime.get(t)) ? v : null]);
}

/** How many points are partial, and the fewest nodes any of them covered. */
export function partialCount(coverage: readonly CoveragePoint[]) {
  let count = 0;
  let fewest: CoveragePoint | null = null;
  for (const c of coverage) {
    if (!isPartial(c)) continue;
    count++;
    if (!fewest || c[1]! < fewest[1]!) fewest = c;
  }
  return { count, fewest };
}
