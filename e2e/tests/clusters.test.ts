/**
 * Two clusters from one kubeconfig (`--all-contexts`): the header's cluster switcher lists and
 * switches them, and the wall screen gives each one compact row, then a page of its own.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NodeRow, SampledListResponse, Summary } from '@kubeglance/shared/api';
import { BIG, FULL_HD, SMALL } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { readTable, rowHeaderNames, rowsByName, texts, waitForScreen } from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();
const clusters = [BIG, SMALL] as const;

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function expectNodeRows(page: Page, count: number) {
  await waitForScreen(
    () => rowHeaderNames(page.getByRole('table', { name: 'Nodes' })),
    (names) => names.length === count,
    { what: `${count} rows in the node table` },
  );
}

describe('two clusters', () => {
  it('the cluster switcher lists both clusters and switches between them, keeping the range', async () => {
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}?range=1h`);
    await h1(page, BIG.name).waitFor();
    const switcher = page.getByRole('combobox', { name: 'Cluster' });
    // Options read "name" or "name (degraded)"; the value is the bare name.
    const options = await switcher
      .getByRole('option')
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect([...options].sort()).toEqual(clusters.map((c) => c.name).sort());
    expect(await switcher.inputValue()).toBe(BIG.name);
    await expectNodeRows(page, BIG.nodes);

    await switcher.selectOption(SMALL.name);
    await h1(page, SMALL.name).waitFor();
    await waitFor(() => new URL(page.url()).pathname === `/clusters/${SMALL.name}`, {
      what: 'the small cluster’s URL',
    });
    expect(new URL(page.url()).searchParams.get('range')).toBe('1h');
    expect(await switcher.inputValue()).toBe(SMALL.name);
    await expectNodeRows(page, SMALL.nodes);
    await page.getByRole('region', { name: 'Usage over the last 1h' }).waitFor();

    // "/" opens the cluster chosen last.
    await page.goto('/');
    await h1(page, SMALL.name).waitFor();
    await expectNodeRows(page, SMALL.nodes);

    await switcher.selectOption(BIG.name);
    await h1(page, BIG.name).waitFor();
    await expectNodeRows(page, BIG.nodes);
  });

  it('switching cluster on a namespace page keeps the namespace when the other cluster has it', async () => {
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}/namespaces/kube-system?range=15m`);
    await page.getByRole('heading', { level: 1, name: 'Namespace kube-system' }).waitFor();
    expect(await page.title()).toContain('kube-system');
    await page.getByRole('combobox', { name: 'Cluster' }).selectOption(SMALL.name);
    await waitFor(
      () => new URL(page.url()).pathname === `/clusters/${SMALL.name}/namespaces/kube-system`,
      { what: 'the same namespace in the other cluster' },
    );
    expect(new URL(page.url()).searchParams.get('range')).toBe('15m');
  });

  it('the NOC summary has one compact row per cluster with its own numbers', async () => {
    const page = await env().newPage(FULL_HD);
    await page.goto('/noc?rotate=10m');
    await h1(page, 'All clusters').waitFor();
    const table = page.getByRole('table', { name: 'Clusters' });
    await table.getByRole('rowheader').first().waitFor();

    const summaries = () =>
      Promise.all(clusters.map((c) => env().api<Summary>(`/api/v1/clusters/${c.name}/summary`)));
    await waitForScreen(
      async () => ({ table: await readTable(table), api: await summaries() }),
      ({ table: t, api }) => {
        const rows = rowsByName(t);
        if (t.rows.length !== clusters.length) return `${t.rows.length} rows`;
        const wrong = api.filter((s) => {
          const row = rows.get(s.cluster);
          return (
            row?.Status !== 'OK' ||
            row.CPU !== `${s.cpu.percent}%` ||
            row.Memory !== `${s.memory.percent}%`
          );
        });
        return wrong.length === 0 || `rows of ${wrong.map((s) => s.cluster).join(', ')} differ`;
      },
      { what: 'one row per cluster with its CPU and memory %' },
    );
    expect(await rowHeaderNames(table)).toEqual(clusters.map((c) => c.name));

    // Each row's hottest node is one of that cluster's nodes; each cluster has its heat-map.
    const rows = rowsByName(await readTable(table));
    for (const c of clusters) {
      const { items } = await env().api<SampledListResponse<NodeRow>>(
        `/api/v1/clusters/${c.name}/nodes`,
      );
      const hottest = rows.get(c.name)?.['Hottest node'] ?? '';
      expect(
        items.some((n) => hottest.startsWith(`${n.name} `)),
        hottest,
      ).toBe(true);
      const labels = await page
        .getByRole('region', { name: `Nodes of ${c.name}` })
        .getByRole('list', { name: 'Node heat-map' })
        .getByRole('listitem')
        .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
      expect(labels, `heat-map of ${c.name}`).toHaveLength(c.nodes);
      for (const n of items)
        expect(
          labels.some((l) => l.startsWith(`${n.name}: `)),
          n.name,
        ).toBe(true);
    }
  });

  it('the NOC rotates from the summary to each cluster’s page', async () => {
    const page = await env().newPage(FULL_HD);
    // 5 s is the shortest rotation the wall screen accepts.
    await page.goto('/noc?rotate=5s');
    const pages = ['All clusters', BIG.name, SMALL.name, 'All clusters'];
    for (const [i, title] of pages.entries()) {
      await h1(page, title).waitFor({ timeout: 30_000 });
      if (title !== 'All clusters') {
        await page.getByRole('region', { name: 'CPU usage' }).waitFor();
        const tiles = page
          .getByRole('region', { name: 'Nodes', exact: true })
          .getByRole('list', { name: 'Node heat-map' })
          .getByRole('listitem');
        expect(await texts(tiles)).toHaveLength(title === BIG.name ? BIG.nodes : SMALL.nodes);
      }
      // Position indicator, e.g. "page 2 of 3".
      await page.getByLabel(`page ${(i % 3) + 1} of 3`).waitFor({ state: 'attached' });
    }
  });
});
