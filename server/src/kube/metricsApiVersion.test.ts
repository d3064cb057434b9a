import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MetricsApiVersion, pickVersion } from './metricsApiVersion.js';
import { problemFromError } from './problems.js';
import { Upstream } from './upstream.js';

describe('pickVersion', () => {
  it('uses the preferred version, else the newest known served one, else v1beta1', () => {
    const group = (preferred: string | undefined, versions: string[]) => ({
      kind: 'APIGroup',
      name: 'metrics.k8s.io',
      versions: versions.map((version) => ({ groupVersion: `metrics.k8s.io/${version}`, version })),
      ...(preferred ? { preferredVersion: { version: preferred } } : {}),
    });
    expect(pickVersion(group('v1beta1', ['v1beta1']))).toBe('v1beta1');
    expect(pickVersion(group('v1', ['v1', 'v1beta1']))).toBe('v1');
    expect(pickVersion(group('v2alpha1', ['v2alpha1', 'v1', 'v1beta1']))).toBe('v1');
    expect(pickVersion(group(undefined, ['v1beta1']))).toBe('v1beta1');
    expect(pickVersion('not json')).toBe('v1beta1');
  });
});

/** A plain HTTP stand-in for an apiserver: discovery plus a scripted metrics answer. */
let server: http.Server;
let upstream: Upstream;
let answer: { status: number; type: string; body: string } = {
  status: 200,
  type: 'application/json',
  body: '{}',
};
const requests: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url === '/apis/metrics.k8s.io') {
      res.writeHead(answer.status, { 'content-type': answer.type });
      res.end(answer.body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  upstream = new Upstream(kc, url);
});
afterAll(() => new Promise((r) => server.close(r)));

describe('MetricsApiVersion against an HTTP server', () => {
  it('discovers v1 once and caches it until forgotten', async () => {
    answer = {
      status: 200,
      type: 'application/json',
      body: JSON.stringify({ preferredVersion: { version: 'v1' } }),
    };
    const v = new MetricsApiVersion(upstream);
    requests.length = 0;
    expect(await v.get(2000)).toBe('v1');
    expect(await v.get(2000)).toBe('v1');
    expect(requests).toEqual(['/apis/metrics.k8s.io']);
    v.forget();
    // Still known as the last negotiated one (diagnostics name it while polls fail).
    expect(v.last).toBe('v1');
    await v.get(2000);
    expect(requests).toHaveLength(2);
  });

  it('the aggregator’s plain-text 503 becomes metrics-api-unavailable, quoting it', async () => {
    answer = {
      status: 503,
      type: 'text/plain; charset=utf-8',
      body: 'error trying to reach service: dial tcp 10.96.0.12:443: connect: connection refused\n',
    };
    const error = await new MetricsApiVersion(upstream).get(2000).catch((e: unknown) => e);
    const p = problemFromError(error, 'metrics', 0);
    expect(p.code).toBe('metrics-api-unavailable');
    expect(p.message).toContain('error trying to reach service');
    answer = { status: 503, type: 'text/plain', body: 'service unavailable\n' };
    const plain = await new MetricsApiVersion(upstream).get(2000).catch((e: unknown) => e);
    expect(problemFromError(plain, 'metrics', 0).code).toBe('metrics-api-unavailable');
  });

  it('refuses paths outside the allow-list', async () => {
    await expect(
      upstream.getJson('/apis/metrics.k8s.io/v2/nodes', { timeoutMs: 100 }),
    ).rejects.toThrow(/not allowed/);
    await expect(upstream.getJson('/api/v1/secrets', { timeoutMs: 100 })).rejects.toThrow(
      /not allowed/,
    );
  });
});
