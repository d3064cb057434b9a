import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '@kubeglance/sim/index';
import type { RunningServer } from '../src/server.js';
import type { Sim } from './harness.js';
import { fakeWebDist, request, serverWith } from './httpClient.js';

/** The small HTTP edges: methods, error paths, odd queries, API-looking paths. */
let sim: Sim;
let server: RunningServer;

beforeAll(async () => {
  sim = await startSim({ name: 'edges', nodes: 2, pods: 6, port: 0, resolutionMs: 1000 });
  server = await serverWith(sim, ['--static-dir', fakeWebDist()]);
});
afterAll(async () => {
  await server?.stop();
  await sim?.stop();
});

const get = (path: string, method = 'GET') => request(server.url + path, { method });
const error = (body: string) =>
  (JSON.parse(body) as { error: { code: string; message: string; params?: unknown } }).error;

describe('HTTP edges', () => {
  it('answers a wrong method on a known path with 405 and Allow', async () => {
    for (const path of [
      '/api/v1/clusters',
      '/api/v1/clusters/edges/nodes',
      '/api/v1/stream',
      '/healthz',
    ]) {
      const res = await get(path, 'POST');
      expect(res.status, path).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
      expect(error(res.body).code).toBe('method-not-allowed');
    }
    expect((await get('/api/v1/nope', 'DELETE')).status).toBe(404);
  });

  it('names the full path in errors', async () => {
    const res = await get('/api/v1/nodes?x=1');
    expect(res.status).toBe(404);
    expect(error(res.body).message).toBe('no route for GET /api/v1/nodes');
  });

  it('rejects a stream that names no cluster, and loose integers', async () => {
    const res = await get('/api/v1/stream?clusters=,,,');
    expect(res.status).toBe(400);
    expect(error(res.body).message).toMatch(/clusters/);
    expect(error(res.body).params).toEqual({ field: 'clusters' });
    const unknown = await get('/api/v1/stream?clusters=nope,gone');
    expect(unknown.status).toBe(404);
    expect(error(unknown.body)).toMatchObject({
      code: 'unknown-cluster',
      params: { cluster: 'nope, gone' },
    });
    for (const limit of ['0x10', '1e3', '+5', ' 5', '5.0', '0', '1001', '']) {
      const r = await get(`/api/v1/clusters/edges/pods?limit=${encodeURIComponent(limit)}`);
      expect(r.status, limit).toBe(400);
    }
    expect((await get('/api/v1/clusters/edges/pods?limit=5')).status).not.toBe(400);
  });

  it('does not serve the SPA for API-looking paths', async () => {
    for (const path of ['//api/v1/clusters', '/api%2fv1%2fclusters', '/API/v1/x', '/%2Fapi/v1']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type']).toMatch(/json/);
    }
    const spa = await get('/clusters/edges/nodes');
    expect(spa.status).toBe(200);
    expect(spa.body).toContain('id="root"');
  });
});
