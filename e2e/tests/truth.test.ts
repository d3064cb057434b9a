/**
 * Screens never look fresher, fuller or more certain than the data (issue 9): a fault is
 * switched on in a simulator, then the test reads what the page shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeDetail, SampledListResponse, NodeRow, Summary } from '@kubeglance/shared/api';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { BIG, DESKTOP, FULL_HD, kubectl, RESOLUTION_MS, UHD_4K } from './fixtures/env.js';
import { smallestText } from './fixtures/nocLayout.js';
import { useEnv } from './fixtures/suite.js';
import { readTable, rowsByName, waitForScreen } from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();
const summaryPath = `/api/v1/clusters/${BIG.name}/summary`;

afterEach(() => {
  env().big.faults.clear();
  env().small.faults.clear();
});

/** Every "N s" / "N min" age printed in `selector`'s texts, read in one browser task. */
function agesIn(texts: string[]): number[] {
  return texts.flatMap((t) =>
    [...t.matchAll(/(\d+) (s|min)\b/g)].map((m) => Number(m[1]) * (m[2] === 'min' ? 60 : 1)),
  );
}

async function waitForFailing() {
  await waitFor(async () => (await env().api<Summary>(summaryPath)).status.metrics === 'failing', {
    timeout: 30_000,
    what: 'the server to see the metrics pipeline failing',
  });
}

describe('data age and STALE', () => {
  it('is STALE on first load during an outage, with the same age in every place', async () => {
    env().big.faults.set('metrics-unavailable');
    await waitForFailing();
    // Let the data get older than two resolutions, by the server's own account.
    await waitFor(
      async () =>
        ((await env().api<Summary>(summaryPath)).status.dataAgeMs ?? 0) > 3 * RESOLUTION_MS,
      { timeout: 30_000, what: 'the data to age' },
    );

    const noc = await env().newPage(FULL_HD);
    await noc.goto(`/noc?clusters=${BIG.name}`);
    // STALE at once: the snapshot's own status says failing and how old the data is.
    const alert = noc.getByRole('alert');
    await alert.getByText('STALE', { exact: true }).waitFor({ timeout: 10_000 });
    const [header, banner] = await noc.evaluate(() => [
      document.querySelector('header [role="timer"]')?.textContent ?? '',
      document.querySelector('[role="alert"]')?.textContent ?? '',
    ]);
    const headerAge = agesIn([header]);
    const bannerAge = agesIn([banner]);
    expect(headerAge).toHaveLength(1);
    expect(bannerAge.length).toBeGreaterThanOrEqual(1);
    expect(bannerAge[0]).toBe(headerAge[0]);
    expect(headerAge[0]).toBeGreaterThanOrEqual((3 * RESOLUTION_MS) / 1000);

    const overview = await env().newPage(DESKTOP);
    await overview.goto(`/clusters/${BIG.name}`);
    const timer = overview.getByRole('timer', { name: 'Data age' });
    await timer.getByText(/STALE/).waitFor({ timeout: 10_000 });
    const note = overview.getByText(/STALE: showing the last known numbers/);
    await note.waitFor();
    const [a, b] = await overview.evaluate(() => [
      document.querySelector('[role="timer"]')?.textContent ?? '',
      Array.from(document.querySelectorAll('p, div')).find((e) =>
        e.textContent?.startsWith('STALE: showing'),
      )?.textContent ?? '',
    ]);
    expect(agesIn([a])[0]).toBe(agesIn([b])[0]);
    // The stale big numbers are dimmed.
    const opacity = await overview
      .locator('.is-stale .stat-big')
      .first()
      .evaluate((e) => Number(getComputedStyle(e).opacity));
    expect(opacity).toBeLessThan(0.7);
  });
});

describe('partial totals', () => {
  it('say "N of M nodes" on the overview and the wall screen', async () => {
    env().big.faults.set('nodes-missing-metrics');
    const s = await waitFor(
      async () => {
        const sum = await env().api<Summary>(summaryPath);
        return sum.nodes.withMetrics > 0 && sum.nodes.withMetrics < sum.nodes.total && sum;
      },
      { timeout: 30_000, what: 'a partial sample on the server' },
    );
    const text = `${s.nodes.withMetrics} of ${s.nodes.total} nodes`;

    const overview = await env().newPage(DESKTOP);
    await overview.goto(`/clusters/${BIG.name}`);
    const cpuTile = overview.getByRole('group', { name: 'CPU' });
    await cpuTile.getByText(`partial: ${text} report metrics`).waitFor({ timeout: 15_000 });
    await overview
      .getByRole('group', { name: 'Memory' })
      .getByText(`partial: ${text}`, { exact: false })
      .waitFor();

    const noc = await env().newPage(FULL_HD);
    await noc.goto(`/noc?clusters=${BIG.name}`);
    await noc.getByRole('region', { name: 'CPU usage' }).getByText(`partial: ${text}`).waitFor({
      timeout: 15_000,
    });
    const label = await noc.getByRole('img', { name: /^CPU \d+% used/ }).getAttribute('aria-label');
    expect(label).toContain(`on ${text}`);
  });
});

describe('wall screen with an unknown cluster', () => {
  it('shows the unknown one as an error tile beside the live one, never "No alerts"', async () => {
    const page = await env().newPage(FULL_HD);
    await page.goto(`/noc?clusters=${BIG.name},nope&rotate=10m`);
    const rows = page.getByRole('table', { name: 'Clusters' });
    await waitForScreen(
      async () => rowsByName(await readTable(rows)),
      (byName) =>
        (byName.get(BIG.name)?.Status === 'OK' &&
          (byName.get('nope')?.Status ?? '').includes('UNKNOWN CLUSTER')) ||
        JSON.stringify([...byName]),
      { timeout: 30_000, what: 'a live row and an unknown-cluster row' },
    );
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts.getByText('nope: unknown cluster').waitFor();
    expect(await alerts.getByText('No alerts').count()).toBe(0);
  });

  it('does not retry a stream for a cluster that does not exist', async () => {
    const page = await env().newPage(FULL_HD);
    let streams = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/stream')) streams += 1;
    });
    await page.goto('/noc?clusters=nope');
    await page.getByRole('status', { name: 'Cluster nope' }).waitFor({ timeout: 15_000 });
    await page.getByRole('banner').getByText('no such cluster').waitFor();
    expect(await page.getByText('No alerts').count()).toBe(0);
    // A retry would come within the first back-off step (~1 s); none may come.
    await expect(
      waitFor(() => streams > 1, { timeout: 5_000, what: 'a second stream request' }),
    ).rejects.toThrow();
    expect(streams).toBe(1);
  });
});

/** `cpu  850m (21%)  2 (50%)` of kubectl describe node's "Allocated resources". */
function allocatedLine(out: string, resource: string): [string, number, string, number] {
  const section = out.slice(out.indexOf('Allocated resources:'));
  const m = new RegExp(
    `^\\s+${resource}\\s+(\\S+) \\((\\d+)%\\)\\s+(\\S+) \\((\\d+)%\\)`,
    'm',
  ).exec(section);
  if (!m) throw new Error(`no ${resource} line in:\n${section}`);
  return [m[1]!, Number(m[2]), m[3]!, Number(m[4])];
}

describe('node page', () => {
  it('shows requests and limits as kubectl describe node, and the node’s pods as kubectl lists them', async () => {
    const nodes = await env().api<SampledListResponse<NodeRow>>(
      `/api/v1/clusters/${BIG.name}/nodes`,
    );
    const name = nodes.items.at(-1)!.name;
    // Freeze the sample (the server calls it stale once it stops advancing), so the page and
    // kubectl top read the same one.
    env().big.faults.set('metrics-stale');
    await waitFor(async () => (await env().api<Summary>(summaryPath)).status.metrics === 'stale', {
      timeout: 30_000,
      what: 'the frozen sample',
    });
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}`);
    // Node rows link to the node page.
    await page.getByRole('table', { name: 'Nodes' }).getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name: `Node ${name}` }).waitFor();
    expect(await page.title()).toContain(name);

    const table = page.getByRole('table', { name: 'Allocated resources' });
    await table.waitFor();
    // Pods churn, and with metrics frozen no sample refreshes the page (its fallback refetch
    // is 30 s), so each attempt reloads the page right after kubectl's read: two reads of one
    // moment, re-read a few times before calling a difference a mismatch.
    const compare = async (reload: boolean): Promise<string | null> => {
      const described = await kubectl(
        env().kubeconfigPath,
        '--context',
        BIG.name,
        'describe',
        'node',
        name,
      );
      if (reload) {
        await page.reload();
        await table.waitFor();
      }
      const shown = rowsByName(await readTable(table));
      for (const resource of ['cpu', 'memory'] as const) {
        const [req, reqPct, lim, limPct] = allocatedLine(described, resource);
        const parse = resource === 'cpu' ? parseCpuNanocores : parseMemoryBytes;
        const row = shown.get(resource)!;
        const value = (cell: string) => /^(\S+) \((\d+)%\)$/.exec(cell);
        const r = value(row.Requests!)!;
        const l = value(row.Limits!)!;
        const got = [parse(r[1]!), Number(r[2]), parse(l[1]!), Number(l[2])];
        const want = [parse(req), reqPct, parse(lim), limPct];
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          return `${resource}: page ${JSON.stringify(got)}, kubectl ${JSON.stringify(want)}`;
        }
      }
      return null;
    };
    let mismatch = await compare(false);
    for (let i = 0; i < 5 && mismatch !== null; i++) mismatch = await compare(true);
    expect(mismatch).toBeNull();

    const listed = (
      await kubectl(
        env().kubeconfigPath,
        '--context',
        BIG.name,
        'get',
        'pods',
        '-A',
        '--field-selector',
        `spec.nodeName=${name}`,
        '--no-headers',
      )
    )
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));
    const pods = page.getByRole('table', { name: 'Pods on this node' });
    const detail = await env().api<NodeDetail>(`/api/v1/clusters/${BIG.name}/nodes/${name}`);
    await waitForScreen(
      async () => readTable(pods),
      (t) => t.rows.length === listed.length || `${t.rows.length} rows, kubectl ${listed.length}`,
      { what: 'the pod table' },
    );
    const byName = rowsByName(await readTable(pods));
    expect([...byName.keys()].sort()).toEqual(listed.map(([, pod]) => pod!).sort());
    for (const [ns, pod] of listed) expect(byName.get(pod!)?.Namespace, pod).toBe(ns);
    // Usage equals the matching `kubectl top pods -A` rows.
    const top = (
      await kubectl(
        env().kubeconfigPath,
        '--context',
        BIG.name,
        'top',
        'pods',
        '-A',
        '--no-headers',
      )
    )
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));
    let compared = 0;
    for (const p of detail.pods) {
      const row = top.find(([ns, pod]) => ns === p.namespace && pod === p.name);
      if (!row) continue;
      compared++;
      expect(byName.get(p.name)?.['CPU(cores)'], p.name).toBe(row[2]);
      expect(byName.get(p.name)?.['MEMORY(bytes)'], p.name).toBe(row[3]);
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('wall screen from 4 m', () => {
  for (const [label, viewport] of [
    ['1920x1080', FULL_HD],
    ['3840x2160', UHD_4K],
  ] as const) {
    it(`has no text smaller than 2.5 % of the screen height at ${label}`, async () => {
      const floor = 0.025 * viewport.height - 0.5;
      for (const query of [`clusters=${BIG.name}`, 'rotate=10m']) {
        const page = await env().newPage(viewport);
        await page.goto(`/noc?${query}`);
        await page
          .getByRole('list', { name: 'Node heat-map' })
          .first()
          .getByRole('listitem')
          .first()
          .waitFor();
        const min = await smallestText(page);
        expect(min.px, `${query}: ${min.what}`).toBeGreaterThanOrEqual(floor);
      }
    });
  }
});
