import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '@kubeglance/sim/index';
import { kubeconfigTargets } from '../src/kube/clusterTargets.js';
import { ClusterPipeline } from '../src/pipeline/clusterPipeline.js';
import { eventually, simGet, type Sim } from './harness.js';

/**
 * `watch-gone` held for minutes: every watch ends at once with 410 Expired. The informers'
 * own back-off must keep relists to a few a minute, raise `watch-churn`, and clear it once
 * watches hold again. Time is scaled by 1/10 (back-off 0.1 s → 3 s instead of 1 s → 30 s,
 * churn window 12 s instead of 2 min): the logic only compares durations to these settings,
 * so one scaled "minute" is 6 s and the 42 s run stands for 7 minutes.
 */
const SCALE = 0.1;
const MINUTE = 60_000 * SCALE;
let sim: Sim;
let pipeline: ClusterPipeline;

const churn = () => pipeline.status().problems.find((p) => p.code === 'watch-churn');

beforeAll(async () => {
  sim = await startSim({ name: 'churn', nodes: 3, pods: 30, port: 0, resolutionMs: 1000 });
  const [target] = kubeconfigTargets(sim.kubeconfigPath, [], false, true);
  pipeline = new ClusterPipeline(target!, {
    resolutionMs: 1000,
    retentionMs: 600_000,
    log: { info: () => undefined, warn: () => undefined },
    informerTiming: {
      backoffBaseMs: 1000 * SCALE,
      backoffCapMs: 30_000 * SCALE,
      healthyAfterMs: 60_000 * SCALE,
      churnWindowMs: 120_000 * SCALE,
    },
  });
  pipeline.start();
  await eventually(async () => pipeline.synced, 20_000, 'inventory sync');
});
afterAll(async () => {
  pipeline?.stop();
  await sim?.stop();
});

describe('watch-gone held for (scaled) minutes', () => {
  it('relists a few times a minute, raises watch-churn, clears it when calm', async () => {
    await simGet(sim, '/_sim/requests?clear=1');
    sim.faults.set('watch-gone');
    const perMinute: number[] = [];
    const all: number[] = [];
    let last = pipeline.relists;
    for (let m = 0; m < 7; m++) {
      await new Promise((r) => setTimeout(r, MINUTE));
      const now = pipeline.relists;
      perMinute.push(now.pods - last.pods);
      all.push(now.pods + now.nodes + now.namespaces - last.pods - last.nodes - last.namespaces);
      last = now;
    }
    const raised = churn();
    sim.faults.clear('watch-gone');
    const { items } = await simGet<{ items: { path: string; query: string }[] }>(
      sim,
      '/_sim/requests',
    );
    const podLists = items.filter((r) => r.path === '/api/v1/pods' && !r.query.includes('watch'));
    console.log(`pod relists per (scaled) minute under watch-gone: ${perMinute.join(', ')}`);
    console.log(`all three kinds: ${all.join(', ')}`);

    // The first minute holds the back-off's ramp (0.5, 1, 2, 4 ... ×SCALE s); after it, the
    // cap's upper-half jitter allows at most 60/15 = 4 relists a minute.
    expect(perMinute[0]).toBeLessThanOrEqual(8);
    for (const n of perMinute.slice(1)) expect(n).toBeLessThanOrEqual(4);
    expect(perMinute.slice(1).every((n) => n >= 1)).toBe(true);
    // Each relist is one pod list (30 pods: one page), none behind the informer's back.
    expect(podLists.length).toBeLessThanOrEqual(perMinute.reduce((a, b) => a + b, 0) + 1);
    expect(raised?.message).toMatch(/relists of .*pods/);

    // Calm again: the next watch holds, no more relists, the problem goes away.
    const clearedAt = Date.now();
    await eventually(async () => churn() === undefined, 3 * 120_000 * SCALE, 'watch-churn cleared');
    expect(Date.now() - clearedAt).toBeLessThanOrEqual((120_000 + 30_000) * SCALE + 2000);
    const after = pipeline.relists;
    await new Promise((r) => setTimeout(r, MINUTE));
    expect(pipeline.relists).toEqual(after);
  }, 120_000);
});
