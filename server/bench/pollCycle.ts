import type { SimHandle } from './simProcess.js';
import { kubeconfigTargets } from '../src/kube/clusterTargets.js';
import { InventoryWatcher } from '../src/kube/inventoryWatcher.js';
import { DEFAULT_INFORMER_TIMING } from '../src/kube/resourceInformer.js';
import { MetricsParser } from '../src/kube/metricsParser.js';
import { SampleMerger } from '../src/kube/sampleMerger.js';
import type { MetricsSample } from '../src/kube/types.js';
import { Upstream } from '../src/kube/upstream.js';
import { HistoryStore } from '../src/store/history.js';
import { Snapshot } from '../src/store/snapshot.js';
import { rawGet } from './rawFetch.js';
import { varySample } from './varySample.js';
import { median, round, rssMiB } from './stats.js';

const NODES = '/apis/metrics.k8s.io/v1beta1/nodes';
const PODS = '/apis/metrics.k8s.io/v1beta1/pods';

/**
 * One poll cycle as the server runs it (fetch both lists, parse, append to history, build
 * the rows every viewer shares) against the same requests done bare (fetch + JSON.parse).
 */
export async function measurePollCycle(sim: SimHandle, iterations: number) {
  const [target] = kubeconfigTargets(sim.kubeconfigPath, [], false, true);
  const upstream = new Upstream(target!.kubeConfig, target!.server);
  const t0 = performance.now();
  const watcher = new InventoryWatcher(
    upstream,
    {
      changed: () => undefined,
      failed: (e) => console.error('informer failed', e),
      recovered: () => undefined,
    },
    { ...DEFAULT_INFORMER_TIMING, listTimeoutMs: 300_000 },
  );
  watcher.start();
  while (!watcher.synced) await new Promise((r) => setTimeout(r, 20));
  const informerSyncMs = performance.now() - t0;

  const bare: number[] = [];
  const full: number[] = [];
  let bytes = 0;
  const history = new HistoryStore({ retentionMs: 3_600_000, resolutionMs: 15_000 });
  let sample: MetricsSample | null = null;
  const parser = new MetricsParser();
  for (let i = 0; i < iterations; i++) {
    // Alternate the order so neither side always runs on a warmer cache.
    const runs = i % 2 === 0 ? ['bare', 'full'] : ['full', 'bare'];
    for (const which of runs) {
      const start = performance.now();
      if (which === 'bare') {
        const [n, p] = await Promise.all([
          rawGet(sim.url + NODES, sim.token, sim.caPem),
          rawGet(sim.url + PODS, sim.token, sim.caPem),
        ]);
        bytes = n.bytes + p.bytes;
        bare.push(performance.now() - start);
      } else {
        // As the server does it: bodies fetched here, parsed in the worker thread.
        const [n, p] = await Promise.all([
          upstream.getWire(NODES, { timeoutMs: 60_000 }).then((r) => parser.nodes(r, NODES)),
          upstream.getWire(PODS, { timeoutMs: 60_000 }).then((r) => parser.pods(r, PODS)),
        ]);
        // A fresh merger each time, so every item counts as advanced (the steady-state cost).
        sample = new SampleMerger().merge(n.items, p.items, Date.now()).sample!;
        // Successive samples of one tick share a timestamp; shift it so each is stored.
        sample = { ...sample, timestampMs: sample.timestampMs + i * 15_000 };
        history.append(sample, watcher.inventory);
        const snap = new Snapshot(watcher.inventory, sample, Date.now());
        snap.nodes();
        snap.namespaces();
        snap.topPods({ sort: 'cpu', limit: 10 });
        snap.topPods({ sort: 'memory', limit: 10 });
        full.push(performance.now() - start);
      }
    }
  }
  watcher.stop();
  await parser.close();
  return {
    informerSyncMs: round(informerSyncMs, 0),
    responseBytes: bytes,
    bareFetchParseMedianMs: round(median(bare)),
    pollCycleMedianMs: round(median(full)),
    ratioToBare: round(median(full) / median(bare)),
    rssAfterCycleMiB: rssMiB(),
    lastSample: sample,
    history,
    inventory: watcher.inventory,
    /** The cluster as the server names it: what its saved history must say to be restored. */
    target: { name: target!.name, server: target!.server },
  };
}

/**
 * Fills an empty store's full retention window (1 h at 15 s = 240 samples) and reports its size. Each
 * tick varies the last sample's values (CPU jitters, some memory moves, see `varySample.ts`):
 * the history packs unchanged values into a byte, so repeating one sample would flatter it.
 */
export function fillRetention(history: HistoryStore, sample: MetricsSample, endMs: number) {
  const slots = Math.ceil(history.retentionMs / history.resolutionMs);
  const start = performance.now();
  // The hour ends at `endMs`, so a server that restores it goes on with its own polls.
  let ts = endMs - slots * history.resolutionMs;
  for (let i = 0; i < slots; i++) {
    ts += history.resolutionMs;
    history.append(varySample(sample, ts, i));
  }
  const appendMedianMs = (performance.now() - start) / slots;
  const stats = history.stats();
  const values = stats.series * 2 * stats.slots;
  return {
    series: stats.series,
    slots: stats.slots,
    historyBytes: stats.bytes,
    bytesPerStoredValue: round(stats.bytes / values, 2),
    bytesPerSeriesSample: round(stats.bytes / (stats.series * stats.slots), 2),
    appendMeanMs: round(appendMedianMs),
    rssAfterRetentionMiB: rssMiB(),
  };
}
