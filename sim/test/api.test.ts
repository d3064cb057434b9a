/**
 * The apiserver surface over raw HTTPS: authentication, error Status bodies, discovery and the
 * request log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import { raw } from './helpers.js';

let sim: RunningSim;

beforeAll(async () => {
  sim = await startSim({ nodes: 5, pods: 50, namespaces: 3, churnPerMinute: 0 });
});

afterAll(async () => {
  await sim?.stop();
});

describe('authentication and errors', () => {
  it('answers 401 with an Unauthorized Status without the token, or with a wrong one', async () => {
    const expected = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Unauthorized',
      reason: 'Unauthorized',
      code: 401,
    };
    for (const opts of [
      { auth: false },
      { auth: false, headers: { Authorization: 'Bearer wrong' } },
    ]) {
      const res = await raw(sim, '/api/v1/nodes', opts);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.json()).toEqual(expected);
    }
  });

  it('answers unknown paths with 404 and wrong methods with 405, as Status objects', async () => {
    const missing = await raw(sim, '/api/v1/secrets');
    expect(missing.status).toBe(404);
    expect(missing.json()).toMatchObject({ kind: 'Status', reason: 'NotFound', code: 404 });
    const wrong = await raw(sim, '/api/v1/nodes', { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.json()).toMatchObject({ kind: 'Status', reason: 'MethodNotAllowed', code: 405 });
  });

  it('names the missing object the way the apiserver does', async () => {
    const pod = await raw(sim, '/api/v1/namespaces/nowhere/pods/ghost');
    expect(pod.status).toBe(404);
    expect(pod.json()).toMatchObject({
      message: 'pods "ghost" not found',
      reason: 'NotFound',
      details: { name: 'ghost', kind: 'pods' },
    });
    const ns = await raw(sim, '/api/v1/namespaces/nowhere');
    expect(ns.json()).toMatchObject({ message: 'namespaces "nowhere" not found' });
    // metrics-server looks the pod up first: a missing pod is the lister's NotFound.
    const podMetrics = await raw(sim, '/apis/metrics.k8s.io/v1beta1/namespaces/nowhere/pods/ghost');
    expect(podMetrics.status).toBe(404);
    expect(podMetrics.json()).toMatchObject({ message: 'pods "ghost" not found' });
  });
});
describe('discovery', () => {
  it('serves /api, /apis and the resource lists kubectl needs', async () => {
    expect((await raw(sim, '/api')).json()).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const groups = (await raw(sim, '/apis')).json<{ kind: string; groups: { name: string }[] }>();
    expect(groups.kind).toBe('APIGroupList');
    expect(groups.groups.map((g) => g.name).sort()).toEqual([
      'apiregistration.k8s.io',
      'authorization.k8s.io',
      'metrics.k8s.io',
    ]);
    const core = (await raw(sim, '/api/v1')).json<{ resources: Record<string, unknown>[] }>();
    expect(core.resources.find((r) => r.name === 'pods')).toMatchObject({
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      shortNames: ['po'],
      verbs: expect.arrayContaining(['get', 'list', 'watch']),
    });
    expect(core.resources.map((r) => r.name).sort()).toEqual(['namespaces', 'nodes', 'pods']);
    const metrics = (await raw(sim, '/apis/metrics.k8s.io/v1beta1')).json<{
      resources: { name: string; kind: string }[];
    }>();
    expect(metrics.resources.map((r) => [r.name, r.kind])).toEqual([
      ['nodes', 'NodeMetrics'],
      ['pods', 'PodMetrics'],
    ]);
    for (const probe of ['/healthz', '/livez', '/readyz'])
      expect((await raw(sim, probe)).text).toBe('ok');
    for (const path of ['/apis/authorization.k8s.io/v1', '/apis/apiregistration.k8s.io/v1']) {
      expect((await raw(sim, path)).json()).toMatchObject({ kind: 'APIResourceList' });
    }
  });
});
describe('request log', () => {
  it('records API requests with method, path, query, time and status', async () => {
    await raw(sim, '/_sim/requests', { method: 'DELETE' });
    await raw(sim, '/api/v1/nodes?limit=2');
    await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    await raw(sim, '/nope');
    const log = (await raw(sim, '/_sim/requests?clear=1')).json<{
      items: Record<string, unknown>[];
    }>();
    expect(log.items.map((e) => [e.method, e.path, e.query, e.status])).toEqual([
      ['GET', '/api/v1/nodes', 'limit=2', 200],
      ['GET', '/apis/metrics.k8s.io/v1beta1/nodes', '', 200],
      ['GET', '/nope', '', 404],
    ]);
    expect(Date.parse(String(log.items[0]?.time))).toBeGreaterThan(0);
    expect((await raw(sim, '/_sim/requests')).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
