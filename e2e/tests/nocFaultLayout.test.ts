/**
 * The wall screen's cluster page when a fault takes room (the STALE banner and the diagnosis
 * line above the panels): nothing may be squeezed out of sight. Every panel holds all it
 * shows (no alert line, top-pod row or heat-map group lost at its bottom, no text cut), the
 * top lists keep two lines a row and say how many they show, and both charts are drawn tall
 * enough to read. Healthy, the same page shows the full top ten.
 * Screenshots: e2e/artifacts/noc-layout-<fault>-<size>.png.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BIG, FULL_HD, UHD_4K, type Viewport } from './fixtures/env.js';
import { screenshot } from './fixtures/artifacts.js';
import { clippedOnNoc, topListFacts } from './fixtures/nocLayout.js';
import { useEnv } from './fixtures/suite.js';
import { waitForCharts, waitForScreen } from './fixtures/ui.js';

const env = useEnv();

afterEach(() => {
  env().big.faults.clear();
});

const SIZES = [
  [FULL_HD, '1080p'],
  [UHD_4K, '4k'],
] as const;

async function openCluster(viewport: Viewport): Promise<Page> {
  const page = await env().newPage(viewport);
  await page.goto(`/noc?clusters=${BIG.name}&rotate=10m`);
  await page.getByRole('region', { name: 'Alerts' }).waitFor({ timeout: 20_000 });
  await page.locator('.noc-top ol > li').first().waitFor({ timeout: 20_000 });
  return page;
}

/** Heights of the drawn big-number charts, in units of the wall screen's minimum font. */
function chartHeights(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.noc-big-chart svg.recharts-surface')).map(
      (svg) => svg.getBoundingClientRect().height / (0.025 * window.innerHeight),
    ),
  );
}

/** Both big-number charts drawn (they load lazily), never left out for want of room. */
async function waitForBigCharts(page: Page): Promise<void> {
  await waitForCharts(page.locator('.noc-main'), 2);
}

async function expectNothingHidden(page: Page, tag: string, healthy: boolean, shot: string) {
  await waitForBigCharts(page);
  // Layouts settle after their panels are measured: wait for a clean read, then report it.
  // Healthy means no STALE banner at that moment (a loaded machine can make a 2 s
  // resolution late; the page then rightly says STALE and gives up rows).
  const read = async () => ({
    clipped: await clippedOnNoc(page),
    lists: await topListFacts(page),
    stale: await page.getByRole('alert').count(),
  });
  const seen = await waitForScreen(
    read,
    (r) =>
      (r.clipped.length === 0 &&
        (!healthy || (r.stale === 0 && r.lists.every((l) => l.rows === 10)))) ||
      JSON.stringify(r.clipped.slice(0, 4)),
    { what: `nothing clipped (${tag})`, timeout: healthy ? 60_000 : 10_000 },
  ).catch(read);
  await screenshot(page, shot); // what was measured, also when it fails
  expect(seen.clipped, tag).toEqual([]);
  const fullTopTen = healthy;
  if (healthy) expect(seen.stale, `${tag}: STALE`).toBe(0);
  for (const list of seen.lists) {
    expect(list.title, tag).toBe(
      `Top ${list.rows} pods by ${/CPU/.test(list.title) ? 'CPU' : 'memory'}`,
    );
    expect(list.rows, `${tag}: ${list.title}`).toBe(fullTopTen ? 10 : list.rows);
    expect(list.rows, `${tag}: ${list.title}`).toBeGreaterThanOrEqual(3);
    expect(list.minLines, `${tag}: ${list.title} row height in lines`).toBeGreaterThanOrEqual(1.95);
    expect(list.overlaps, `${tag}: ${list.title} rows overlapping`).toEqual([]);
  }
  const charts = await chartHeights(page);
  expect(charts, `${tag}: charts drawn`).toHaveLength(2);
  for (const h of charts) {
    expect(h, `${tag}: chart height in minimum fonts`).toBeGreaterThanOrEqual(3.5);
  }
}

describe('wall screen layout under faults', () => {
  for (const [viewport, size] of SIZES) {
    it(`healthy at ${size}: the full top ten, nothing clipped`, async () => {
      const page = await openCluster(viewport);
      await expectNothingHidden(page, `healthy ${size}`, true, `noc-layout-healthy-${size}`);
    });

    for (const fault of ['metrics-stale', 'metrics-unavailable'] as const) {
      it(`${fault} at ${size}: STALE and the diagnosis line take room, nothing is hidden`, async () => {
        env().big.faults.set(fault);
        const page = await openCluster(viewport);
        await page.getByRole('alert').getByText('STALE', { exact: true }).waitFor({
          timeout: 40_000,
        });
        await page
          .getByRole('link', { name: `Diagnosis of ${BIG.name}` })
          .waitFor({ timeout: 40_000 });
        await expectNothingHidden(page, `${fault} ${size}`, false, `noc-layout-${fault}-${size}`);
      });
    }
  }
});
