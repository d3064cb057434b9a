import { describe, expect, it } from 'vitest';
import { createSimCluster } from './cluster.js';
import { TEST_NOW, testOptions } from './testing.js';

/** CPU time in ms (less sensitive than wall time to other processes on a busy machine). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function measure<T>(label: string, run: () => T): { value: T; wallMs: number } {
  const wall = performance.now();
  const cpu = cpuMs();
  const value = run();
  const wallMs = performance.now() - wall;
  console.log(`${label}: ${wallMs.toFixed(0)} ms wall, ${(cpuMs() - cpu).toFixed(0)} ms cpu`);
  return { value, wallMs };
}

describe('scale', () => {
  it('generates 5000 nodes / 150000 pods and scrapes them in reasonable time', () => {
    const options = testOptions({
      nodes: 5000,
      pods: 150_000,
      namespaces: 200,
      churnPerMinute: 600,
    });
    const { value: cluster, wallMs } = measure('generate 5000 nodes / 150000 pods', () =>
      createSimCluster(options, { now: () => TEST_NOW }),
    );
    // Generous bounds: this guards against accidental quadratic behaviour, not for benchmarks.
    expect(wallMs).toBeLessThan(60_000);
    expect(cluster.store.list('pods').length).toBe(150_000);
    expect(cluster.store.list('nodes').length).toBe(5000);
    const perNamespace = new Map<string, number>();
    for (const p of cluster.store.list('pods')) {
      const ns = p.metadata.namespace ?? '';
      perNamespace.set(ns, (perNamespace.get(ns) ?? 0) + 1);
    }
    perNamespace.delete('kube-system');
    expect(Math.max(...perNamespace.values())).toBeGreaterThan(3000);

    const tick = Math.floor(TEST_NOW / options.resolutionMs);
    const first = measure('sampleAt (first scrape)', () => cluster.metrics.sampleAt(tick));
    const second = measure('sampleAt (next scrape)', () => cluster.metrics.sampleAt(tick + 1));
    measure('sampleAt (cached)', () => cluster.metrics.sampleAt(tick + 1));
    expect(first.value.pods.length).toBeGreaterThan(140_000);
    expect(second.wallMs).toBeLessThan(20_000);

    let clock = TEST_NOW;
    measure('60 churn steps (1 min at 600/min)', () => {
      for (let i = 0; i < 60; i++) cluster.churnStep((clock += 1000));
    });
    expect(Math.abs(cluster.store.list('pods').length - 150_000)).toBeLessThan(1000);
  }, 180_000);
});
