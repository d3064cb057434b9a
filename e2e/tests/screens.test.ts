/**
 * Every screen renders the simulator's data: what the page shows is compared with what the
 * server's API says for the same cluster at the same moment (polling until both agree, since a
 * new sample lands every 2 s and churn adds and removes pods).
 */
import { describe, expect, it } from 'vitest';
import type {
  NamespaceRow,
  NodeRow,
  PodRow,
  SampledListResponse,
  Summary,
  TopPod,
} from '@kubeglance/shared/api';
import { formatBytesIEC, formatCores } from '@kubeglance/shared/humanFormat';
import { BIG, FULL_HD } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import {
  collectVirtualRows,
  facts,
  readTable,
  rowHeaderNames,
  rowsByName,
  waitForCharts,
  waitForScreen,
} from './fixtures/ui.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);
const sorted = (names: readonly string[]) => [...names].sort();

/** The namespace of e2e-big with the most pods (more than a screenful: the table virtualises). */
async function biggestNamespace(): Promise<string> {
  const { items } = await api<SampledListResponse<NamespaceRow>>('/namespaces');
  const top = [...items].sort((a, b) => b.pods - a.pods)[0];
  if (!top) throw new Error('e2e-big has no namespaces');
  return top.name;
}

describe('screens show real data from the simulator', () => {
  it('overview: node table, cluster totals, namespaces and top pods', async () => {
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}`);
    await page.getByRole('heading', { level: 1, name: BIG.name, exact: true }).waitFor();

    // Nodes: one row per simulated node, named as the API names them.
    const nodesTable = page.getByRole('table', { name: 'Nodes' });
    const nodes = await api<SampledListResponse<NodeRow>>('/nodes');
    expect(nodes.items).toHaveLength(BIG.nodes);
    await waitForScreen(
      () => rowHeaderNames(nodesTable),
      (names) => names.length === BIG.nodes,
      { what: `${BIG.nodes} node rows` },
    );
    expect(sorted(await rowHeaderNames(nodesTable))).toEqual(
      sorted(nodes.items.map((n) => n.name)),
    );
    await page.getByText(`${BIG.nodes} nodes`, { exact: true }).waitFor();

    // Cluster CPU and memory now: the same numbers as /summary.
    const cpu = page.getByRole('group', { name: 'CPU', exact: true });
    const memory = page.getByRole('group', { name: 'Memory', exact: true });
    await waitForScreen(
      async () => ({
        cpu: await cpu.innerText(),
        memory: await memory.innerText(),
        summary: await api<Summary>('/summary'),
      }),
      ({ cpu: c, memory: m, summary: s }) => {
        const want = [
          [
            c,
            `${formatCores(s.cpu.usageMillicores)} of ${formatCores(s.cpu.allocatableMillicores)} allocatable`,
          ],
          [c, `${s.cpu.percent}% used`],
          [
            m,
            `${formatBytesIEC(s.memory.usageBytes)} of ${formatBytesIEC(s.memory.allocatableBytes)} allocatable`,
          ],
          [m, `${s.memory.percent}% used`],
        ] as const;
        const missing = want.filter(([text, part]) => !text.includes(part)).map(([, p]) => p);
        return missing.length === 0 || `tiles lack ${JSON.stringify(missing)}`;
      },
      { what: 'the CPU and memory tiles to show /summary' },
    );
    const counts = page.getByRole('group', { name: 'Nodes and pods' });
    await waitForScreen(
      async () => ({ facts: await facts(counts), summary: await api<Summary>('/summary') }),
      ({ facts: f, summary: s }) =>
        f['Nodes ready'] === `${s.nodes.ready} / ${s.nodes.total}` &&
        f['Pods running'] === `${s.pods.running} / ${s.pods.total}`,
      { what: 'node and pod counts to match /summary' },
    );
    expect((await facts(counts))['Nodes ready']).toBe(`${BIG.nodes} / ${BIG.nodes}`);

    // Namespaces: every namespace, with its pod count.
    const nsTable = page.getByRole('table', { name: 'Namespaces' });
    await waitForScreen(
      async () => ({
        table: await readTable(nsTable),
        api: (await api<SampledListResponse<NamespaceRow>>('/namespaces')).items,
      }),
      ({ table, api: rows }) => {
        const shown = [...rowsByName(table)].map(([name, cells]) => `${name}:${cells.Pods}`);
        const expected = rows.map((n) => `${n.name}:${n.pods}`);
        return (
          JSON.stringify(sorted(shown)) === JSON.stringify(sorted(expected)) ||
          'namespace names or pod counts differ'
        );
      },
      { what: 'the namespace table to match /namespaces' },
    );

    // Top pods by CPU and by memory: the API's top ten, in its order.
    for (const [by, title] of [
      ['cpu', 'Top pods by CPU'],
      ['memory', 'Top pods by memory'],
    ] as const) {
      const table = page.getByRole('table', { name: title });
      await waitForScreen(
        async () => ({
          shown: await rowHeaderNames(table),
          api: (await api<SampledListResponse<TopPod>>(`/pods?sort=${by}&limit=10`)).items.map(
            (p) => p.name,
          ),
        }),
        ({ shown, api: names }) =>
          (shown.length === 10 && shown.join() === names.join()) || 'differ',
        { what: `"${title}" to list /pods?sort=${by}` },
      );
    }

    await page
      .getByRole('banner')
      .getByRole('timer', { name: 'Data age' })
      .filter({ hasText: /^updated \d+ s ago/ })
      .waitFor();
  });

  it('namespace drilldown lists every pod of the namespace, with node and phase', async () => {
    const ns = await biggestNamespace();
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}`);
    await page.getByRole('heading', { level: 1, name: `Namespace ${ns}` }).waitFor();
    const table = page.getByRole('table', { name: 'Pods' });
    await table.getByRole('rowheader').first().waitFor();

    // The table is virtualised; scrolling through it must reach every pod the API lists.
    const scroller = page.getByLabel('Pods table, scrollable');
    await waitForScreen(
      async () => {
        const before = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
        const { rowCount, rows } = await collectVirtualRows(table, scroller);
        const after = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
        return { rowCount, rows, before: before.items, after: after.items };
      },
      ({ rowCount, rows, before, after }) => {
        // Churn may replace a pod while we scroll; the view must match the list before or after.
        const shown = rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`).sort();
        const expected = (items: PodRow[]) =>
          items.map((p) => `${p.name}|${p.phase}|${p.node ?? 'not scheduled'}`).sort();
        const match = [before, after].some(
          (items) =>
            rowCount === items.length + 1 &&
            JSON.stringify(shown) === JSON.stringify(expected(items)),
        );
        return match || `${rows.length} rows shown, API has ${before.length}/${after.length}`;
      },
      { timeout: 60_000, what: `every pod of ${ns} in the table` },
    );
    const { items } = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
    expect(items.length, 'the namespace should need scrolling').toBeGreaterThan(30);
    await page.getByText(new RegExp(`^\\d+ pods · \\d+ at OOM risk`)).waitFor();

    // Usage over time: the CPU and memory charts by pod are drawn.
    await waitForCharts(page.getByRole('region', { name: /^Usage over the last/ }), 2);
  });

  it('pod detail: facts (node, QoS, phase) and one CPU and memory chart per container', async () => {
    const ns = await biggestNamespace();
    const { items } = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
    // A running pod with metrics and several containers exercises the per-container charts.
    const pod =
      items.find((p) => p.phase === 'Running' && p.metrics === 'ok' && p.containers.length > 1) ??
      items.find((p) => p.phase === 'Running' && p.metrics === 'ok');
    if (!pod) throw new Error(`no running pod with metrics in ${ns}`);

    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}/pods/${pod.name}`);
    await page.getByRole('heading', { level: 1, name: `Pod ${pod.name}` }).waitFor();
    const panel = page.getByRole('region', { name: 'Pod', exact: true });
    await panel.getByRole('term').first().waitFor();
    const shown = await facts(panel);
    expect(shown).toMatchObject({
      Node: pod.node ?? 'not scheduled',
      'QoS class': pod.qosClass,
      Phase: pod.phase,
      Metrics: 'available',
    });

    for (const c of pod.containers) {
      const region = page.getByRole('region', { name: `Container ${c.name}`, exact: true });
      await waitForCharts(region, 2);
      await region.getByRole('figure', { name: /^CPU, last 15m/ }).waitFor();
      await region.getByRole('figure', { name: /^Memory, last 15m/ }).waitFor();
    }
    expect(await page.getByRole('region', { name: /^Container / }).count()).toBe(
      pod.containers.length,
    );
  });

  it('NOC: big percentages, node heat-map and top pods of one cluster', async () => {
    const page = await env().newPage(FULL_HD);
    await page.goto(`/noc?clusters=${BIG.name}`);
    await page.getByRole('heading', { level: 1, name: BIG.name }).waitFor();

    // The big number is an image named "CPU 28% used" (its text is just "28%").
    const bigNumber = (name: string) =>
      page
        .getByRole('region', { name })
        .getByRole('img', { name: /% used$|: no metrics$/ })
        .innerText();
    await waitForScreen(
      async () => ({
        cpu: await bigNumber('CPU usage'),
        memory: await bigNumber('Memory usage'),
        summary: await api<Summary>('/summary'),
      }),
      ({ cpu, memory, summary }) =>
        (cpu === `${summary.cpu.percent}%` && memory === `${summary.memory.percent}%`) ||
        'percentages differ from /summary',
      { what: 'the NOC percentages to match /summary' },
    );

    const tiles = page.getByRole('list', { name: 'Node heat-map' }).getByRole('listitem');
    const nodes = await api<SampledListResponse<NodeRow>>('/nodes');
    await waitForScreen(
      async () =>
        await tiles.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')),
      (labels) =>
        (labels.length === BIG.nodes &&
          nodes.items.every((n) => labels.some((l) => l.startsWith(`${n.name}: `)))) ||
        'tiles do not name every node',
      { what: 'one heat-map tile per node' },
    );

    const topCpu = page.getByRole('region', { name: 'Top 10 pods by CPU' }).getByRole('listitem');
    await waitForScreen(
      async () => ({
        shown: await topCpu.allInnerTexts(),
        api: (await api<SampledListResponse<TopPod>>('/pods?sort=cpu&limit=10')).items,
      }),
      ({ shown, api: top }) =>
        (shown.length === 10 &&
          // A long name wraps onto a second line after its namespace: compare without the breaks.
          top.every((p, i) =>
            (shown[i] ?? '').replace(/\s+/g, '').includes(`${p.namespace}/${p.name}`),
          )) ||
        'top pods differ',
      { what: 'the NOC top pods to match /pods?sort=cpu' },
    );
    await waitForCharts(page.getByRole('region', { name: 'CPU usage' }), 1);
  });
});
