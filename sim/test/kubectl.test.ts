/**
 * The real kubectl (v1.32) against the simulator: discovery, server-side tables, `top`, raw
 * metrics and a watch under churn. Output is compared with the model's own state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCpuKubectl, formatMemoryKubectl } from '@kubeglance/shared/format';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { startSim, type RunningSim } from '../src/index.js';
import type { MetricsSample } from '../src/model/types.js';
import { columns, kubectlFor } from './helpers.js';

const RESOLUTION_MS = 60_000;

let sim: RunningSim;
let kubectl: ReturnType<typeof kubectlFor>;

/** Run `fn` with the sample kubectl will see; retried if a resolution boundary passes meanwhile. */
async function withStableSample<T>(fn: (sample: MetricsSample) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const tick = Math.floor(Date.now() / RESOLUTION_MS) - 1;
    const sameTick = () => Math.floor(Date.now() / RESOLUTION_MS) - 1 === tick;
    try {
      const result = await fn(sim.cluster.metrics.sampleAt(tick));
      if (sameTick() || attempt > 1) return result;
    } catch (e) {
      // A failed comparison counts only if kubectl saw the sample it was compared with (CI
      // once crossed a boundary mid-call and compared the next minute's values).
      if (sameTick() || attempt > 1) throw e;
    }
  }
}

beforeAll(async () => {
  sim = await startSim({
    nodes: 6,
    pods: 60,
    namespaces: 3,
    churnPerMinute: 0,
    resolutionMs: RESOLUTION_MS,
  });
  kubectl = kubectlFor(sim);
});

afterAll(async () => {
  kubectl?.dispose();
  await sim?.stop();
});

describe('kubectl against the simulator', () => {
  it('get --raw /version reports a v1.31 apiserver', async () => {
    const { code, stdout } = await kubectl.run(['get', '--raw', '/version']);
    expect(code).toBe(0);
    const version = JSON.parse(stdout) as { gitVersion: string; major: string; minor: string };
    expect(version.gitVersion).toMatch(/^v1\.31\.\d+/);
    expect([version.major, version.minor]).toEqual(['1', '31']);
  });

  it('get nodes prints every node with the server-side columns', async () => {
    const { code, stdout, stderr } = await kubectl.run(['get', 'nodes']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const rows = columns(stdout);
    expect(rows[0]).toEqual(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION']);
    const names = sim.cluster.store.list('nodes').map((n) => n.metadata.name);
    expect(rows.slice(1).map((r) => r[0])).toEqual(names);
  });

  it('get pods -A lists every pod with its namespace, readiness and status', async () => {
    const { code, stdout } = await kubectl.run(['get', 'pods', '-A']);
    expect(code).toBe(0);
    const rows = columns(stdout);
    expect(rows[0]).toEqual(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    const pods = sim.cluster.store.list('pods');
    expect(rows.slice(1).map((r) => `${r[0]}/${r[1]}`)).toEqual(
      pods.map((p) => `${p.metadata.namespace}/${p.metadata.name}`),
    );
    for (const row of rows.slice(1)) expect(row[2]).toMatch(/^\d+\/\d+$/);
  });

  it('get pod NAME and a missing pod answer like the apiserver', async () => {
    const pod = sim.cluster.store.list('pods')[0];
    const ok = await kubectl.run([
      'get',
      'pod',
      '-n',
      String(pod?.metadata.namespace),
      String(pod?.metadata.name),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(String(pod?.metadata.name));
    const missing = await kubectl.run([
      'get',
      'pod',
      '-n',
      String(pod?.metadata.namespace),
      'ghost',
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('Error from server (NotFound): pods "ghost" not found');
    // kubectl 1.32 then checks the namespace itself and names it when that is what is missing.
    const noNs = await kubectl.run(['get', 'pod', '-n', 'no-such-ns', 'ghost']);
    expect(noNs.stderr).toContain(
      'Error from server (NotFound): namespaces "no-such-ns" not found',
    );
  });

  it('top nodes shows the model values in millicores and Mi', async () => {
    await withStableSample(async (sample) => {
      const { code, stdout, stderr } = await kubectl.run(['top', 'nodes']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const rows = columns(stdout);
      expect(rows[0]).toEqual(['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%']);
      const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
      expect(byName.size).toBe(sample.nodes.length);
      for (const node of sample.nodes) {
        const row = byName.get(node.metadata.name);
        expect(row?.[1]).toMatch(/^\d+m$/);
        expect(row?.[1]).toBe(formatCpuKubectl(parseCpuNanocores(node.usage.cpu)));
        expect(row?.[3]).toBe(formatMemoryKubectl(parseMemoryBytes(node.usage.memory)));
      }
    });
  });

  it('top pods -A --containers shows every container of the sample', async () => {
    await withStableSample(async (sample) => {
      const { code, stdout } = await kubectl.run(['top', 'pods', '-A', '--containers']);
      expect(code).toBe(0);
      const rows = columns(stdout);
      expect(rows[0]).toEqual(['NAMESPACE', 'POD', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
      const expected = sample.pods.flatMap((p) =>
        p.containers.map((c) => [
          p.metadata.namespace,
          p.metadata.name,
          c.name,
          formatCpuKubectl(parseCpuNanocores(c.usage.cpu)),
          formatMemoryKubectl(parseMemoryBytes(c.usage.memory)),
        ]),
      );
      const sortKey = (r: readonly string[]): string => r.slice(0, 3).join('/');
      expect(rows.slice(1).sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
        expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
      );
      // Native sidecars (restartable init containers) get their own rows, as on a real cluster.
      const sidecarRows = rows.slice(1).filter((r) => {
        const pod = sim.cluster.store.get('pods', r[0], r[1] as string);
        const init = (pod?.spec?.initContainers ?? []) as {
          name: string;
          restartPolicy?: string;
        }[];
        return init.some((c) => c.name === r[2] && c.restartPolicy === 'Always');
      });
      expect(sidecarRows.length).toBeGreaterThan(0);
    });
  });

  it('get --raw on metrics with a fieldSelector returns only the selected items', async () => {
    await withStableSample(async (sample) => {
      const { code, stdout } = await kubectl.run([
        'get',
        '--raw',
        '/apis/metrics.k8s.io/v1beta1/pods?fieldSelector=metadata.namespace%3Dkube-system',
      ]);
      expect(code).toBe(0);
      const list = JSON.parse(stdout) as { items: { metadata: { name: string } }[] };
      expect(list.items.map((i) => i.metadata.name)).toEqual(
        sample.pods
          .filter((p) => p.metadata.namespace === 'kube-system')
          .map((p) => p.metadata.name),
      );
      expect(list.items.length).toBeGreaterThan(0);
    });
  });

  it('get nodemetrics and podmetrics print metrics-server tables', async () => {
    await withStableSample(async (sample) => {
      const nodes = await kubectl.run(['get', 'nodemetrics']);
      expect(nodes.code).toBe(0);
      const rows = columns(nodes.stdout);
      expect(rows[0]).toEqual(['NAME', 'CPU', 'MEMORY', 'WINDOW']);
      expect(rows.slice(1)).toEqual(
        sample.nodes.map((n) => [n.metadata.name, n.usage.cpu, n.usage.memory, n.window]),
      );
      const pods = await kubectl.run(['get', 'podmetrics', '-A']);
      expect(pods.code).toBe(0);
      const podRows = columns(pods.stdout);
      expect(podRows[0]).toEqual(['NAMESPACE', 'NAME', 'CPU', 'MEMORY', 'WINDOW']);
      expect(podRows.slice(1).map((r) => [r[0], r[1], r[4]])).toEqual(
        sample.pods.map((p) => [p.metadata.namespace, p.metadata.name, p.window]),
      );
      // The CPU cell is the canonical sum of the containers.
      const first = sample.pods[0];
      const nano = first?.containers.reduce((n, c) => n + parseCpuNanocores(c.usage.cpu), 0) ?? 0;
      expect(parseCpuNanocores(podRows[1]?.[2] as string)).toBe(nano);
    });
  });

  it('get --raw on metrics.k8s.io returns metrics-server shaped lists', async () => {
    await withStableSample(async (sample) => {
      const { code, stdout } = await kubectl.run([
        'get',
        '--raw',
        '/apis/metrics.k8s.io/v1beta1/pods',
      ]);
      expect(code).toBe(0);
      const list = JSON.parse(stdout) as {
        kind: string;
        apiVersion: string;
        metadata: object;
        items: Record<string, unknown>[];
      };
      expect(list.kind).toBe('PodMetricsList');
      expect(list.apiVersion).toBe('metrics.k8s.io/v1beta1');
      expect(list.metadata).toEqual({});
      // metrics-server stamps creationTimestamp with the request time, so compare the rest.
      const strip = (items: readonly object[]): unknown[] =>
        items.map((i) => {
          const { metadata, ...rest } = i as { metadata: { creationTimestamp?: string } };
          const { creationTimestamp: _ignored, ...meta } = metadata;
          return { ...rest, metadata: meta };
        });
      expect(strip(list.items)).toEqual(strip(sample.pods));
      for (const item of list.items) expect(item).not.toHaveProperty('kind');
    });
  });
});

describe('kubectl get --watch under churn', () => {
  let churny: RunningSim;
  let churnyKubectl: ReturnType<typeof kubectlFor>;

  beforeAll(async () => {
    churny = await startSim({
      nodes: 3,
      pods: 20,
      namespaces: 2,
      churnPerMinute: 600,
      resolutionMs: 1000,
    });
    churnyKubectl = kubectlFor(churny);
  });

  afterAll(async () => {
    churnyKubectl?.dispose();
    await churny?.stop();
  });

  it('streams the initial pods and then the churn events', async () => {
    const before = new Set(churny.cluster.store.list('pods').map((p) => p.metadata.name));
    // kubectl watches until killed; the 5 s timeout ends it and we read what it printed.
    const { stdout } = await churnyKubectl.run(
      ['get', 'pods', '-A', '--watch', '--output-watch-events'],
      5000,
    );
    const rows = columns(stdout);
    expect(rows[0]?.slice(0, 3)).toEqual(['EVENT', 'NAMESPACE', 'NAME']);
    const events = rows.slice(1);
    const initial = events.filter((r) => r[0] === 'ADDED' && before.has(String(r[2])));
    expect(initial.length).toBeGreaterThan(0);
    const churn = events.filter(
      (r) =>
        r[0] === 'DELETED' ||
        r[0] === 'MODIFIED' ||
        (r[0] === 'ADDED' && !before.has(String(r[2]))),
    );
    expect(churn.length).toBeGreaterThan(3);
  });
});
