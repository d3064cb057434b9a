/**
 * Lists over raw HTTPS: chunking with limit/continue (also under churn), label and field
 * selectors on core and metrics lists, and server-side Tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSim } from '../src/index.js';
import { encodeContinue } from '../src/http/paging.js';
import type { KubeObject } from '../src/model/types.js';
import { key, raw, startQuietAndChurny, type List } from './helpers.js';

let sim: RunningSim;
let churny: RunningSim;

beforeAll(async () => {
  ({ quiet: sim, churny } = await startQuietAndChurny());
});

afterAll(async () => {
  await Promise.all([sim?.stop(), churny?.stop()]);
});
async function listAll(
  target: RunningSim,
  path: string,
  limit: number,
): Promise<{ keys: string[]; rvs: Set<string>; pages: number }> {
  const keys: string[] = [];
  const rvs = new Set<string>();
  let token: string | undefined;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await raw(
      target,
      `${path}${sep}limit=${limit}${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
    );
    expect(res.status).toBe(200);
    const list = res.json<List>();
    keys.push(...list.items.map(key));
    rvs.add(list.metadata.resourceVersion);
    token = list.metadata.continue;
    pages++;
  } while (token && pages < 1000);
  return { keys, rvs, pages };
}
describe('lists', () => {
  it('pages with limit/continue over every pod exactly once at one resourceVersion', async () => {
    const all = sim.cluster.store.list('pods').map(key);
    const first = (await raw(sim, '/api/v1/pods?limit=7')).json<List>();
    expect(first.items).toHaveLength(7);
    expect(first.metadata.remainingItemCount).toBe(all.length - 7);
    const { keys, rvs, pages } = await listAll(sim, '/api/v1/pods', 7);
    expect(keys).toEqual(all);
    expect(rvs.size).toBe(1);
    expect(pages).toBe(Math.ceil(all.length / 7));
    const byNamespace = await listAll(
      sim,
      `/api/v1/namespaces/${sim.cluster.store.list('namespaces')[0]?.metadata.name}/pods`,
      4,
    );
    expect(byNamespace.keys).toEqual(
      sim.cluster.store
        .list('pods')
        .filter(
          (p) => p.metadata.namespace === sim.cluster.store.list('namespaces')[0]?.metadata.name,
        )
        .map(key),
    );
  });

  it('never repeats an item while pods churn between pages', async () => {
    const before = new Set(churny.cluster.store.list('pods').map(key));
    const walked: string[] = [];
    let token: string | undefined;
    do {
      const list = (
        await raw(
          churny,
          `/api/v1/pods?limit=3${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
        )
      ).json<List>();
      walked.push(...list.items.map(key));
      token = list.metadata.continue;
      await new Promise((r) => setTimeout(r, 30)); // let churn happen between pages
    } while (token);
    const after = new Set(churny.cluster.store.list('pods').map(key));
    expect(new Set(walked).size).toBe(walked.length);
    // Everything that existed for the whole walk was returned.
    for (const k of before) if (after.has(k)) expect(walked).toContain(k);
  });

  it('rejects bad continue tokens with 400 and too old ones with 410 Expired', async () => {
    const bad = await raw(sim, '/api/v1/pods?limit=2&continue=%%%');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ reason: 'BadRequest', code: 400 });
    const old = encodeContinue({ rv: 0, after: '' });
    const gone = await raw(sim, `/api/v1/pods?limit=2&continue=${old}`);
    expect(gone.status).toBe(410);
    expect(gone.json()).toMatchObject({ reason: 'Expired', code: 410 });
  });

  it('filters by label selector', async () => {
    const pods = sim.cluster.store.list('pods');
    const [labelKey, labelValue] = Object.entries(pods[0]?.metadata.labels ?? {})[0] ?? [];
    expect(labelKey).toBeDefined();
    const select = async (selector: string): Promise<string[]> =>
      (await raw(sim, `/api/v1/pods?labelSelector=${encodeURIComponent(selector)}`))
        .json<List>()
        .items.map(key);
    const has = (p: KubeObject): boolean => p.metadata.labels?.[String(labelKey)] === labelValue;
    expect(await select(`${labelKey}=${labelValue}`)).toEqual(pods.filter(has).map(key));
    expect(await select(`${labelKey}==${labelValue}`)).toEqual(pods.filter(has).map(key));
    expect(await select(`${labelKey}!=${labelValue}`)).toEqual(
      pods.filter((p) => !has(p)).map(key),
    );
    expect(await select(`${labelKey} in (${labelValue}, zzz)`)).toEqual(pods.filter(has).map(key));
    expect(await select(`${labelKey} notin (${labelValue})`)).toEqual(
      pods.filter((p) => !has(p)).map(key),
    );
    expect(await select(String(labelKey))).toEqual(
      pods.filter((p) => p.metadata.labels?.[String(labelKey)] !== undefined).map(key),
    );
    expect(await select(`!${labelKey}`)).toEqual(
      pods.filter((p) => p.metadata.labels?.[String(labelKey)] === undefined).map(key),
    );
    const bad = await raw(sim, `/api/v1/pods?labelSelector=${encodeURIComponent('a in b')}`);
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      reason: 'BadRequest',
      message: expect.stringContaining('unable to parse requirement'),
    });
  });

  it('filters by field selector and rejects unsupported fields', async () => {
    const pods = sim.cluster.store.list('pods');
    const node = String(pods[0]?.spec?.nodeName);
    const select = async (selector: string): Promise<string[]> =>
      (await raw(sim, `/api/v1/pods?fieldSelector=${encodeURIComponent(selector)}`))
        .json<List>()
        .items.map(key);
    expect(await select(`spec.nodeName=${node}`)).toEqual(
      pods.filter((p) => p.spec?.nodeName === node).map(key),
    );
    expect(await select(`spec.nodeName!=${node}`)).toEqual(
      pods.filter((p) => p.spec?.nodeName !== node).map(key),
    );
    const ns = String(pods[0]?.metadata.namespace);
    expect(
      await select(`metadata.namespace==${ns},metadata.name=${pods[0]?.metadata.name}`),
    ).toEqual([key(pods[0] as KubeObject)]);
    const bad = await raw(sim, '/api/v1/pods?fieldSelector=spec.foo%3Dx');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({
      reason: 'BadRequest',
      message: 'field label not supported: spec.foo',
    });
    const nodes = (
      await raw(
        sim,
        `/api/v1/nodes?fieldSelector=metadata.name%3D${sim.cluster.store.list('nodes')[1]?.metadata.name}`,
      )
    ).json<List>();
    expect(nodes.items).toHaveLength(1);
  });

  it('filters metrics lists by label selector, as kubectl top -l does', async () => {
    const pods = sim.cluster.store.list('pods');
    // A label that some pods have and others do not, so the filter visibly filters.
    const pairs = pods.flatMap((p) => Object.entries(p.metadata.labels ?? {}));
    const [labelKey, labelValue] =
      pairs.find(
        ([k, v]) => pods.filter((p) => p.metadata.labels?.[k] === v).length < pods.length / 2,
      ) ?? [];
    const selector = encodeURIComponent(`${labelKey}=${labelValue}`);
    const list = (
      await raw(sim, `/apis/metrics.k8s.io/v1beta1/pods?labelSelector=${selector}`)
    ).json<{
      items: { metadata: { name: string; namespace: string } }[];
    }>();
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      const pod = sim.cluster.store.get('pods', item.metadata.namespace, item.metadata.name);
      expect(pod?.metadata.labels?.[String(labelKey)]).toBe(labelValue);
    }
    const all = (await raw(sim, '/apis/metrics.k8s.io/v1beta1/pods')).json<{ items: unknown[] }>();
    expect(list.items.length).toBeLessThan(all.items.length);
    const node = sim.cluster.store.list('nodes')[0];
    const [nodeKey, nodeValue] =
      Object.entries(node?.metadata.labels ?? {}).find(([k]) => k === 'kubernetes.io/hostname') ??
      [];
    const nodes = (
      await raw(
        sim,
        `/apis/metrics.k8s.io/v1beta1/nodes?labelSelector=${encodeURIComponent(`${nodeKey}=${nodeValue}`)}`,
      )
    ).json<{
      items: { metadata: { name: string } }[];
    }>();
    expect(nodes.items.map((n) => n.metadata.name)).toEqual([node?.metadata.name]);
  });

  it('returns server-side Tables when asked, with PartialObjectMetadata rows', async () => {
    const res = await raw(sim, '/api/v1/nodes', {
      headers: { Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' },
    });
    const table = res.json<{
      kind: string;
      columnDefinitions: { name: string }[];
      rows: { cells: unknown[]; object: { kind: string } }[];
    }>();
    expect(table.kind).toBe('Table');
    expect(table.columnDefinitions.slice(0, 5).map((c) => c.name)).toEqual([
      'Name',
      'Status',
      'Roles',
      'Age',
      'Version',
    ]);
    expect(table.rows).toHaveLength(5);
    expect(table.rows[0]?.object.kind).toBe('PartialObjectMetadata');
  });
});
