/**
 * Writes the simulator's past as an OpenMetrics file for
 * `promtool tsdb create-blocks-from openmetrics FILE DIR` (see sim/README.md).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { kubeletCountersOf } from './http/kubeletMetrics.js';
import { openMetricsBackfill, scrapeConfigLabels } from './model/backfill.js';
import { podFactsOf } from './model/cadvisorMetrics.js';
import type { SimCluster } from './model/types.js';

export interface BackfillFileOptions {
  /** How far back from now. */
  durationMs: number;
  /** Time between written samples. */
  stepMs: number;
  /** `job` label of the scrape config the samples must continue (default `kubelet`). */
  job?: string;
  /** "Now" (unix ms; default the clock). */
  nowMs?: number;
  /** Leaves a node's samples out at some times (an unreachable kubelet in the past). */
  skip?: (node: string, timeMs: number) => boolean;
  /** Which kubelet page to write (default `resource`; `cadvisor` for the fallback). */
  page?: 'resource' | 'cadvisor';
  /** Also kube-state-metrics' requests/limits, with `job="kube-state-metrics"`. */
  kubeStateMetrics?: boolean;
}

/**
 * Writes `durationMs` of kubelet resource samples ending at the last completed resolution
 * period, through the cluster's live kubelet counters: call it before anything scrapes the
 * simulator, so live scrapes continue exactly where the file ends. Resolves with the time
 * range written.
 */
export async function writeBackfillFile(
  cluster: SimCluster,
  path: string,
  options: BackfillFileOptions,
): Promise<{ fromMs: number; toMs: number }> {
  const { resolutionMs } = cluster.metrics;
  const toMs = (Math.floor((options.nowMs ?? Date.now()) / resolutionMs) - 1) * resolutionMs;
  const fromMs = toMs - options.durationMs;
  const out = createWriteStream(path);
  const chunks = openMetricsBackfill(kubeletCountersOf(cluster), resolutionMs, {
    fromMs,
    toMs,
    stepMs: options.stepMs,
    targetLabels: scrapeConfigLabels(options.job, `/metrics/${options.page ?? 'resource'}`),
    skip: options.skip,
    cadvisor:
      options.page === 'cadvisor'
        ? {
            facts: podFactsOf(cluster.store),
            nodeIndex: new Map(cluster.store.list('nodes').map((n, i) => [n.metadata.name, i])),
          }
        : undefined,
    kubeStateMetrics: options.kubeStateMetrics
      ? {
          store: cluster.store,
          targetLabels: { instance: 'kube-state-metrics', job: 'kube-state-metrics' },
        }
      : undefined,
  });
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { fromMs, toMs };
}
