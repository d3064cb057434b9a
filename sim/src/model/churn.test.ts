import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimCluster } from './cluster.js';
import { TEST_NOW, testCluster, testOptions } from './testing.js';
import type { WatchEvent } from './types.js';

type Json = Record<string, unknown>;

/** Runs `seconds` one-second churn steps and returns the pod events they produced. */
function churnFor(seconds: number, overrides = {}) {
  const { cluster, clock } = testCluster(overrides);
  const events: WatchEvent[] = [];
  cluster.store.subscribe('pods', (e) => events.push(e));
  for (let i = 0; i < seconds; i++) {
    clock.now += 1000;
    cluster.churnStep();
  }
  return { cluster, clock, events };
}

describe('churn', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('creates and deletes about churnPerMinute pods per minute, keeping the count stable', () => {
    const { cluster, events } = churnFor(300, { churnPerMinute: 120 });
    const added = events.filter((e) => e.type === 'ADDED').length;
    const deleted = events.filter((e) => e.type === 'DELETED').length;
    expect(added + deleted).toBeGreaterThan(0.8 * 120 * 5);
    expect(added + deleted).toBeLessThan(1.2 * 120 * 5);
    expect(events.some((e) => e.type === 'MODIFIED')).toBe(true);
    expect(Math.abs(cluster.store.list('pods').length - 400)).toBeLessThanOrEqual(10);
  });

  it('emits events with increasing resourceVersions that eventsSince replays', () => {
    const { cluster, events } = churnFor(60);
    const rvs = events.map((e) => e.resourceVersion);
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(new Set(rvs).size).toBe(rvs.length);
    for (const e of events)
      expect(e.object.metadata.resourceVersion).toBe(String(e.resourceVersion));
    const first = events[0]?.resourceVersion ?? 0;
    const replay = cluster.store.eventsSince('pods', first - 1);
    expect(replay === 'gone' ? replay : replay.map((e) => e.resourceVersion)).toEqual(rvs);
    expect(cluster.store.currentResourceVersion()).toBe(rvs[rvs.length - 1]);
  });

  it('rolls Deployments out with a new ReplicaSet hash, new pods Pending then Running', () => {
    const { cluster, events } = churnFor(120);
    const added = events.filter((e) => e.type === 'ADDED');
    expect(added.length).toBeGreaterThan(0);
    for (const e of added) {
      expect(e.object.status?.phase).toBe('Pending');
      expect(e.object.spec?.nodeName).toBeUndefined();
      expect(Date.parse(e.object.metadata.creationTimestamp)).toBeGreaterThan(TEST_NOW);
    }
    const running = added.filter(
      (e) =>
        cluster.store.get('pods', e.object.metadata.namespace, e.object.metadata.name)?.status
          ?.phase === 'Running',
    );
    expect(running.length).toBeGreaterThan(added.length / 2);
    const rolled = added.filter(
      (e) => e.object.metadata.ownerReferences?.[0]?.kind === 'ReplicaSet',
    );
    const initialOwners = new Set(
      testCluster()
        .cluster.store.list('pods')
        .map((p) => p.metadata.ownerReferences?.[0]?.name),
    );
    expect(
      rolled.some((e) => !initialOwners.has(e.object.metadata.ownerReferences?.[0]?.name)),
    ).toBe(true);
  });

  it('lets Job pods finish (Succeeded) and deletes them later', () => {
    const { events } = churnFor(1800, { churnPerMinute: 60 });
    const succeeded = events.filter(
      (e) => e.type === 'MODIFIED' && e.object.status?.phase === 'Succeeded',
    );
    expect(succeeded.length).toBeGreaterThan(0);
    const deletedJobs = events.filter(
      (e) => e.type === 'DELETED' && e.object.metadata.ownerReferences?.[0]?.kind === 'Job',
    );
    expect(deletedJobs.length).toBeGreaterThan(0);
  });

  it('restarts containers now and then (restartCount increments)', () => {
    const { events } = churnFor(600, { churnPerMinute: 120 });
    const restarts = events.filter((e) => {
      const statuses = (e.object.status?.containerStatuses ?? []) as Json[];
      return (
        e.type === 'MODIFIED' &&
        (statuses[0]?.lastState as Json | undefined)?.terminated !== undefined &&
        e.object.status?.phase === 'Running' &&
        Date.parse(String(((statuses[0]?.state as Json).running as Json | undefined)?.startedAt)) >
          TEST_NOW
      );
    });
    expect(restarts.length).toBeGreaterThan(0);
  });

  it('replays identically for the same seed and step times', () => {
    const a = churnFor(120).events.map((e) => JSON.stringify(e));
    const b = churnFor(120).events.map((e) => JSON.stringify(e));
    expect(b).toEqual(a);
    const c = churnFor(120, { seed: 7 }).events.map((e) => JSON.stringify(e));
    expect(c).not.toEqual(a);
  });

  it('runs on a timer between start() and stop() and leaves no timer behind', () => {
    vi.useFakeTimers({ now: TEST_NOW });
    const cluster = createSimCluster(testOptions({ churnPerMinute: 600 }));
    let events = 0;
    cluster.store.subscribe('pods', () => events++);
    vi.advanceTimersByTime(5000);
    expect(events).toBe(0);
    cluster.start();
    cluster.start(); // idempotent
    vi.advanceTimersByTime(10_000);
    expect(events).toBeGreaterThan(50);
    cluster.stop();
    expect(vi.getTimerCount()).toBe(0);
    const after = events;
    vi.advanceTimersByTime(10_000);
    expect(events).toBe(after);
  });

  it('does nothing on start() when churn is off', () => {
    vi.useFakeTimers({ now: TEST_NOW });
    const cluster = createSimCluster(testOptions({ churnPerMinute: 0 }));
    cluster.start();
    expect(vi.getTimerCount()).toBe(0);
    cluster.stop();
  });
});
