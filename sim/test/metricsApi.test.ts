/**
 * metrics.k8s.io as a real metrics-server answers it, over raw HTTPS: field selectors, Table
 * output, 404 wording, HA replicas, and the `clock-skew` and `bad-items` faults. Also the
 * apiserver's `watch` flag truthiness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import type { NodeMetricsItem, PodMetricsItem } from '../src/model/types.js';
import { OVERFLOW_CPU, skewedNode } from '../src/http/metricsFaults.js';
import { raw } from './helpers.js';

let sim: RunningSim;
let two: RunningSim;
const BASE = '/apis/metrics.k8s.io/v1beta1';
const TABLE = { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' };

beforeAll(async () => {
  [sim, two] = await Promise.all([
    startSim({ nodes: 4, pods: 60, namespaces: 3, churnPerMinute: 0 }),
    startSim({ nodes: 3, pods: 20, namespaces: 2, churnPerMinute: 0, metricsReplicas: 2 }),
  ]);
});

afterAll(async () => {
  await Promise.all([sim?.stop(), two?.stop()]);
});

const podList = async (path: string) =>
  (await raw(sim, path)).json<{ items: PodMetricsItem[] }>().items;
const nodeList = async (s: RunningSim, path = `${BASE}/nodes`) =>
  (await raw(s, path)).json<{ items: NodeMetricsItem[] }>().items;

describe('field selectors on metrics lists', () => {
  it('filters pods by metadata.name and metadata.namespace, nodes by metadata.name', async () => {
    const all = await podList(`${BASE}/pods`);
    const target = all[3] as PodMetricsItem;
    const byName = await podList(
      `${BASE}/pods?fieldSelector=${encodeURIComponent(`metadata.name=${target.metadata.name}`)}`,
    );
    expect(byName.map((p) => p.metadata.name)).toEqual([target.metadata.name]);
    const ns = target.metadata.namespace;
    const notNs = await podList(`${BASE}/pods?fieldSelector=metadata.namespace!%3D${ns}`);
    expect(notNs.length).toBe(all.filter((p) => p.metadata.namespace !== ns).length);
    expect(notNs.every((p) => p.metadata.namespace !== ns)).toBe(true);
    const nodes = await nodeList(sim);
    const first = nodes[0]?.metadata.name as string;
    expect(
      (await nodeList(sim, `${BASE}/nodes?fieldSelector=metadata.name%3D${first}`)).map(
        (n) => n.metadata.name,
      ),
    ).toEqual([first]);
  });

  it('refuses other field labels with 400', async () => {
    const res = await raw(sim, `${BASE}/pods?fieldSelector=spec.nodeName%3Dx`);
    expect(res.status).toBe(400);
    expect(res.json()).toMatchObject({ message: 'field label not supported: spec.nodeName' });
  });
});

describe('Table output', () => {
  it('prints Name, cpu, memory and Window like metrics-server', async () => {
    const table = (await raw(sim, `${BASE}/nodes`, { headers: TABLE })).json<{
      kind: string;
      columnDefinitions: { name: string; format: string }[];
      rows: { cells: string[]; object: { kind: string; metadata: { name: string } } }[];
    }>();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.map((c) => [c.name, c.format])).toEqual([
      ['Name', 'name'],
      ['cpu', 'quantity'],
      ['memory', 'quantity'],
      ['Window', 'duration'],
    ]);
    const nodes = await nodeList(sim);
    expect(table.rows.map((r) => r.cells[0])).toEqual(nodes.map((n) => n.metadata.name));
    expect(table.rows[0]?.object.kind).toBe('PartialObjectMetadata');
    const pods = (await raw(sim, `${BASE}/pods`, { headers: TABLE })).json<{
      rows: { cells: string[] }[];
    }>();
    // Pod cells are the canonical sum over containers; the window is the item's.
    const items = await podList(`${BASE}/pods`);
    const row = pods.rows.find((r) => r.cells[0] === items[0]?.metadata.name);
    expect(row?.cells[3]).toBe(items[0]?.window);
    expect(row?.cells[1]).toMatch(/^(0|\d+[num]?)$/);
  });
});

describe('404 wording', () => {
  it('says pods/nodes for missing objects and podmetrics/nodemetrics for missing metrics', async () => {
    const ghost = await raw(sim, `${BASE}/namespaces/default/pods/ghost`);
    expect([ghost.status, ghost.json().message]).toEqual([404, 'pods "ghost" not found']);
    const node = await raw(sim, `${BASE}/nodes/ghost`);
    expect([node.status, node.json().message]).toEqual([404, 'nodes "ghost" not found']);
    const pods = (await raw(sim, '/api/v1/pods')).json<{
      items: { metadata: { name: string; namespace: string }; status: { phase: string } }[];
    }>().items;
    const pending = pods.find((p) => p.status.phase !== 'Running');
    if (pending === undefined) throw new Error('the test cluster has no non-Running pod');
    const { namespace, name } = pending.metadata;
    const none = await raw(sim, `${BASE}/namespaces/${namespace}/pods/${name}`);
    expect([none.status, none.json().message]).toEqual([
      404,
      `podmetrics.metrics.k8s.io "${namespace}/${name}" not found`,
    ]);
  });
});

describe('metrics-server replicas', () => {
  it('answers alternately with offset scrapes', async () => {
    // Frozen scrapes (metrics-stale), so no period boundary can fall between the requests.
    two.faults.set('metrics-stale');
    const stamps = [];
    for (let i = 0; i < 4; i++) stamps.push((await nodeList(two))[0]?.timestamp);
    two.faults.clear('metrics-stale');
    expect(stamps[0]).toBe(stamps[2]);
    expect(stamps[1]).toBe(stamps[3]);
    expect(stamps[0]).not.toBe(stamps[1]);
  });
});

describe('faults', () => {
  it('clock-skew: one node and its pods are stamped an hour ahead', async () => {
    const before = await nodeList(sim);
    sim.faults.set('clock-skew');
    try {
      const after = await nodeList(sim);
      const skewed = skewedNode(sim.cluster.store);
      for (const n of after) {
        const was = Date.parse(
          before.find((b) => b.metadata.name === n.metadata.name)?.timestamp ?? '',
        );
        const delta = Date.parse(n.timestamp) - was;
        if (n.metadata.name === skewed) expect(delta).toBeGreaterThanOrEqual(3_600_000 - 60_000);
        else expect(delta).toBeLessThan(60_000);
      }
      const pods = await podList(`${BASE}/pods`);
      const onSkewed = pods.filter(
        (p) =>
          sim.cluster.store.get('pods', p.metadata.namespace, p.metadata.name)?.spec?.nodeName ===
          skewed,
      );
      expect(onSkewed.length).toBeGreaterThan(0);
      for (const p of onSkewed)
        expect(Date.parse(p.timestamp ?? '')).toBeGreaterThan(Date.now() + 3_000_000);
    } finally {
      sim.faults.clear('clock-skew');
    }
  });

  it('bad-items: null timestamp, empty containers, overflowing quantity, duplicate', async () => {
    const res = await raw(sim, '/_sim/faults', { method: 'POST', body: { set: ['bad-items'] } });
    expect(res.json()).toMatchObject({ active: ['bad-items'] });
    try {
      const text = (await raw(sim, `${BASE}/pods`)).text;
      expect(text).toContain('"timestamp":null');
      const items = JSON.parse(text).items as PodMetricsItem[];
      expect(items.filter((p) => p.timestamp === null && p.containers.length === 0)).toHaveLength(
        1,
      );
      expect(items.filter((p) => p.timestamp !== null && p.containers.length === 0)).toHaveLength(
        1,
      );
      expect(
        items.flatMap((p) => p.containers).filter((c) => c.usage.cpu === OVERFLOW_CPU),
      ).toHaveLength(1);
      const keys = items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
      expect(keys.length - new Set(keys).size).toBe(1);
    } finally {
      await raw(sim, '/_sim/faults', { method: 'POST', body: { clear: ['bad-items'] } });
    }
    const clean = await podList(`${BASE}/pods`);
    expect(clean.every((p) => p.timestamp !== null && p.containers.length > 0)).toBe(true);
  });
});

describe('watch flag', () => {
  it('treats watch= and watch=yes as a watch, watch=0 and watch=false as a list', async () => {
    for (const flag of ['0', 'false', 'FALSE']) {
      const res = await raw(sim, `/api/v1/namespaces?watch=${flag}`);
      expect(res.json()).toMatchObject({ kind: 'NamespaceList' });
    }
    for (const flag of ['', 'yes', 'True']) {
      const res = await raw(sim, `/api/v1/namespaces?watch=${flag}&timeoutSeconds=1`);
      const first = JSON.parse(res.text.split('\n')[0] as string) as { type: string };
      expect(first.type).toBe('ADDED');
    }
  });
});
