/**
 * A namespace of N pods in the browser, live from the server (`--big-namespace big:N`):
 *
 * - interactive after data: from the `responseEnd` of GET .../namespaces/big/pods (Resource
 *   Timing) to the painted frame of the table re-sorted by a click on its Name header, the
 *   click sent (element.click(), in a new task) at the commit that first shows all N rows, so
 *   it runs as soon as the main thread is free: data parsed, table drawn, input handled;
 * - sort: a real (Playwright) click on a column header, from the click event's timestamp to
 *   the painted frame of the commit showing that column sorted, per column kind;
 * - beside each, the main thread's CPU time (world.ts `cpuClock`), which a loaded machine
 *   hardly changes;
 * - DOM rows: the most `<tr>` elements the table ever held (every commit is counted, also
 *   while scrolled to the end), against N.
 */
import type { Page } from 'playwright-core';
import { DESKTOP } from '../tests/fixtures/browser.js';
import { waitFor } from '../tests/fixtures/wait.js';
import { median, round } from '../../server/bench/stats.js';
import type { ProbeData } from './probe.js';
import { cpuClock, probeData, startWorld } from './world.js';

const NAMESPACE = 'big';
/** One column of each kind: names, phase, node names, integers, usage, shares, flags. */
const SORT_COLUMNS = ['Name', 'Status', 'Node', 'Restarts', 'CPU', '%CPU/R', 'MEM', 'Flags'];

export interface NamespaceResult {
  pods: number;
  loads: number;
  /** Per cold load: response end → table painted, and → auto-click handled and painted. */
  tablePaintedMs: number[];
  interactiveMs: number[];
  interactiveMedianMs: number;
  /** Main-thread CPU from navigation until the handled click was seen. */
  loadCpuMs: number[];
  loadCpuMedianMs: number;
  sortMs: Record<string, number[]>;
  /** Main-thread CPU from before the click until the sorted table was seen painted. */
  sortCpuMs: Record<string, number[]>;
  sortCpuMedianMs: number;
  sortMedianByColumnMs: Record<string, number>;
  sortWorstColumnMedianMs: number;
  sortMedianMs: number;
  maxDomRows: number;
}

/** responseEnd of the pods request whose data the table first showed (page clock). */
async function podsResponseEnd(page: Page, before: number): Promise<number> {
  const ends = await page.evaluate(
    (ns) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(`/namespaces/${ns}/pods`))
        .map((e) => (e as PerformanceResourceTiming).responseEnd),
    NAMESPACE,
  );
  const arrived = ends.filter((t) => t > 0 && t <= before);
  if (arrived.length === 0) throw new Error('no pods response before the table was shown');
  return Math.max(...arrived);
}

async function coldLoad(
  world: Awaited<ReturnType<typeof startWorld>>,
  pods: number,
): Promise<{ page: Page; tableMs: number; interactiveMs: number; cpuMs: number }> {
  const page = await world.newPage(DESKTOP, { autoClick: { rowCount: pods + 1, label: 'Name' } });
  const cpu = await cpuClock(page);
  const cpu0 = await cpu();
  await page.goto(`/clusters/${world.cluster}/namespaces/${NAMESPACE}`);
  const data = await waitFor(
    async () => {
      const d = await probeData(page);
      const done = d.commits.find(
        (c) => d.autoClickAt !== null && c.t > d.autoClickAt && c.sort?.startsWith('Name:'),
      );
      return done?.paintedAt != null ? { d, done } : undefined;
    },
    { timeout: 120_000, interval: 200, what: `the ${pods}-pod table sorted by Name` },
  );
  const cpuMs = round((await cpu()) - cpu0, 1);
  const shown = data.d.commits.find((c) => c.t === data.d.tableShownAt)!;
  const responseEnd = await podsResponseEnd(page, data.d.tableShownAt!);
  return {
    page,
    tableMs: round(shown.paintedAt! - responseEnd, 1),
    interactiveMs: round(data.done.paintedAt! - responseEnd, 1),
    cpuMs,
  };
}

/** Clicks `label`'s header: the time from the click to the painted re-sorted table, and CPU. */
async function timedSort(
  page: Page,
  cpu: () => Promise<number>,
  label: string,
): Promise<[ms: number, cpuMs: number]> {
  const cpu0 = await cpu();
  const before = await page.evaluate(() => {
    const d = (window as unknown as { __bench: ProbeData }).__bench;
    return { clicks: d.clicks, sort: d.commits.at(-1)?.sort ?? null };
  });
  const previous = before.sort;
  const table = page.getByRole('table', { name: 'Pods' });
  await table.getByRole('columnheader', { name: label, exact: true }).getByRole('button').click();
  // Computed in the page, so polling moves a number instead of the probe's records.
  const found = await waitFor(
    () =>
      page.evaluate(
        ([label, previous, clickIndex]) => {
          const d = (window as unknown as { __bench: ProbeData }).__bench;
          const clickAt = d.clicks[clickIndex];
          if (clickAt === undefined) return null;
          const c = d.commits.find(
            (x) => x.t > clickAt && x.sort?.startsWith(`${label}:`) && x.sort !== previous,
          );
          return c?.paintedAt != null ? c.paintedAt - clickAt : null;
        },
        [label, previous, before.clicks.length] as const,
      ),
    { timeout: 30_000, interval: 100, what: `the table sorted by ${label}` },
  );
  return [round(found, 1), round((await cpu()) - cpu0, 1)];
}

export async function namespaceBench(pods: number, loads: number, sortsPerColumn: number) {
  const world = await startWorld({
    name: 'bench-ns',
    nodes: Math.max(20, Math.ceil(pods / 50)),
    pods: pods + 500,
    namespaces: 6,
    'big-namespace': `${NAMESPACE}:${pods}`,
    churn: 0,
    resolution: '15s',
  });
  try {
    const tablePaintedMs: number[] = [];
    const interactiveMs: number[] = [];
    const loadCpuMs: number[] = [];
    let last: Page | undefined;
    for (let i = 0; i < loads; i++) {
      await last?.context().close();
      const load = await coldLoad(world, pods);
      tablePaintedMs.push(load.tableMs);
      interactiveMs.push(load.interactiveMs);
      loadCpuMs.push(load.cpuMs);
      last = load.page;
    }
    const page = last!;
    const cpu = await cpuClock(page);
    const sortMs: Record<string, number[]> = {};
    const sortCpuMs: Record<string, number[]> = {};
    for (const label of SORT_COLUMNS) {
      sortMs[label] = [];
      sortCpuMs[label] = [];
      for (let i = 0; i < sortsPerColumn; i++) {
        const [ms, cpuMs] = await timedSort(page, cpu, label);
        sortMs[label].push(ms);
        sortCpuMs[label].push(cpuMs);
      }
    }
    // Scrolled to the end the virtualiser renders other rows, never more of them.
    const scroller = page.getByRole('region', { name: /scroll/i });
    await scroller.press('End');
    await waitFor(
      async () => (await probeData(page)).commits.at(-1)?.rowCount === pods + 1 || undefined,
      { what: 'a commit after scrolling to the end' },
    );
    const lastRow = page.locator(`tr[aria-rowindex="${pods + 1}"]`);
    await lastRow.waitFor({ timeout: 30_000 });
    const maxDomRows = (await probeData(page)).maxDomRows;
    if (world.pageErrors.length > 0) throw new Error(`page errors: ${world.pageErrors.join('; ')}`);
    const sortMedianByColumnMs = Object.fromEntries(
      Object.entries(sortMs).map(([k, v]) => [k, round(median(v), 1)]),
    );
    return {
      pods,
      loads,
      tablePaintedMs,
      interactiveMs,
      interactiveMedianMs: round(median(interactiveMs), 1),
      loadCpuMs,
      loadCpuMedianMs: round(median(loadCpuMs), 1),
      sortMs,
      sortCpuMs,
      sortCpuMedianMs: round(median(Object.values(sortCpuMs).flat()), 1),
      sortMedianByColumnMs,
      sortWorstColumnMedianMs: Math.max(...Object.values(sortMedianByColumnMs)),
      sortMedianMs: round(median(Object.values(sortMs).flat()), 1),
      maxDomRows,
    } satisfies NamespaceResult;
  } finally {
    await world.stop();
  }
}
