/**
 * Every fault, switched through the library and the HTTP control API, observed the way a
 * user would: kubectl's own error text, raw Status bodies, timestamps, refused connections.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nodesMissingMetrics } from '../src/faults.js';
import { startSim, type RunningSim } from '../src/index.js';
import { columns, kubectlFor, openWatch, raw, waitFor } from './helpers.js';

const SLOW_MS = 400;
const RESOLUTION_MS = 1000;

let sim: RunningSim;
let kubectl: ReturnType<typeof kubectlFor>;

beforeAll(async () => {
  sim = await startSim({
    nodes: 12,
    pods: 60,
    namespaces: 3,
    churnPerMinute: 0,
    resolutionMs: RESOLUTION_MS,
    slowMs: SLOW_MS,
  });
  kubectl = kubectlFor(sim);
});

afterEach(() => {
  sim.faults.clear();
});

afterAll(async () => {
  kubectl?.dispose();
  await sim?.stop();
});

interface StatusBody {
  kind: string;
  status: string;
  reason: string;
  message: string;
  code: number;
}

describe('fault control', () => {
  it('switches faults through POST/GET/DELETE /_sim/faults', async () => {
    const set = await raw(sim, '/_sim/faults', {
      method: 'POST',
      body: { set: ['throttle', 'slow'] },
    });
    expect(set.status).toBe(200);
    expect(set.json()).toEqual({ active: ['throttle', 'slow'] });
    expect(sim.faults.active()).toEqual(['throttle', 'slow']);
    const cleared = await raw(sim, '/_sim/faults', { method: 'POST', body: { clear: 'slow' } });
    expect(cleared.json()).toEqual({ active: ['throttle'] });
    const got = await raw(sim, '/_sim/faults');
    expect(got.json<{ active: string[] }>().active).toEqual(['throttle']);
    await raw(sim, '/_sim/faults', { method: 'DELETE' });
    expect(sim.faults.active()).toEqual([]);
  });

  it('rejects unknown fault names with 400 and changes nothing', async () => {
    const res = await raw(sim, '/_sim/faults', {
      method: 'POST',
      body: { set: ['throttle', 'nope'] },
    });
    expect(res.status).toBe(400);
    expect(res.json<StatusBody>().message).toContain('unknown fault "nope"');
    expect(sim.faults.active()).toEqual([]);
    expect(() => sim.faults.set('nope')).toThrow(/unknown fault/);
  });

  it('requires the token on /_sim too', async () => {
    expect((await raw(sim, '/_sim/faults', { auth: false })).status).toBe(401);
  });
});

describe('metrics faults', () => {
  it('metrics-unavailable: kubectl top says the Metrics API is not available; the API answers 503', async () => {
    sim.faults.set('metrics-unavailable');
    const top = await kubectl.run(['top', 'nodes']);
    expect(top.code).not.toBe(0);
    expect(top.stderr.trim()).toBe('error: Metrics API not available');

    const res = await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    // The aggregator itself answers, in plain text (Go's http.Error), not with a Status.
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe('service unavailable\n');
    const pods = await raw(sim, '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods');
    expect([pods.status, pods.text]).toEqual([503, 'service unavailable\n']);
    const groups = (await raw(sim, '/apis')).json<{ groups: { name: string }[] }>();
    expect(groups.groups.map((g) => g.name)).not.toContain('metrics.k8s.io');

    const apiService = (
      await raw(sim, '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io')
    ).json<{
      status: { conditions: { type: string; status: string; reason: string; message: string }[] };
    }>();
    expect(apiService.status.conditions[0]).toMatchObject({
      type: 'Available',
      status: 'False',
      reason: 'FailedDiscoveryCheck',
    });
    expect(apiService.status.conditions[0]?.message).toMatch(
      /^failing or missing response from https:\/\/10\.96\.\d+\.\d+:443\/apis\/metrics\.k8s\.io\/v1beta1: /,
    );

    sim.faults.clear('metrics-unavailable');
    const healthy = (
      await raw(sim, '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io')
    ).json<{
      status: { conditions: { status: string; reason: string }[] };
    }>();
    expect(healthy.status.conditions[0]).toMatchObject({ status: 'True', reason: 'Passed' });
    const again = await kubectl.run(['top', 'nodes']);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });

  it('metrics-forbidden: kubectl top reports the RBAC denial for system:anonymous', async () => {
    sim.faults.set('metrics-forbidden');
    const nodes = await kubectl.run(['top', 'nodes']);
    expect(nodes.code).not.toBe(0);
    expect(nodes.stderr).toContain(
      'Error from server (Forbidden): nodes.metrics.k8s.io is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster scope',
    );
    const ns = String(sim.cluster.store.list('namespaces')[0]?.metadata.name);
    const pods = await kubectl.run(['top', 'pods', '-n', ns]);
    expect(pods.stderr).toContain(
      `pods.metrics.k8s.io is forbidden: User "system:anonymous" cannot list resource "pods" in API group "metrics.k8s.io" in the namespace "${ns}"`,
    );
    const review = (group: string): Promise<{ status: { allowed: boolean } }> =>
      raw(sim, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        body: {
          kind: 'SelfSubjectAccessReview',
          apiVersion: 'authorization.k8s.io/v1',
          spec: { resourceAttributes: { group, resource: 'pods', verb: 'list' } },
        },
      }).then((r) => r.json());
    expect((await review('metrics.k8s.io')).status.allowed).toBe(false);
    expect((await review('')).status.allowed).toBe(true);
    sim.faults.clear('metrics-forbidden');
    expect((await review('metrics.k8s.io')).status.allowed).toBe(true);
  });

  it('nodes-missing-metrics: kubectl top nodes shows <unknown> for the unscraped nodes', async () => {
    const names = sim.cluster.store.list('nodes').map((n) => n.metadata.name);
    const missing = nodesMissingMetrics(names);
    expect(missing.size).toBeGreaterThanOrEqual(1);
    expect(missing.size).toBeLessThan(names.length);
    sim.faults.set('nodes-missing-metrics');

    const { code, stdout } = await kubectl.run(['top', 'nodes']);
    expect(code).toBe(0);
    const rows = columns(stdout).slice(1);
    const unknown = rows.filter((r) => r.slice(1).every((c) => c === '<unknown>')).map((r) => r[0]);
    expect(new Set(unknown)).toEqual(missing);
    expect(rows).toHaveLength(names.length);

    const first = [...missing][0] as string;
    const one = await raw(sim, `/apis/metrics.k8s.io/v1beta1/nodes/${first}`);
    expect(one.status).toBe(404);
    expect(one.json<StatusBody>().message).toBe(`nodemetrics.metrics.k8s.io "${first}" not found`);

    const podMetrics = (await raw(sim, '/apis/metrics.k8s.io/v1beta1/pods')).json<{
      items: { metadata: { name: string; namespace: string } }[];
    }>();
    for (const item of podMetrics.items) {
      const pod = sim.cluster.store.get('pods', item.metadata.namespace, item.metadata.name);
      expect(missing.has(String(pod?.spec?.nodeName))).toBe(false);
    }
  });

  it('metrics-stale: timestamps stop advancing, and advance again once cleared', async () => {
    const stamp = async (): Promise<number> => {
      const list = (await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).json<{
        items: { timestamp: string }[];
      }>();
      return Date.parse(String(list.items[0]?.timestamp));
    };
    sim.faults.set('metrics-stale');
    const frozen = await stamp();
    await new Promise((r) => setTimeout(r, RESOLUTION_MS * 2.2));
    expect(await stamp()).toBe(frozen);
    sim.faults.clear('metrics-stale');
    expect(await stamp()).toBeGreaterThan(frozen);
  });
});

describe('apiserver faults', () => {
  it('throttle: 429 TooManyRequests with Retry-After: 1 on API paths, control still works', async () => {
    sim.faults.set('throttle');
    const res = await raw(sim, '/api/v1/nodes');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json<StatusBody>()).toMatchObject({
      reason: 'TooManyRequests',
      message: 'Too many requests, please try again later.',
      code: 429,
    });
    expect((await raw(sim, '/_sim/faults')).status).toBe(200);
    // client-go honours Retry-After and keeps retrying (10 times); we stop it after 2.5 s.
    const kc = await kubectl.run(['get', '--raw', '/api/v1/nodes', '-v=6'], 2500);
    expect(kc.code).not.toBe(0);
    expect(kc.stderr).toMatch(
      /GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/nodes\S* 429 Too Many Requests/,
    );
    expect(kc.stderr).toContain('Got a Retry-After 1s response');
  });

  it('slow: API responses wait slowMs, the control API does not', async () => {
    sim.faults.set('slow');
    const slow = await raw(sim, '/version');
    expect(slow.status).toBe(200);
    expect(slow.ms).toBeGreaterThanOrEqual(SLOW_MS - 5);
    const control = await raw(sim, '/_sim/faults');
    expect(control.ms).toBeLessThan(SLOW_MS);
    sim.faults.clear('slow');
    expect((await raw(sim, '/version')).ms).toBeLessThan(SLOW_MS);
  });

  it('watch-gone: open watches end with a 410 Expired ERROR, new ones get it at once', async () => {
    const watch = await openWatch(sim, '/api/v1/pods?watch=1');
    await watch.until((e) => e.length >= 60);
    expect(watch.events.every((e) => e.type === 'ADDED')).toBe(true);
    sim.faults.set('watch-gone');
    await watch.until((e) => e.some((x) => x.type === 'ERROR'));
    await watch.ended;
    const error = watch.events.at(-1);
    expect(error?.type).toBe('ERROR');
    expect(error?.object).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    expect(String(error?.object.message)).toMatch(/^too old resource version: \d+ \(\d+\)$/);

    const fresh = await openWatch(sim, '/api/v1/pods?watch=1&resourceVersion=1');
    await fresh.ended;
    expect(fresh.status).toBe(200);
    expect(fresh.events).toHaveLength(1);
    expect(fresh.events[0]?.object).toMatchObject({ reason: 'Expired', code: 410 });
  });

  it('apiserver-down: connections are refused and open watches cut; it comes back when cleared', async () => {
    const watch = await openWatch(sim, '/api/v1/nodes?watch=1');
    await watch.until((e) => e.length >= 12);
    const port = new URL(sim.url).port;

    // Switch it through the HTTP API: the call that takes the server down still gets its answer.
    const res = await raw(sim, '/_sim/faults', {
      method: 'POST',
      body: { set: ['apiserver-down'] },
    });
    expect(res.json()).toEqual({ active: ['apiserver-down'] });
    await watch.ended;
    await expect(raw(sim, '/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const kc = await kubectl.run(['get', 'nodes']);
    expect(kc.code).not.toBe(0);
    expect(kc.stderr).toContain(`The connection to the server 127.0.0.1:${port} was refused`);

    sim.faults.clear('apiserver-down');
    await waitFor(async () => (await raw(sim, '/version').catch(() => undefined))?.status === 200);
    expect(new URL(sim.url).port).toBe(port);
    expect((await kubectl.run(['get', 'nodes'])).code).toBe(0);
  });
  it('apiserver-down: rapid toggling ends in the last requested state', async () => {
    sim.faults.set('apiserver-down');
    sim.faults.clear('apiserver-down'); // starts re-listening...
    sim.faults.set('apiserver-down'); // ...which must come straight back down
    await new Promise((r) => setTimeout(r, 300));
    await expect(raw(sim, '/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    sim.faults.clear('apiserver-down');
    await waitFor(async () => (await raw(sim, '/version').catch(() => undefined))?.status === 200);
  });
});

describe('control port', () => {
  let withControl: RunningSim;

  beforeAll(async () => {
    withControl = await startSim({ nodes: 2, pods: 4, namespaces: 1, controlPort: 0 });
  });

  afterAll(async () => {
    await withControl?.stop();
  });

  it('serves /_sim only, and stays up while the API is down', async () => {
    const controlUrl = String(withControl.controlUrl);
    expect((await raw(withControl, '/version', { baseUrl: controlUrl })).status).toBe(404);
    await raw(withControl, '/_sim/faults', {
      baseUrl: controlUrl,
      method: 'POST',
      body: { set: 'apiserver-down' },
    });
    await expect(raw(withControl, '/version')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const cleared = await raw(withControl, '/_sim/faults', {
      baseUrl: controlUrl,
      method: 'POST',
      body: { clear: 'apiserver-down' },
    });
    expect(cleared.json()).toEqual({ active: [] });
    await waitFor(
      async () => (await raw(withControl, '/version').catch(() => undefined))?.status === 200,
    );
  });
});
