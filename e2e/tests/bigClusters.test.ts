/**
 * The wall screen with 150 and 400 nodes: on a big cluster's nodes page every tile carries its
 * node's name and printed percent, uncut, in text of at least 2.5 % of the screen height (1080p
 * and 4K); the cluster page of 400 nodes shows them by node group with the hottest named; tile
 * colours follow the printed percent. Screenshots: e2e/artifacts/noc-{150,400}-*.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NodeRow, SampledListResponse } from '@kubeglance/shared/api';
import { parseConfig } from '@kubeglance/server/config';
import { startServer, type RunningServer } from '@kubeglance/server/server';
import { startSim, type RunningSim } from '@kubeglance/sim/index';
import { screenshot } from './fixtures/artifacts.js';
import { assertWebBuild, WEB_DIST, writeMergedKubeconfig } from './fixtures/backend.js';
import {
  assertChromium,
  FULL_HD,
  launchBrowser,
  UHD_4K,
  type BrowserSession,
  type Viewport,
} from './fixtures/browser.js';
import { clippedOnNoc } from './fixtures/nocLayout.js';
import { waitFor } from './fixtures/wait.js';

const N150 = { name: 'e2e-150', nodes: 150, pods: 450, namespaces: 4, seed: 3 } as const;
const N400 = { name: 'e2e-400', nodes: 400, pods: 800, namespaces: 4, seed: 4 } as const;

let dir: string;
let sims: RunningSim[] = [];
let server: RunningServer;
let browser: BrowserSession;

beforeAll(async () => {
  assertWebBuild();
  assertChromium();
  dir = await mkdtemp(join(tmpdir(), 'kubeglance-e2e-big-'));
  const common = { resolutionMs: 2000, churnPerMinute: 0, port: 0 };
  sims = [await startSim({ ...N150, ...common }), await startSim({ ...N400, ...common })];
  const kubeconfig = await writeMergedKubeconfig(dir, sims);
  const args = ['--kubeconfig', kubeconfig, '--all-contexts', '--port', '0'];
  server = await startServer(
    parseConfig([...args, '--static-dir', WEB_DIST, '--log-level', 'silent'], {}),
    {},
  );
  browser = await launchBrowser(() => server.url);
  await waitFor(
    async () => {
      const nodes = await Promise.all([N150, N400].map((c) => apiNodes(c.name)));
      return nodes.every((n) => n.items.some((r) => r.cpu.percent != null)) || undefined;
    },
    { timeout: 120_000, interval: 1000, what: 'metrics for both big clusters' },
  );
}, 300_000);

afterEach(async () => {
  for (const s of sims) s.faults.clear('metrics-stale');
  await browser?.closePages();
  expect(browser?.pageErrors.splice(0) ?? [], 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser?.stop();
  await server?.stop();
  await Promise.allSettled(sims.map((s) => s.stop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function apiNodes(cluster: string): Promise<SampledListResponse<NodeRow>> {
  const res = await fetch(`${server.url}/api/v1/clusters/${cluster}/nodes`);
  if (!res.ok) throw new Error(`nodes of ${cluster}: HTTP ${res.status}`);
  return (await res.json()) as SampledListResponse<NodeRow>;
}

/** The group rows the wall screen shows, and the "+N more groups" row's text if any. */
interface GroupLayout {
  shown: string[];
  more: string | null;
}

async function stableGroupLayout(page: Page): Promise<GroupLayout> {
  const read = () =>
    page.evaluate(() => {
      // No named functions in here: a bundler's name helper does not exist in the page.
      const labels = Array.from(document.querySelectorAll('section[aria-label]')).map((e) => [
        e.getAttribute('aria-label') ?? '',
        (e as HTMLElement).innerText,
      ]);
      return {
        shown: labels.map(([l]) => l!).filter((l) => l.startsWith('Node group ')),
        more: labels.find(([l]) => l === 'More node groups')?.[1] ?? null,
      };
    });
  let last = '';
  return waitFor(
    async () => {
      const now = await read();
      const same = JSON.stringify(now) === last;
      last = JSON.stringify(now);
      return same && now.shown.length > 0 ? now : undefined;
    },
    { timeout: 30_000, interval: 1000, what: 'a settled group layout' },
  );
}

/** What each tile shows, read from the DOM with the sizes that tell a cut text. */
interface TileFacts {
  /** The full node name (the tile's accessible name starts with it). */
  node: string;
  label: string;
  percent: string;
  heatClass: string;
  /** Smallest computed font size of the tile's text, px. */
  fontPx: number;
  /** Any of the tile's text wider or taller than its box. */
  cut: boolean;
}

async function readTiles(page: Page, scope: string): Promise<TileFacts[]> {
  // Query and read in one evaluation: a locator's evaluateAll queries first and reads in a
  // second step, and a re-render in between leaves detached tiles (font size "" → NaN).
  return page.evaluate(
    (selector) =>
      Array.from(document.querySelectorAll(selector)).map((li) => {
        const spans = Array.from(li.querySelectorAll('span'));
        const texts = [li, ...spans] as HTMLElement[];
        const box = li.getBoundingClientRect();
        const outside = spans.some((s) => {
          const r = s.getBoundingClientRect();
          return (
            r.left < box.left - 0.5 ||
            r.right > box.right + 0.5 ||
            r.top < box.top - 0.5 ||
            r.bottom > box.bottom + 0.5
          );
        });
        return {
          node: (li.getAttribute('aria-label') ?? '').split(':')[0] ?? '',
          label: li.querySelector('.noc-tile-name')?.textContent ?? '',
          percent: li.querySelector('.noc-tile-pct')?.textContent ?? '',
          heatClass: Array.from(li.classList).find((c) => c.startsWith('heat-')) ?? '',
          fontPx: Math.min(...texts.map((e) => parseFloat(getComputedStyle(e).fontSize))),
          cut: outside || texts.some((e) => e.scrollWidth > e.clientWidth + 0.5),
        };
      }),
    `${scope} li.noc-tile`,
  );
}

/** The heat class a printed percent must have (thresholds 50, 70, 85). */
function heatFor(percent: string): string {
  const p = Number(percent.replace('%', ''));
  if (!percent.endsWith('%') || !Number.isFinite(p)) return 'heat-unknown';
  return `heat-${p < 50 ? 0 : p < 70 ? 1 : p < 85 ? 2 : 3}`;
}

async function openNodesPage(viewport: Viewport, cluster: string): Promise<Page> {
  const page = await browser.newPage(viewport);
  // The second page of a big cluster's rotation is its nodes page.
  await page.goto(`/noc?clusters=${cluster}&rotate=5s`);
  await page.getByRole('banner').getByText(`${cluster} · nodes`).waitFor({ timeout: 30_000 });
  await page.getByRole('list', { name: 'Node heat-map' }).waitFor();
  return page;
}

describe('wall screen with big clusters', () => {
  for (const [viewport, tag] of [
    [FULL_HD, '1080p'],
    [UHD_4K, '4k'],
  ] as const) {
    it(`names every one of 150 tiles, uncut, at >= 2.5 % of the screen height (${tag})`, async () => {
      const page = await openNodesPage(viewport, N150.name);
      const { items } = await apiNodes(N150.name);
      const tiles = await waitFor(
        async () => {
          const t = await readTiles(page, '[aria-label="Node heat-map"]');
          return t.length === N150.nodes ? t : undefined;
        },
        { timeout: 20_000, what: '150 tiles' },
      );
      expect(tiles.map((t) => t.node).sort()).toEqual(items.map((n) => n.name).sort());
      const minPx = 0.025 * viewport.height;
      for (const t of tiles) {
        expect(t.label.length, t.node).toBeGreaterThan(0);
        expect(t.node.includes(t.label), `${t.node} shows ${t.label}`).toBe(true);
        expect(t.cut, `${t.node}: text cut`).toBe(false);
        expect(t.fontPx, t.node).toBeGreaterThanOrEqual(minPx - 0.01);
        expect(t.heatClass, `${t.node} prints ${t.percent}`).toBe(heatFor(t.percent));
      }
      // Labels tell the nodes apart.
      expect(new Set(tiles.map((t) => t.label)).size).toBe(N150.nodes);
      console.log(
        `150 nodes at ${tag}: smallest tile font ${Math.min(...tiles.map((t) => t.fontPx))} px`,
      );
      await screenshot(page, `noc-150-nodes-${tag}`);
    });
  }

  it('groups 400 nodes on the cluster page, naming the hottest of each group', async () => {
    const sim = sims[1]!;
    sim.faults.set('metrics-stale');
    // Wait until the server holds the frozen sample, so page and API show the same numbers.
    let last = 0;
    const frozen = await waitFor(
      async () => {
        const nodes = await apiNodes(N400.name);
        const same = nodes.timestampMs === last;
        last = nodes.timestampMs ?? 0;
        return same && nodes.timestampMs != null ? nodes : undefined;
      },
      { timeout: 30_000, interval: 2500, what: 'the frozen sample' },
    );
    const page = await browser.newPage(FULL_HD);
    await page.goto(`/noc?clusters=${N400.name}&rotate=10m`);
    const groups = page.getByRole('region', { name: /^Node group / });
    await groups.first().waitFor({ timeout: 30_000 });
    // The sample is frozen, so the page turns stale within seconds and lays its groups out
    // again in the smaller space left under the stale banner: read that final layout.
    await page.locator('.noc.noc-is-stale').waitFor({ timeout: 30_000 });
    const percentOf = (n: NodeRow) => Math.max(n.cpu.percent ?? -1, n.memory.percent ?? -1);
    const byGroup = new Map<string, NodeRow[]>();
    for (const n of frozen.items)
      byGroup.set(n.group ?? 'other', [...(byGroup.get(n.group ?? 'other') ?? []), n]);
    // Groups without room for a row of their own are counted together in a last row. The
    // stale banner's reasons and the alert panel may still change its height once more, so
    // read the layout when two readings a second apart agree, each in one evaluation (CI
    // once counted 3 groups of one layout against the missing "more" row of another).
    const layout = await stableGroupLayout(page);
    const more = page.getByRole('region', { name: 'More node groups' });
    const hidden = layout.more == null ? 0 : Number(/\+(\d+) more groups/.exec(layout.more)?.[1]);
    expect(layout.shown.length + hidden, JSON.stringify(layout)).toBe(byGroup.size);
    const hottest = [...frozen.items].sort((a, b) => percentOf(b) - percentOf(a))[0]!;
    const nodesText = (n: number) => `${n} node${n === 1 ? '' : 's'}`;
    let hiddenNodes = 0;
    for (const [group, nodes] of byGroup) {
      if ((await page.getByRole('region', { name: `Node group ${group}` }).count()) === 0) {
        hiddenNodes += nodes.length;
        // A group left out is never hotter than one shown.
        expect(Math.max(...nodes.map(percentOf)), group).toBeLessThanOrEqual(percentOf(hottest));
        continue;
      }
      const tiles = await readTiles(page, `[aria-label="Hottest nodes of ${group}"]`);
      expect(tiles.length, group).toBeGreaterThan(0);
      const named = new Set(tiles.map((t) => t.node));
      const coolestNamed = Math.min(...nodes.filter((n) => named.has(n.name)).map(percentOf));
      const hottestUnnamed = Math.max(
        -1,
        ...nodes.filter((n) => !named.has(n.name)).map(percentOf),
      );
      expect(coolestNamed, `${group}: a hotter node is unnamed`).toBeGreaterThanOrEqual(
        hottestUnnamed,
      );
      for (const t of tiles) {
        expect(t.cut, t.node).toBe(false);
        expect(t.fontPx).toBeGreaterThanOrEqual(27 - 0.01);
        expect(t.heatClass, `${t.node} prints ${t.percent}`).toBe(heatFor(t.percent));
        const row = nodes.find((n) => n.name === t.node)!;
        expect(t.percent).toBe(`${percentOf(row)}%`);
      }
      const text = await page.getByRole('region', { name: `Node group ${group}` }).innerText();
      expect(text).toContain(nodesText(nodes.length));
    }
    if (hidden > 0) expect(await more.innerText()).toContain(nodesText(hiddenNodes));
    // Nothing of the groups (or any other panel) is lost at a panel's edge.
    expect(await clippedOnNoc(page)).toEqual([]);
    await expect(page.locator(`li.noc-tile[aria-label^="${hottest.name}:"]`).count()).resolves.toBe(
      1,
    );
    await screenshot(page, 'noc-400-groups-1080p');
  });
});
