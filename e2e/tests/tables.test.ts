/**
 * Sorting and filtering the node table (overview) and the pod table (namespace drilldown):
 * a header click sets `aria-sort` and orders the rows, a second click reverses them, and
 * typing into the filter leaves exactly the matching rows.
 */
import { describe, expect, it } from 'vitest';
import type { NamespaceRow, NodeRow, PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { BIG } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import {
  ariaSort,
  collectVirtualRows,
  column,
  inOrder,
  leadingNumber,
  readTable,
  rowHeaderNames,
  sortBy,
  waitForScreen,
} from './fixtures/ui.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

/** Waits until column `name` of `table` reads in `dir` order (numbers parsed, unknowns last). */
async function expectColumnOrder(
  table: ReturnType<typeof tableOf>,
  name: string,
  dir: 'asc' | 'desc',
  parse: (text: string) => number | string | null,
) {
  await waitForScreen(
    async () => column(await readTable(table), name),
    (values) => (values.length > 1 && inOrder(values.map(parse), dir)) || 'too few rows',
    { timeout: 15_000, what: `column "${name}" in ${dir} order` },
  );
}

const tableOf = (page: Awaited<ReturnType<ReturnType<typeof env>['newPage']>>, name: string) =>
  page.getByRole('table', { name, exact: true });

describe('node table', () => {
  it('node table sorts by a column header, and reverses on the second click', async () => {
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}`);
    const table = tableOf(page, 'Nodes');
    await table.getByRole('rowheader').first().waitFor();

    // Default: by name, ascending.
    expect(await ariaSort(table, 'Name')).toBe('ascending');
    await expectColumnOrder(table, 'Name', 'asc', (t) => t);

    // A numeric column starts with the biggest first.
    await sortBy(table, 'CPU(cores)', 'descending');
    expect(await ariaSort(table, 'Name')).toBeNull();
    await expectColumnOrder(table, 'CPU(cores)', 'desc', leadingNumber);
    expect(new URL(page.url()).searchParams.get('nsort')).toBe('-cpu');

    await sortBy(table, 'CPU(cores)', 'ascending');
    await expectColumnOrder(table, 'CPU(cores)', 'asc', leadingNumber);

    await sortBy(table, 'MEMORY%', 'descending');
    await expectColumnOrder(table, 'MEMORY%', 'desc', leadingNumber);
    await sortBy(table, 'MEMORY%', 'ascending');
    await expectColumnOrder(table, 'MEMORY%', 'asc', leadingNumber);

    // Text columns start A→Z; the name sort reverses to Z→A.
    await sortBy(table, 'Name', 'ascending');
    await expectColumnOrder(table, 'Name', 'asc', (t) => t);
    await sortBy(table, 'Name', 'descending');
    await expectColumnOrder(table, 'Name', 'desc', (t) => t);
  });

  it('node table filters by name or role', async () => {
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}`);
    const table = tableOf(page, 'Nodes');
    await table.getByRole('rowheader').first().waitFor();
    const { items } = await api<SampledListResponse<NodeRow>>('/nodes');
    const filter = page.getByRole('searchbox', { name: 'Filter nodes' });

    for (const query of ['control-plane', 'worker-00', 'WORKER-001']) {
      const q = query.toLowerCase();
      const expected = items
        .filter((n) => [n.name, ...n.roles].some((f) => f.toLowerCase().includes(q)))
        .map((n) => n.name)
        .sort();
      expect(expected.length, `some node should match "${query}"`).toBeGreaterThan(0);
      expect(expected.length, `not every node should match "${query}"`).toBeLessThan(items.length);
      await filter.fill(query);
      await waitForScreen(
        async () => (await rowHeaderNames(table)).sort(),
        (names) => JSON.stringify(names) === JSON.stringify(expected) || 'rows differ',
        { timeout: 15_000, what: `only the nodes matching "${query}"` },
      );
      await page
        .getByText(`${expected.length} of ${items.length} nodes match “${query}”`)
        .waitFor();
      expect(new URL(page.url()).searchParams.get('nq')).toBe(query);
    }

    await filter.fill('no-such-node');
    await waitForScreen(
      () => rowHeaderNames(table),
      (names) => names.length === 0,
      { timeout: 15_000, what: 'no rows for a filter nothing matches' },
    );
    await page.getByText(`0 of ${items.length} nodes match`).waitFor();

    await filter.fill('');
    await waitForScreen(
      () => rowHeaderNames(table),
      (names) => names.length === items.length,
      { timeout: 15_000, what: 'all rows back after clearing the filter' },
    );
  });
});

describe('pod table', () => {
  /** A namespace with enough pods to make sorting meaningful. */
  async function busyNamespace(): Promise<string> {
    const { items } = await api<SampledListResponse<NamespaceRow>>('/namespaces');
    const ns = [...items].sort((a, b) => b.pods - a.pods)[0];
    if (!ns) throw new Error('no namespaces');
    return ns.name;
  }

  it('pod table sorts by a column header, and reverses on the second click', async () => {
    const ns = await busyNamespace();
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}`);
    const table = tableOf(page, 'Pods');
    await table.getByRole('rowheader').first().waitFor();

    // Default: CPU usage, biggest first.
    expect(await ariaSort(table, 'CPU')).toBe('descending');
    await expectColumnOrder(table, 'CPU', 'desc', leadingNumber);

    await sortBy(table, 'MEM', 'descending');
    expect(await ariaSort(table, 'CPU')).toBeNull();
    await expectColumnOrder(table, 'MEM', 'desc', leadingNumber);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-memory');
    await sortBy(table, 'MEM', 'ascending');
    await expectColumnOrder(table, 'MEM', 'asc', leadingNumber);

    await sortBy(table, 'Restarts', 'descending');
    await expectColumnOrder(table, 'Restarts', 'desc', leadingNumber);
    await sortBy(table, 'Restarts', 'ascending');
    await expectColumnOrder(table, 'Restarts', 'asc', leadingNumber);

    await sortBy(table, 'Name', 'ascending');
    await expectColumnOrder(table, 'Name', 'asc', (t) => t);
    await sortBy(table, 'Name', 'descending');
    await expectColumnOrder(table, 'Name', 'desc', (t) => t);
  });

  it('pod table filters by pod name and by node', async () => {
    const ns = await busyNamespace();
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}`);
    const table = tableOf(page, 'Pods');
    await table.getByRole('rowheader').first().waitFor();
    const filter = page.getByRole('searchbox', { name: 'Filter pods' });
    const podsPath = `/namespaces/${ns}/pods`;
    const scroller = page.getByLabel('Pods table, scrollable');

    // A workload's name prefix (first pod's name without its two generated suffixes) and a node.
    const { items } = await api<SampledListResponse<PodRow>>(podsPath);
    const workload = (items.find((p) => /-[a-z0-9]+-[a-z0-9]{5}$/.test(p.name))?.name ?? '')
      .split('-')
      .slice(0, -2)
      .join('-');
    const node = items.find((p) => p.node)?.node ?? '';
    for (const query of [workload, node]) {
      expect(query, 'a query to filter by').not.toBe('');
      await filter.fill(query);
      await waitForScreen(
        async () => {
          const { items: pods } = await api<SampledListResponse<PodRow>>(podsPath);
          const expected = pods
            .filter((p) =>
              [p.name, p.node, p.phase, ...p.containers.map((c) => c.name)].some(
                (f) => f != null && f.toLowerCase().includes(query.toLowerCase()),
              ),
            )
            .map((p) => p.name)
            .sort();
          // The table is virtualised: scroll through it to see every matching row.
          const { rows } = await collectVirtualRows(table, scroller);
          const shown = rows.map((r) => r[0] ?? '').sort();
          return { shown, expected, total: pods.length };
        },
        ({ shown, expected, total }) =>
          (expected.length > 0 &&
            expected.length < total &&
            JSON.stringify(shown) === JSON.stringify(expected)) ||
          'rows differ',
        { timeout: 20_000, what: `only the pods matching "${query}"` },
      );
      await page.getByText(new RegExp(`^\\d+ of \\d+ pods match “${query}”`)).waitFor();
    }

    await filter.fill('no-such-pod');
    // The table's own message (the charts above say theirs).
    await page.getByText('No pod matches the filter.', { exact: true }).waitFor();
    await page.getByText('No pod matches the filter: nothing to chart.').waitFor();
    expect(await table.count()).toBe(0);
  });
});
