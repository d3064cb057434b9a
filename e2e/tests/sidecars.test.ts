/**
 * Native sidecars (restartable init containers, in the simulator's default workloads) are shown
 * as sidecars: marked in the namespace drilldown's expanded rows and on the pod page.
 */
import { describe, expect, it } from 'vitest';
import type { NamespaceRow, PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { BIG } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

/** A running pod with a native sidecar that has metrics, from the API. */
async function podWithSidecar(): Promise<{ pod: PodRow; sidecar: string }> {
  const { items } = await api<SampledListResponse<NamespaceRow>>('/namespaces');
  for (const ns of items) {
    const pods = await api<SampledListResponse<PodRow>>(`/namespaces/${ns.name}/pods`);
    for (const pod of pods.items) {
      const side = pod.containers.find((c) => c.kind === 'sidecar');
      if (side && pod.metrics === 'ok') return { pod, sidecar: side.name };
    }
  }
  throw new Error('the simulator has no pod with a native sidecar');
}

describe('native sidecars', () => {
  it('are marked as sidecars in the drilldown and on the pod page', async () => {
    const { pod, sidecar } = await podWithSidecar();
    const page = await env().newPage();
    const nsPath = `/clusters/${BIG.name}/namespaces/${pod.namespace}`;
    await page.goto(`${nsPath}?q=${encodeURIComponent(pod.name)}`);
    await page.getByRole('button', { name: `Show containers of ${pod.name}` }).click();
    const row = page.getByRole('row').filter({ hasText: `sidecar of ${pod.name}` });
    await row.first().waitFor({ timeout: 15_000 });
    const header = (await row.first().getByRole('rowheader').innerText()).replace(/\s+/g, ' ');
    expect(header).toContain(`${sidecar} sidecar`);
    // A regular container of the same pod is not marked.
    const regular = pod.containers.find((c) => c.kind === 'container')!;
    const plain = page.getByRole('row').filter({ hasText: `container of ${pod.name}` });
    expect((await plain.first().getByRole('rowheader').innerText()).trim()).toMatch(
      new RegExp(`${regular.name}$`),
    );

    await page.goto(`${nsPath}/pods/${encodeURIComponent(pod.name)}`);
    const heading = page.getByRole('heading', {
      level: 2,
      name: new RegExp(`Container ${sidecar}`),
    });
    await waitFor(async () => (await heading.count()) === 1, {
      timeout: 15_000,
      what: `the ${sidecar} panel`,
    });
    expect((await heading.innerText()).replace(/\s+/g, ' ')).toBe(`Container ${sidecar} sidecar`);
  });
});
