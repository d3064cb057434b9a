import type { Phrase, Problem } from '@kubeglance/shared/api';
import { englishNames, nameList } from '@kubeglance/shared/phrase';
import { formatAge } from '@kubeglance/shared/humanFormat';
import type { DroppedItem } from './parseMetrics.js';
import { makeProblem } from './problems.js';
import type { NodeClock } from './sampleMerger.js';

/**
 * Problems about the metrics data itself (the API answers, but some of what it says is off):
 * malformed or duplicated items, node clocks far from ours, nodes whose metrics stopped
 * advancing while others advance. None of them stops the pipeline; each names examples.
 */

/** A node stamped this far in our future has a clock ahead (data cannot come from the future). */
export const AHEAD_TOLERANCE_MS = 30_000;
/** Fresh data older than two resolutions plus this much means the node's clock is behind. */
export const BEHIND_SLACK_MS = 60_000;

function examples(names: readonly string[], max = 3): string {
  return englishNames(nameList(names, max));
}

/** `malformed-metrics`: items dropped and duplicates collapsed in the last poll. */
export function malformedProblem(
  dropped: readonly DroppedItem[],
  duplicates: number,
  nowMs: number,
  previous: Problem | undefined,
): Problem | undefined {
  if (dropped.length === 0 && duplicates === 0) return undefined;
  const parts: string[] = [];
  if (dropped.length > 0) {
    const named = dropped.map((d) => `${d.what} (${d.reason})`);
    parts.push(`${dropped.length} unusable item(s) left out: ${examples(named)}`);
  }
  if (duplicates > 0) parts.push(`${duplicates} duplicate item(s) counted once`);
  const problem: Problem = {
    ...makeProblem(
      'malformed-metrics',
      `The metrics API sent items kubeglance could not use: ${parts.join('; ')}.`,
      'The rest of the data is shown. Pods with no usable containers are usually being created or restarting; if it persists, check `kubectl -n kube-system logs deploy/metrics-server`.',
      nowMs,
      previous,
    ),
    params: { dropped: dropped.length, duplicates },
  };
  if (dropped.length > 0) {
    problem.details = dropped.map(droppedLine);
    problem.detail = problem.details.map((l) => l.text).join('\n');
  }
  return problem;
}

/** `pod a/b: null timestamp`, as a phrase: the item's kind and name, the reason's code. */
function droppedLine(d: DroppedItem): Phrase {
  const params = {
    kind: d.kind,
    name: d.name,
    ...(d.value === undefined ? {} : { value: d.value }),
  };
  return { code: `malformed-metrics.${d.code}`, params, text: `${d.what}: ${d.reason}` };
}

/** Whole seconds, or whole minutes from ten minutes on: `3597 s` ahead reads `60m`. */
function skewText(ms: number): string {
  const unit = Math.abs(ms) >= 600_000 ? 60_000 : 1000;
  return formatAge(Math.round(Math.abs(ms) / unit) * unit);
}

function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/**
 * `clock-skew`: node clocks far from the others', or (when most disagree with ours) from
 * kubeglance's. A node's offset is its timestamp minus our clock when it arrived, which also
 * holds the normal data age; measuring against the median offset of all nodes takes that out.
 */
export function skewProblem(
  clocks: readonly NodeClock[],
  resolutionMs: number,
  nowMs: number,
  previous: Problem | undefined,
): Problem | undefined {
  if (clocks.length === 0) return undefined;
  const behindMs = 2 * resolutionMs + BEHIND_SLACK_MS;
  const off = (d: number) => d > AHEAD_TOLERANCE_MS || d < -behindMs;
  const direction = (d: number) => `${skewText(d)} ${d > 0 ? 'ahead' : 'behind'}`;
  const baseline = lowerMedian(clocks.map((c) => c.offsetMs));
  const reference = off(baseline) ? 0 : baseline;
  const skewed = clocks.filter((c) => off(c.offsetMs - reference));
  if (skewed.length === 0) return undefined;
  const describe = (c: NodeClock) => `${c.name} ${direction(c.offsetMs - reference)}`;
  const message =
    reference === 0 && off(baseline) && clocks.length > 1
      ? `Most node clocks are about ${direction(baseline)} of kubeglance's (${examples(skewed.map(describe))}): kubeglance's own clock is probably off.`
      : `${skewed.length} node clock(s) differ from the others': ${examples(skewed.map(describe))}.`;
  return {
    ...makeProblem(
      'clock-skew',
      message,
      'Metrics are still shown and judged by when they arrive, but their timestamps are off. Check time sync (chrony/NTP, `timedatectl`) on the named nodes and on the host running kubeglance.',
      nowMs,
      previous,
    ),
    detail: skewed.map(describe).join('\n'),
    params: {
      n: skewed.length,
      names: nameList(
        skewed.map((c) => c.name),
        3,
      ),
    },
  };
}

/**
 * The last time at which none of `clocks` counts as stale for {@link staleNodesProblem}
 * (until then it has nothing to say, whatever the time): lets status reads skip the scan.
 */
export function noNodeStaleUntil(clocks: readonly NodeClock[], resolutionMs: number): number {
  let oldest = Infinity;
  for (const c of clocks) if (c.advancedAtMs < oldest) oldest = c.advancedAtMs;
  return oldest + staleAfterMs(resolutionMs);
}

/** A node whose timestamp has not advanced for longer than this is stale. */
function staleAfterMs(resolutionMs: number): number {
  return 2 * resolutionMs + 1000;
}

/**
 * `nodes-stale-metrics`: nodes whose timestamps have not advanced for more than two resolutions
 * while at least one other node's did (when none did, the whole cluster is `metrics-stale`).
 */
export function staleNodesProblem(
  clocks: readonly NodeClock[],
  resolutionMs: number,
  nowMs: number,
  previous: Problem | undefined,
): Problem | undefined {
  const limit = staleAfterMs(resolutionMs);
  const stale = clocks.filter((c) => nowMs - c.advancedAtMs > limit);
  if (stale.length === 0 || stale.length === clocks.length) return undefined;
  const names = stale.map((c) => c.name).sort();
  const oldest = Math.max(...stale.map((c) => nowMs - c.advancedAtMs));
  return {
    ...makeProblem(
      'nodes-stale-metrics',
      `${stale.length} node(s) have had no new metrics for up to ${formatAge(oldest)}: ${examples(names, 5)}.`,
      'Their last values are still shown, marked with their age. metrics-server may be failing to scrape these kubelets; see `kubectl -n kube-system logs deploy/metrics-server`.',
      nowMs,
      previous,
    ),
    detail: names.join(', '),
    params: { n: stale.length, names: nameList(names, 5), ageMs: oldest },
  };
}
