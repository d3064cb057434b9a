import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamespaceRow, PodRow, SampledListResponse, Summary } from '@kubeglance/shared/api';
import { eventually, startHarness, type Harness } from './harness.js';

let h: Harness;
const base = () => `/api/v1/clusters/${h.cluster}`;

beforeAll(async () => {
  h = await startHarness({ resolutionMs: 1000, churnPerMinute: 600, pods: 60 });
  await eventually(
    async () => (await h.get<Summary>(`${base()}/summary`)).body.timestampMs,
    20_000,
  );
});
afterAll(() => h?.stop());

async function allPods(): Promise<Set<string>> {
  const ns = await h.get<SampledListResponse<NamespaceRow>>(`${base()}/namespaces`);
  const names = new Set<string>();
  for (const n of ns.body.items) {
    const pods = await h.get<SampledListResponse<PodRow>>(`${base()}/namespaces/${n.name}/pods`);
    for (const p of pods.body.items) names.add(`${p.namespace}/${p.name}`);
  }
  return names;
}

describe('churn', () => {
  it('deleted pods leave and new pods appear without a restart, new ones warming up', async () => {
    const before = await allPods();
    const result = await eventually(
      async () => {
        const now = await allPods();
        const gone = [...before].filter((p) => !now.has(p));
        const added = [...now].filter((p) => !before.has(p));
        return gone.length > 0 && added.length > 0 ? { gone, added } : undefined;
      },
      20_000,
      'pods to churn',
    );
    expect(result.gone.length).toBeGreaterThan(0);
    const [ns, name] = result.added[0]!.split('/') as [string, string];
    const pods = await h.get<SampledListResponse<PodRow>>(`${base()}/namespaces/${ns}/pods`);
    const pod = pods.body.items.find((p) => p.name === name);
    expect(pod).toBeDefined();
    if (pod!.metrics !== 'ok') {
      expect(pod!.metrics).toBe('warming-up');
      expect(pod!.cpu.usageMillicores).toBeNull();
    }
  });
});
