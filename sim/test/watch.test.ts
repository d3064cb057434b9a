/**
 * Watch semantics over raw HTTPS: replay from a resourceVersion, synthetic ADDED with
 * selectors, bookmarks, timeouts, bad input and subscription cleanup on disconnect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../src/index.js';
import type { KubeObject } from '../src/model/types.js';
import { key, openWatch, raw, startQuietAndChurny, waitFor, type List } from './helpers.js';

let sim: RunningSim;
let churny: RunningSim;

beforeAll(async () => {
  ({ quiet: sim, churny } = await startQuietAndChurny());
});

afterAll(async () => {
  await Promise.all([sim?.stop(), churny?.stop()]);
});
describe('watch', () => {
  it('replays events after a resourceVersion, in order, then streams live', async () => {
    const rv = Number(
      (await raw(churny, '/api/v1/pods?limit=1')).json<List>().metadata.resourceVersion,
    );
    await waitFor(() => churny.cluster.store.currentResourceVersion() > rv + 5);
    const watch = await openWatch(churny, `/api/v1/pods?watch=1&resourceVersion=${rv}`);
    const replayed = churny.cluster.store.currentResourceVersion() - rv;
    await watch.until((e) => e.length >= replayed + 3);
    watch.close();
    const rvs = watch.events.map((e) => Number(e.object.metadata?.resourceVersion));
    expect(rvs[0]).toBeGreaterThan(rv);
    expect([...rvs].sort((a, b) => a - b)).toEqual(rvs);
    expect(new Set(watch.events.map((e) => e.type))).toContain('ADDED');
  });

  it('starts with synthetic ADDED events and honours selectors', async () => {
    const pods = sim.cluster.store.list('pods');
    const node = String(pods[0]?.spec?.nodeName);
    const expected = pods.filter((p) => p.spec?.nodeName === node).map(key);
    const watch = await openWatch(
      sim,
      `/api/v1/pods?watch=true&fieldSelector=spec.nodeName%3D${node}`,
    );
    await watch.until((e) => e.length >= expected.length);
    await new Promise((r) => setTimeout(r, 100));
    watch.close();
    expect(watch.events.map((e) => e.type)).toEqual(expected.map(() => 'ADDED'));
    expect(watch.events.map((e) => key(e.object as unknown as KubeObject))).toEqual(expected);
  });

  it('sends bookmarks when asked and ends after timeoutSeconds', async () => {
    const started = Date.now();
    const watch = await openWatch(
      sim,
      '/api/v1/nodes?watch=1&allowWatchBookmarks=true&timeoutSeconds=1',
    );
    await watch.ended;
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(3000);
    const bookmark = watch.events.find((e) => e.type === 'BOOKMARK');
    expect(bookmark?.object).toEqual({
      kind: 'Node',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(sim.cluster.store.currentResourceVersion()) },
    });
  });

  it('supports watch-list (sendInitialEvents) and skipping the initial events', async () => {
    const count = sim.cluster.store.list('nodes').length;
    const list = await openWatch(
      sim,
      '/api/v1/nodes?watch=1&sendInitialEvents=true&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan',
    );
    await list.until((e) => e.some((x) => x.type === 'BOOKMARK'));
    list.close();
    expect(list.events.slice(0, count).every((e) => e.type === 'ADDED')).toBe(true);
    expect(list.events[count]?.object.metadata).toMatchObject({
      annotations: { 'k8s.io/initial-events-end': 'true' },
    });
    const bare = await openWatch(
      sim,
      '/api/v1/nodes?watch=1&sendInitialEvents=false&timeoutSeconds=1',
    );
    await bare.ended;
    expect(bare.events.filter((e) => e.type === 'ADDED')).toEqual([]);
  });

  it('rejects a malformed resourceVersion with 400', async () => {
    const res = await raw(sim, '/api/v1/pods?watch=1&resourceVersion=abc');
    expect(res.status).toBe(400);
  });

  it('drops its store subscription when the client disconnects', async () => {
    const stats = async (): Promise<number> =>
      (await raw(churny, '/_sim/stats')).json<{ watches: number }>().watches;
    const base = await stats();
    const watches = await Promise.all(
      [1, 2, 3].map(() => openWatch(churny, '/api/v1/pods?watch=1')),
    );
    await waitFor(async () => (await stats()) === base + 3);
    for (const w of watches) w.close();
    await waitFor(async () => (await stats()) === base);
  });
});
