/**
 * After a 410 Gone the informers must relist and keep watching: with churn running, the
 * simulator's request log shows the relist, and a pod created and one deleted after the 410
 * show up in (and vanish from) the server's rows. An informer that silently stopped after the
 * 410 would still serve its old, complete-looking rows, so the test looks at changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PodRow, SampledListResponse, Summary } from '@kubeglance/shared/api';
import type { ObjectStore } from '@kubeglance/sim/model/objectStore';
import type { KubeObject } from '@kubeglance/sim/model/types';
import { eventually, simGet, startHarness, type Harness } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    resolutionMs: 1000,
    nodes: 4,
    pods: 80,
    namespaces: 3,
    churnPerMinute: 240,
  });
  await eventually(
    async () =>
      (await h.get<Summary>(`/api/v1/clusters/${h.cluster}/summary`)).body.status.inventorySynced,
    30_000,
    'inventory sync',
  );
});
afterAll(() => h?.stop());

/** A bare pod (no owner, so churn leaves it alone) cloned from a running one. */
function barePod(name: string): KubeObject {
  const model = h.sim.cluster.store
    .list('pods')
    .find((p) => (p.status as { phase?: string } | undefined)?.phase === 'Running')!;
  const pod = structuredClone(model);
  pod.metadata = {
    ...pod.metadata,
    name,
    uid: `uid-${name}`,
    creationTimestamp: new Date().toISOString(),
  };
  delete pod.metadata.ownerReferences;
  return pod;
}

async function serverPodNames(namespace: string): Promise<string[]> {
  const { status, body } = await h.get<SampledListResponse<PodRow>>(
    `/api/v1/clusters/${h.cluster}/namespaces/${namespace}/pods`,
  );
  expect(status).toBe(200);
  return body.items.map((p) => p.name);
}

interface Logged {
  method: string;
  path: string;
  query: string;
  timeMs: number;
}

describe('watch-gone (410) under churn', () => {
  it('relists, then keeps watching: a pod created and one deleted after the 410 show', async () => {
    // The simulator's store is writable underneath its read-only interface: the test plays
    // the part of a controller creating and deleting pods.
    const store = h.sim.cluster.store as ObjectStore;
    const victim = barePod('before-410');
    const ns = victim.metadata.namespace!;
    store.create('pods', victim);
    await eventually(
      async () => (await serverPodNames(ns)).includes('before-410'),
      15_000,
      'the pre-410 pod in the rows',
    );

    const goneAt = Date.now();
    h.sim.faults.set('watch-gone');
    const relisted = await eventually(
      async () => {
        const { items } = await simGet<{ items: Logged[] }>(h.sim, '/_sim/requests');
        return items.find(
          (r) =>
            r.method === 'GET' &&
            r.path === '/api/v1/pods' &&
            !/(^|&)watch=/.test(r.query) &&
            r.timeMs >= goneAt,
        );
      },
      15_000,
      'a pod relist after the 410',
    );
    expect(relisted.query).toMatch(/limit=500/);

    // Changes while watches keep failing, then the fault clears: only a working informer
    // (relist + new watch) can bring them to the rows.
    store.create('pods', barePod('after-410'));
    store.delete('pods', ns, 'before-410');
    h.sim.faults.clear('watch-gone');

    await eventually(
      async () => {
        const now = await serverPodNames(ns);
        return now.includes('after-410') && !now.includes('before-410');
      },
      20_000,
      'the created pod in and the deleted pod out of the rows',
    );
    // And the rows are the simulator's pods, churn included, not a stale copy with two names
    // patched: at some moment both sides list exactly the same pods.
    await eventually(
      async () => {
        const truth = store
          .list('pods')
          .filter((p) => p.metadata.namespace === ns)
          .map((p) => p.metadata.name)
          .sort();
        const rows = (await serverPodNames(ns)).sort();
        return JSON.stringify(rows) === JSON.stringify(truth);
      },
      20_000,
      "the server's rows equal to the simulator's pods",
    );
  });
});
