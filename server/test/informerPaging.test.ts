import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '@kubeglance/shared/api';
import { eventually, simGet, startHarness, type Harness } from './harness.js';

/** Large lists are read in pages, as kubectl does, and the inventory is still complete. */
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ nodes: 20, pods: 1200, namespaces: 6 });
  await eventually(
    async () =>
      (await h.get<Summary>(`/api/v1/clusters/${h.cluster}/summary`)).body.status.inventorySynced,
    30_000,
    'inventory sync',
  );
});
afterAll(() => h?.stop());

describe('informer lists', () => {
  it('lists pods in pages of 500 with continue tokens and sees every pod', async () => {
    const { items } = await simGet<{ items: { path: string; query: string }[] }>(
      h.sim,
      '/_sim/requests',
    );
    const podLists = items.filter((r) => r.path === '/api/v1/pods' && !r.query.includes('watch'));
    expect(podLists.length).toBeGreaterThanOrEqual(3);
    expect(podLists.every((r) => r.query.includes('limit=500'))).toBe(true);
    expect(podLists.filter((r) => r.query.includes('continue=')).length).toBeGreaterThanOrEqual(2);
    const { body } = await h.get<Summary>(`/api/v1/clusters/${h.cluster}/summary`);
    expect(body.pods.total).toBe(1200);
  });
});
