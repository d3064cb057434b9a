/**
 * The 7-day range on every screen (overview, node, namespace, pod), from a real Prometheus (seven days backfilled from the
 * simulator with promtool, then live scrapes of its kubelets), with the source marked on each
 * chart. Screenshots: e2e/artifacts/*-7d.png (docs/screenshots/ with UPDATE_DOCS_SCREENSHOTS=1).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { parseConfig } from '@kubeglance/server/config';
import { startServer, type RunningServer } from '@kubeglance/server/server';
import { startSim, type RunningSim } from '@kubeglance/sim/index';
import { startPrometheus, type RunningProm } from '../../server/test/prometheusHarness.js';
import { publishScreenshot, screenshot } from './fixtures/artifacts.js';
import { assertWebBuild, WEB_DIST } from './fixtures/backend.js';
import {
  assertChromium,
  launchBrowser,
  type BrowserSession,
  DESKTOP,
  FULL_HD,
} from './fixtures/browser.js';
import { waitForCharts, waitForNoLoading } from './fixtures/uiWaits.js';

const NAME = 'e2e-prom';
let dir: string;
let sim: RunningSim;
let prom: RunningProm;
let server: RunningServer;
let browser: BrowserSession;

beforeAll(async () => {
  assertWebBuild();
  assertChromium();
  dir = await mkdtemp(join(tmpdir(), 'kubeglance-e2e-prom-'));
  sim = await startSim({
    name: NAME,
    nodes: 3,
    pods: 24,
    namespaces: 3,
    seed: 9,
    resolutionMs: 5000,
    churnPerMinute: 0,
    port: 0,
  });
  prom = await startPrometheus(sim, {
    backfillMs: 7 * 86_400_000,
    backfillStepMs: 300_000,
    scrapeIntervalMs: 5000,
    kubeStateMetrics: true,
  });
  const config = parseConfig(
    [
      ...['--kubeconfig', sim.kubeconfigPath, '--port', '0', '--log-level', 'silent'],
      ...['--static-dir', WEB_DIST, '--prometheus', prom.url],
      ...['--prometheus-scrape-interval', '5m'],
    ],
    {},
  );
  server = await startServer(config, {});
  browser = await launchBrowser(() => server.url);
}, 400_000);

afterAll(async () => {
  await browser?.stop();
  await server?.stop();
  await prom?.stop();
  await prom?.dispose();
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every chart of the region is drawn and captioned with both sources. */
async function expectSourcesMarked(page: Page, region: string, charts: number) {
  const scope = page.getByRole('region', { name: region });
  await waitForCharts(scope, charts);
  const captions = scope.getByTestId('chart-source');
  await captions.first().waitFor();
  expect(await captions.count()).toBe(charts);
  for (const text of await captions.allTextContents()) {
    expect(text).toMatch(/^Source: Prometheus until .+, then kubeglance memory$/);
  }
  expect(browser.pageErrors).toEqual([]);
}

async function shoot(page: Page, name: string, fullPage = true) {
  await waitForNoLoading(page);
  const path = await screenshot(page, name, { fullPage });
  await publishScreenshot(path, `${name}.png`);
}

describe('7 d range through Prometheus', () => {
  it('overview: the range is offered, both cluster charts say where their data came from', async () => {
    const page = await browser.newPage(DESKTOP);
    await page.goto(`/clusters/${NAME}`);
    const range = page.getByRole('group', { name: 'Time range' });
    // Offered because the server has a Prometheus for this cluster.
    await range.locator('label', { hasText: /^7d$/ }).click();
    await page.waitForURL(/range=7d/);
    await expectSourcesMarked(page, 'Usage over the last 7d', 2);
    // kube-state-metrics is scraped: requests and limits over time, named in each legend.
    const region = page.getByRole('region', { name: 'Usage over the last 7d' });
    expect(await region.getByText('requests (kube-state-metrics)').count()).toBe(2);
    await shoot(page, 'overview-7d');
    const wide = await browser.newPage(FULL_HD);
    await wide.goto(`/clusters/${NAME}?range=7d`);
    await expectSourcesMarked(wide, 'Usage over the last 7d', 2);
    await waitForNoLoading(wide);
    await screenshot(wide, 'overview-7d-1920');
  });

  it('node: both node charts over 7 d, sources marked', async () => {
    const node = sim.cluster.store.list('nodes')[0]!.metadata.name;
    const page = await browser.newPage(DESKTOP);
    await page.goto(`/clusters/${NAME}/nodes/${node}?range=7d`);
    await expectSourcesMarked(page, 'Usage over the last 7d', 2);
    const region = page.getByRole('region', { name: 'Usage over the last 7d' });
    expect(await region.getByText('requests (kube-state-metrics)').count()).toBe(2);
    await shoot(page, 'node-7d', false);
  });

  it('namespace: the stacked charts over 7 d, sources marked', async () => {
    const page = await browser.newPage(DESKTOP);
    await page.goto(`/clusters/${NAME}/namespaces/kube-system?range=7d`);
    await expectSourcesMarked(page, 'Usage over the last 7d', 2);
    // The viewport only: the charts are at the top, and the long pod table below them makes a
    // full-page capture slow on a loaded machine.
    await shoot(page, 'namespace-7d', false);
  });

  it('pod: each container chart over 7 d, sources marked', async () => {
    const res = await fetch(`${server.url}/api/v1/clusters/${NAME}/namespaces/kube-system/pods`);
    const { items } = (await res.json()) as SampledListResponse<PodRow>;
    const pod = items.find((p) => p.metrics === 'ok');
    if (!pod) throw new Error('no pod with metrics in kube-system');
    const page = await browser.newPage(DESKTOP);
    await page.goto(`/clusters/${NAME}/namespaces/kube-system/pods/${pod.name}?range=7d`);
    const captions = page.getByTestId('chart-source');
    await captions.first().waitFor({ timeout: 60_000 });
    const charts = pod.containers.length * 2;
    await waitForCharts(page.locator('main'), charts);
    expect(await captions.count()).toBe(charts);
    for (const text of await captions.allTextContents()) expect(text).toMatch(/Prometheus until/);
    await shoot(page, 'pod-7d');
  });
});
