/**
 * @kubernetes/client-node 1.4 against the simulator over TLS with the generated kubeconfig:
 * typed core calls, the Metrics helper, and an informer that follows churn and recovers from
 * a 410 (watch-gone) by relisting.
 */
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import { raw, waitFor } from './helpers.js';

let sim: RunningSim;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;

beforeAll(async () => {
  sim = await startSim({
    nodes: 4,
    pods: 40,
    namespaces: 2,
    churnPerMinute: 600,
    resolutionMs: 1000,
  });
  kc = new k8s.KubeConfig();
  kc.loadFromFile(sim.kubeconfigPath);
  core = kc.makeApiClient(k8s.CoreV1Api);
});

afterAll(async () => {
  await sim?.stop();
});

describe('client-node', () => {
  it('loads the kubeconfig: current context, CA data and token', () => {
    expect(kc.getCurrentContext()).toBe(sim.name);
    expect(kc.getCurrentCluster()?.server).toBe(sim.url);
    expect(kc.getCurrentUser()?.token).toBe(sim.token);
  });

  it('lists nodes and pods and reads one pod', async () => {
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(
      sim.cluster.store.list('nodes').map((n) => n.metadata.name),
    );
    expect(Number(nodes.metadata?.resourceVersion)).toBeGreaterThan(0);

    const pods = await core.listPodForAllNamespaces();
    expect(pods.items.length).toBeGreaterThan(0);
    // A kube-system pod: churn only touches user workloads, so it exists throughout and the
    // read must succeed (a 404 here is a bug, not churn).
    const system = pods.items.find((p) => p.metadata?.namespace === 'kube-system') as k8s.V1Pod;
    const name = String(system.metadata?.name);
    const namespace = 'kube-system';
    const pod = await core.readNamespacedPod({ name, namespace });
    expect(pod.metadata?.name).toBe(name);
    expect(pod.metadata?.uid).toBe(system.metadata?.uid);
    expect(pod.spec?.nodeName).toBe(system.spec?.nodeName);
    await expect(core.readNamespacedPod({ name: 'ghost', namespace })).rejects.toMatchObject({
      code: 404,
    });
  });

  it('reads NodeMetrics and PodMetrics through the Metrics helper', async () => {
    const metrics = new k8s.Metrics(kc);
    const nodeMetrics = await metrics.getNodeMetrics();
    expect(nodeMetrics.items).toHaveLength(4);
    for (const item of nodeMetrics.items) {
      expect(item.usage.cpu).toMatch(/^\d+(n|u|m)?$/);
      expect(item.usage.memory).toMatch(/^\d+(Ki|Mi|Gi)?$/);
      expect(Date.parse(item.timestamp)).toBeGreaterThan(0);
    }
    const podMetrics = await metrics.getPodMetrics();
    expect(podMetrics.items.length).toBeGreaterThan(0);
    const ns = String(podMetrics.items[0]?.metadata.namespace);
    const inNs = await metrics.getPodMetrics(ns);
    expect(inNs.items.every((p) => p.metadata.namespace === ns)).toBe(true);
  });

  it('sees 429 as an ApiException under throttle', async () => {
    sim.faults.set('throttle');
    try {
      await expect(core.listNode()).rejects.toMatchObject({ code: 429 });
    } finally {
      sim.faults.clear('throttle');
    }
  });

  it('keeps an informer in sync under churn and relists after watch-gone', async () => {
    const added: string[] = [];
    const deleted: string[] = [];
    const errors: unknown[] = [];
    const informer = k8s.makeInformer(kc, '/api/v1/pods', () => core.listPodForAllNamespaces());
    informer.on('add', (p) => added.push(String(p.metadata?.name)));
    informer.on('delete', (p) => deleted.push(String(p.metadata?.name)));
    informer.on('error', (err) => errors.push(err));
    const relists = async (): Promise<number> => {
      const log = (await raw(sim, '/_sim/requests')).json<{
        items: { path: string; query: string }[];
      }>();
      return log.items.filter((e) => e.path === '/api/v1/pods' && !/(^|&)watch=/.test(e.query))
        .length;
    };
    try {
      await informer.start();
      const initial = added.length;
      expect(initial).toBeGreaterThan(0);
      // Churn of 10/s: both creations and deletions arrive over the watch.
      await waitFor(() => added.length > initial + 2 && deleted.length > 2, 15_000);

      const listsBefore = await relists();
      sim.faults.set('watch-gone');
      await waitFor(async () => (await relists()) > listsBefore, 10_000);
      sim.faults.clear('watch-gone');

      // After the relist the informer follows churn again and matches the store.
      const afterRecovery = added.length;
      await waitFor(() => added.length > afterRecovery + 2, 15_000);
      const storeKeys = (): string[] =>
        sim.cluster.store
          .list('pods')
          .map((p) => `${p.metadata.namespace}/${p.metadata.name}`)
          .sort();
      const cacheKeys = (): string[] =>
        informer
          .list()
          .map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`)
          .sort();
      await waitFor(() => JSON.stringify(cacheKeys()) === JSON.stringify(storeKeys()), 5_000, 20);
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });
});
