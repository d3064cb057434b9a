/**
 * Conformance with a second real client: Debian's python3-kubernetes (`/usr/bin/python3`,
 * typed models that reject incomplete objects) runs test/python/conformance.py against the
 * simulator; the test checks its JSON output against the simulator's own state. The client
 * must be installed (`.ci/run` installs it): a missing client fails the suite, never skips it.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import type { SimClusterModel } from '../src/model/cluster.js';
import type { KubeObject, PodMetricsItem } from '../src/model/types.js';
import { raw } from './helpers.js';

const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'python', 'conformance.py');

let sim: RunningSim;

function python<T>(...args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      [SCRIPT, sim.kubeconfigPath, ...args],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${PYTHON} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as T);
      },
    );
  });
}

beforeAll(async () => {
  sim = await startSim({ nodes: 5, pods: 80, namespaces: 4, churnPerMinute: 0 });
});

afterAll(async () => {
  await sim?.stop();
});

const key = (o: { metadata: { namespace?: string; name: string } }) =>
  `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

interface StatusOut {
  name: string;
  image: string;
  imageID: string;
  containerID: string | null;
  state: string[];
}
interface ListsOut {
  nodes: string[];
  nodePages: number;
  namespaces: string[];
  namespacePages: number;
  podPages: number;
  pods: {
    key: string;
    phase: string;
    qos: string;
    initContainers: string[];
    containerStatuses: StatusOut[];
    initContainerStatuses: StatusOut[];
  }[];
}

describe('python3-kubernetes', () => {
  it('is installed (CI installs python3-kubernetes and python3-yaml)', async () => {
    const version = await new Promise<string>((resolve, reject) =>
      execFile(
        PYTHON,
        ['-c', 'import kubernetes, yaml; print(kubernetes.__version__)'],
        (err, out) => (err ? reject(err) : resolve(out.trim())),
      ),
    );
    expect(version).toMatch(/^\d+\.\d+/);
  });

  it('reads typed pod, node and namespace lists page by page', async () => {
    const out = await python<ListsOut>('lists');
    const { store } = sim.cluster;
    expect(out.nodes).toEqual(store.list('nodes').map((n) => n.metadata.name));
    expect(out.nodePages).toBe(Math.ceil(store.list('nodes').length / 2));
    expect(out.namespaces).toEqual(store.list('namespaces').map((n) => n.metadata.name));
    expect(out.namespacePages).toBe(Math.ceil(store.list('namespaces').length / 3));
    const pods = store.list('pods');
    expect(out.pods.map((p) => p.key).sort()).toEqual(pods.map(key).sort());
    expect(out.podPages).toBe(Math.ceil(pods.length / 25));
    // Typed statuses deserialised with the kubelet's fields, native sidecars included.
    const byKey = new Map(pods.map((p) => [key(p), p]));
    let sidecars = 0;
    for (const p of out.pods) {
      const pod = byKey.get(p.key) as KubeObject;
      expect(p.phase).toBe(pod.status?.phase);
      expect(p.qos).toBe(pod.status?.qosClass);
      const init = (pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[];
      expect(p.initContainers).toEqual(init.map((c) => c.name));
      sidecars += init.filter((c) => c.restartPolicy === 'Always').length;
      if (p.phase !== 'Running') continue;
      for (const s of [...p.containerStatuses, ...p.initContainerStatuses]) {
        expect(s.image).not.toBe('');
        expect(s.imageID).toMatch(/@sha256:/);
        expect(s.containerID).toMatch(/^containerd:\/\//);
        expect(s.state).toHaveLength(1);
      }
    }
    expect(sidecars).toBeGreaterThan(0);
  });

  it('watches from a resourceVersion and sees exactly the changes after it', async () => {
    const model = sim.cluster as SimClusterModel;
    const since = model.store.currentResourceVersion();
    const changed = model.store.list('pods').slice(0, 3);
    for (const pod of changed) {
      model.objects.update('pods', {
        ...pod,
        metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, touched: 'yes' } },
      });
    }
    const out = await python<{ events: { type: string; key: string; resourceVersion: string }[] }>(
      'watch',
      String(since),
    );
    const expected = model.store.eventsSince('pods', since);
    if (expected === 'gone') throw new Error('history gone');
    expect(out.events).toEqual(
      expected.map((e) => ({
        type: e.type,
        key: key(e.object),
        resourceVersion: String(e.resourceVersion),
      })),
    );
    expect(out.events.map((e) => e.key)).toEqual(changed.map(key));
  });

  it('gets a 410 ApiException when the watch history is gone', async () => {
    sim.faults.set('watch-gone');
    try {
      const out = await python<{ status: number | null; reason: string }>(
        'gone',
        String(sim.cluster.store.currentResourceVersion()),
      );
      expect(out.status).toBe(410);
      expect(out.reason).toMatch(/^Expired: too old resource version/);
    } finally {
      sim.faults.clear('watch-gone');
    }
  });

  it('lists metrics with CustomObjectsApi, with label and field selectors', async () => {
    const { store } = sim.cluster;
    const pods = (await raw(sim, '/apis/metrics.k8s.io/v1beta1/pods')).json<{
      items: PodMetricsItem[];
    }>().items;
    const sample = pods[0] as PodMetricsItem;
    const app = Object.entries(
      store.get('pods', sample.metadata.namespace, sample.metadata.name)?.metadata.labels ?? {},
    )[0] as [string, string];
    const namespace = sample.metadata.namespace;
    const node = store.list('nodes')[1]?.metadata.name as string;
    const out = await python<Record<string, string[] | string>>(
      'metrics',
      `${app[0]}=${app[1]}`,
      namespace,
      node,
    );
    const names = (list: readonly { metadata: { namespace?: string; name: string } }[]) =>
      list.map(key).sort();
    const podsWith = (keep: (p: KubeObject) => boolean) =>
      names(
        pods.filter((m) =>
          keep(store.get('pods', m.metadata.namespace, m.metadata.name) as KubeObject),
        ),
      );
    expect(out.nodeKind).toBe('NodeMetricsList');
    expect(out.nodes).toEqual(names(store.list('nodes')));
    expect(out.nodesByLabel).toEqual(
      names(
        store
          .list('nodes')
          .filter((n) => 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {})),
      ),
    );
    expect(out.nodesByField).toEqual([`/${node}`]);
    expect(out.pods).toEqual(names(pods));
    expect(out.podsInNamespace).toEqual(podsWith((p) => p.metadata.namespace === namespace));
    expect(out.podsByField).toEqual(out.podsInNamespace);
    expect(out.podsByLabel).toEqual(podsWith((p) => p.metadata.labels?.[app[0]] === app[1]));
    expect((out.podsByLabel as string[]).length).toBeGreaterThan(0);
  });
});
