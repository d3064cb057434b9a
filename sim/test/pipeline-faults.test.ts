/**
 * The metrics-pipeline faults (issue "Diagnose a broken metrics pipeline"), observed as an
 * operator would: the metrics API's answer, the APIService condition, the kube-system
 * ConfigMap, Deployment, pod readiness and logs, through raw HTTPS and the real kubectl.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import { kubectlFor, raw, waitFor } from './helpers.js';

/** The first truthy value `check` yields (polled; no fixed sleeps). */
async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  let value: T | undefined;
  await waitFor(async () => (value = await check()) !== undefined, timeoutMs);
  return value as T;
}

let sim: RunningSim;
let kubectl: ReturnType<typeof kubectlFor>;

beforeAll(async () => {
  sim = await startSim({
    nodes: 8,
    pods: 60,
    namespaces: 3,
    churnPerMinute: 0,
    resolutionMs: 1000,
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

interface Condition {
  reason: string;
  status: string;
  message: string;
}

async function condition(): Promise<Condition | number> {
  const res = await raw(sim, '/apis/apiregistration.k8s.io/v1/apiservices/v1beta1.metrics.k8s.io');
  if (res.status !== 200) return res.status;
  return res.json<{ status: { conditions: Condition[] } }>().status.conditions[0]!;
}

async function metricsServerPod(): Promise<{ name: string; ready: boolean }> {
  const res = await raw(
    sim,
    '/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dmetrics-server',
  );
  const pod = res.json<{
    items: {
      metadata: { name: string };
      status: { conditions: { type: string; status: string }[] };
    }[];
  }>().items[0]!;
  const ready = pod.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
  return { name: pod.metadata.name, ready };
}

async function logs(): Promise<string> {
  const { name } = await metricsServerPod();
  const res = await raw(sim, `/api/v1/namespaces/kube-system/pods/${name}/log?tailLines=200`);
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain');
  return res.text;
}

describe('defaults: a healthy pipeline', () => {
  it('has requestheader keys, a Passed APIService, a ready pod with the manifest args', async () => {
    const cm = await raw(
      sim,
      '/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication',
    );
    expect(Object.keys(cm.json<{ data: Record<string, string> }>().data)).toContain(
      'requestheader-client-ca-file',
    );
    expect(await condition()).toMatchObject({
      status: 'True',
      reason: 'Passed',
      message: 'all checks passed',
    });
    expect((await metricsServerPod()).ready).toBe(true);
    const dep = await raw(sim, '/apis/apps/v1/namespaces/kube-system/deployments/metrics-server');
    const args = dep.json<{ spec: { template: { spec: { containers: { args: string[] }[] } } } }>()
      .spec.template.spec.containers[0]!.args;
    expect(args).toContain('--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname');
    expect(args).not.toContain('--kubelet-insecure-tls');
    expect(await logs()).toMatch(/Serving securely on \[::\]:10250/);
    expect(await logs()).not.toMatch(/x509/);
  });
});

describe('faults', () => {
  it('aggregation-off: 403 as system:anonymous, ConfigMap without requestheader keys', async () => {
    sim.faults.set('aggregation-off');
    const res = await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes');
    expect(res.status).toBe(403);
    expect(res.json<{ message: string }>().message).toBe(
      'nodes.metrics.k8s.io is forbidden: User "system:anonymous" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster scope',
    );
    const cm = await raw(
      sim,
      '/api/v1/namespaces/kube-system/configmaps/extension-apiserver-authentication',
    );
    expect(Object.keys(cm.json<{ data: Record<string, string> }>().data)).toEqual([
      'client-ca-file',
    ]);
  });

  it('apiservice-missing: 404, no APIService, kubectl top says the API is not available', async () => {
    sim.faults.set('apiservice-missing');
    expect((await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(404);
    expect(await condition()).toBe(404);
    const top = await kubectl.run(['top', 'nodes']);
    expect(top.stderr).toMatch(/Metrics API not available/);
  });

  it('apiservice-timeout: 503 and FailedDiscoveryCheck with an i/o timeout', async () => {
    sim.faults.set('apiservice-timeout');
    expect((await raw(sim, '/apis/metrics.k8s.io/v1beta1/pods')).status).toBe(503);
    const c = (await condition()) as Condition;
    expect(c).toMatchObject({ status: 'False', reason: 'FailedDiscoveryCheck' });
    expect(c.message).toMatch(
      /^failing or missing response from https:\/\/10\.96\.112\.47:443\/apis\/metrics\.k8s\.io\/v1beta1: .*i\/o timeout$/,
    );
  });

  it('missing-endpoints: the pod goes unready, MissingEndpoints, 503; and back', async () => {
    sim.faults.set('missing-endpoints');
    expect((await metricsServerPod()).ready).toBe(false);
    expect(await condition()).toMatchObject({
      reason: 'MissingEndpoints',
      message:
        'endpoints for service/metrics-server in "kube-system" have no addresses with port name "https"',
    });
    expect((await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(503);
    const pods = await kubectl.run([
      'get',
      'pods',
      '-n',
      'kube-system',
      '-l',
      'k8s-app=metrics-server',
    ]);
    expect(pods.stdout).toMatch(/0\/1\s+Running/);
    sim.faults.clear('missing-endpoints');
    expect((await metricsServerPod()).ready).toBe(true);
    expect((await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(200);
  });

  it('kubelet-x509-some: some nodes missing, their x509 errors in the log', async () => {
    sim.faults.set('kubelet-x509-some');
    const nodes = (await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).json<{
      items: { metadata: { name: string } }[];
    }>().items;
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.length).toBeLessThan(8);
    const text = await until(async () => {
      const t = await logs();
      return /x509/.test(t) ? t : undefined;
    });
    expect(text).toMatch(
      /"Failed to scrape node" err="Get \\"https:\/\/10\.\d+\.\d+\.\d+:10250\/metrics\/resource\\": tls: failed to verify certificate: x509: cannot validate certificate for 10\.\d+\.\d+\.\d+ because it doesn't contain any IP SANs" node="/,
    );
    const present = new Set(nodes.map((n) => n.metadata.name));
    const failing = [...text.matchAll(/node="([^"]+)"/g)].map((m) => m[1]);
    expect(failing.every((n) => !present.has(n!))).toBe(true);
  });

  it('kubelet-x509-all: 503, unready pod, every node in the log', async () => {
    sim.faults.set('kubelet-x509-all');
    expect((await raw(sim, '/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(503);
    expect((await metricsServerPod()).ready).toBe(false);
    const text = await until(async () => {
      const t = await logs();
      return new Set([...t.matchAll(/node="([^"]+)"/g)].map((m) => m[1])).size === 8
        ? t
        : undefined;
    });
    expect(text).toMatch(/"Failed probe" probe="metric-storage-ready" err="no metrics to serve"/);
  });
});

describe('--warmup', () => {
  it('answers 503 until two scrapes after start, then serves', async () => {
    const warm = await startSim({
      nodes: 3,
      pods: 20,
      namespaces: 1,
      churnPerMinute: 0,
      resolutionMs: 1500,
      warmup: true,
    });
    try {
      const first = await raw(warm, '/apis/metrics.k8s.io/v1beta1/nodes');
      expect(first.status).toBe(503);
      const res = await until(async () => {
        const r = await raw(warm, '/apis/metrics.k8s.io/v1beta1/nodes');
        return r.status === 200 ? r : undefined;
      }, 10_000);
      expect(res.json<{ items: unknown[] }>().items.length).toBe(3);
    } finally {
      await warm.stop();
    }
  });
});
