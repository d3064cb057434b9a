/**
 * The wall screen: fits 1080p and 4K without scrollbars, updates by itself as samples arrive,
 * says STALE when the simulator's metrics stop (and stops saying it when they resume), and
 * rides out a server restart without a reload.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BIG, FULL_HD, RESOLUTION_MS, SMALL, UHD_4K, type Viewport } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { readTable, rowsByName, waitForCharts, waitForScreen } from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();

afterEach(() => {
  env().big.faults.clear();
  env().small.faults.clear();
});

/** Page and body sizes against the window: any excess means a scrollbar (or clipped content). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const { documentElement: html, body } = document;
    const w = window.innerWidth;
    const h = window.innerHeight;
    const excess = [
      ['html width', html.scrollWidth - w],
      ['html height', html.scrollHeight - h],
      ['body width', body.scrollWidth - w],
      ['body height', body.scrollHeight - h],
    ] as const;
    return excess.filter(([, px]) => px > 0).map(([what, px]) => `${what} exceeds by ${px}px`);
  });
}

/**
 * Cells of the all-clusters table that stick out of the window or are cut inside their box
 * (the wall screen hides overflow, so a too-wide table loses its last columns silently).
 */
async function clusterCellsOutside(page: Page): Promise<string[]> {
  return page
    .getByRole('table', { name: 'Clusters' })
    .locator('th, td')
    .evaluateAll((cells) =>
      cells
        .filter((c) => {
          const r = c.getBoundingClientRect();
          const cut = c.scrollWidth > c.clientWidth + 1;
          return cut || r.left < -1 || r.right > window.innerWidth + 1;
        })
        .map((c) => (c as HTMLElement).innerText),
    );
}

/** "updated 3 s ago" in the wall screen's title bar, as seconds (null: no such text). */
async function ageSeconds(page: Page): Promise<number | null> {
  const age = page
    .getByRole('banner')
    .getByRole('timer', { name: 'Data age' })
    .filter({ hasText: /^updated \d+ s ago$/ });
  if ((await age.count()) === 0) return null;
  return Number(/\d+/.exec(await age.innerText())?.[0]);
}

/** The heat-map tiles' labels (node: CPU %, memory %), joined: changes when a sample lands. */
async function heatmapText(page: Page): Promise<string> {
  const labels = await page
    .getByRole('list', { name: 'Node heat-map' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
  return labels.join('\n');
}

async function openNoc(viewport: Viewport, query: string): Promise<Page> {
  const page = await env().newPage(viewport);
  await page.goto(`/noc?${query}`);
  await page
    .getByRole('list', { name: 'Node heat-map' })
    .first()
    .getByRole('listitem')
    .first()
    .waitFor();
  return page;
}

/** Waits until the page has received a sample it did not have before (the age drops back). */
async function waitForNewSample(page: Page, what: string) {
  let previous: number | null = null;
  await waitFor(
    async () => {
      const age = await ageSeconds(page);
      const dropped = age !== null && previous !== null && age < previous;
      previous = age;
      return dropped;
    },
    { timeout: 30_000, interval: 100, what },
  );
}

/** Waits until some node percentage on the page's heat-map(s) differs from now. */
async function waitForHeatmapChange(page: Page, what: string) {
  const before = await heatmapText(page);
  await waitFor(async () => (await heatmapText(page)) !== before, { timeout: 30_000, what });
}

describe('NOC wall screen', () => {
  for (const [label, viewport] of [
    ['1920x1080', FULL_HD],
    ['3840x2160', UHD_4K],
  ] as const) {
    it(`fits ${label} without scrollbars: summary page and cluster page`, async () => {
      const summary = await openNoc(viewport, 'rotate=10m');
      await summary.getByRole('heading', { level: 1, name: 'All clusters' }).waitFor();
      await summary.getByRole('table', { name: 'Clusters' }).waitFor();
      expect(await overflow(summary)).toEqual([]);
      expect(await clusterCellsOutside(summary)).toEqual([]);

      const cluster = await openNoc(viewport, `clusters=${BIG.name}`);
      await cluster.getByRole('heading', { level: 1, name: BIG.name }).waitFor();
      await waitForCharts(cluster.getByRole('main'), 2);
      expect(await overflow(cluster)).toEqual([]);

      // Still fits after live samples have re-rendered everything.
      await waitForHeatmapChange(summary, 'new numbers on the summary page');
      await waitForNewSample(cluster, 'a new sample on the cluster page');
      expect(await overflow(summary)).toEqual([]);
      expect(await overflow(cluster)).toEqual([]);
      expect(await clusterCellsOutside(summary)).toEqual([]);
    });
  }

  it('updates live: the data age resets and the numbers change as samples arrive', async () => {
    const page = await openNoc(FULL_HD, `clusters=${BIG.name}`);
    await waitForNewSample(page, 'the data age to reset on a new sample');
    await waitForHeatmapChange(page, 'a node percentage on the heat-map to change');
    // Fresh means within two resolutions.
    expect(await ageSeconds(page)).toBeLessThanOrEqual((2 * RESOLUTION_MS) / 1000);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows STALE when the simulator’s metrics stop, and clears it when they resume', async () => {
    const single = await openNoc(FULL_HD, `clusters=${SMALL.name}`);
    const summary = await openNoc(FULL_HD, 'rotate=10m');
    const rows = summary.getByRole('table', { name: 'Clusters' });
    const statuses = async () => {
      const byName = rowsByName(await readTable(rows));
      return {
        big: byName.get(BIG.name)?.Status ?? '',
        small: byName.get(SMALL.name)?.Status ?? '',
      };
    };
    await waitForScreen(statuses, (s) => s.big === 'OK' && s.small === 'OK', {
      what: 'both clusters OK before the fault',
    });
    expect(await single.getByRole('alert').count()).toBe(0);

    env().small.faults.set('metrics-stale');

    const alert = single.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    await alert.getByText('STALE', { exact: true }).waitFor();
    expect(await alert.innerText()).toContain(SMALL.name);
    // The summary row says which cluster: the small one is STALE, the big one is not.
    await waitForScreen(statuses, (s) => s.small.includes('STALE') && s.big === 'OK', {
      what: 'the summary to mark only e2e-small STALE',
    });
    await summary.getByRole('alert').getByText(SMALL.name, { exact: false }).waitFor();
    // A longer status ("STALE · metrics stale …") wraps in its cell; no column leaves the screen.
    expect(await clusterCellsOutside(summary)).toEqual([]);

    env().small.faults.clear('metrics-stale');

    await alert.waitFor({ state: 'detached', timeout: 30_000 });
    await waitForNewSample(single, 'fresh samples after the fault cleared');
    await waitForScreen(statuses, (s) => s.big === 'OK' && s.small === 'OK', {
      what: 'both clusters OK again',
    });
    expect(await summary.getByRole('alert').count()).toBe(0);
  });

  it('survives a server restart on the same port and comes back to live data without a reload', async () => {
    const page = await openNoc(FULL_HD, `clusters=${BIG.name}`);
    await waitForNewSample(page, 'live data before the restart');
    // A reload would wipe this marker and count a navigation.
    await page.evaluate(() => Object.assign(window, { e2eMarker: 'still-here' }));
    let navigations = 0;
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    const portBefore = new URL(env().baseUrl).port;

    await env().stopServer();
    const alert = page.getByRole('alert');
    await alert.getByText('STALE', { exact: true }).waitFor({ timeout: 30_000 });
    // The banner says why: the server cannot be reached and the screen is reconnecting.
    await alert.getByText(/reconnect/i).waitFor({ timeout: 30_000 });
    await page
      .getByRole('banner')
      .getByText(/reconnecting…|connecting…/)
      .waitFor();

    await env().startServer();
    expect(new URL(env().baseUrl).port).toBe(portBefore);

    // Back by itself (the stream retries with back-off, at most 15 s apart).
    await alert.waitFor({ state: 'detached', timeout: 60_000 });
    await waitForNewSample(page, 'live samples from the new server');
    expect(await ageSeconds(page)).toBeLessThanOrEqual((2 * RESOLUTION_MS) / 1000);
    expect(
      await page
        .getByRole('banner')
        .getByText(/reconnecting…|connecting…/)
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { e2eMarker?: string }).e2eMarker)).toBe(
      'still-here',
    );
    expect(navigations).toBe(0);
    await env().waitUntilReady();
  });
});
