/**
 * A screenshot of every screen once its data and charts are drawn: e2e/artifacts/<name>.png,
 * and (with UPDATE_DOCS_SCREENSHOTS=1) the README's images in docs/screenshots/ (overview, namespace, node, the
 * two-cluster NOC at 1080p, and the NOC with faults on: partial nodes, an unknown cluster).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NamespaceRow, NodeRow, PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { publishScreenshot, screenshot } from './fixtures/artifacts.js';
import { BIG, DESKTOP, FULL_HD, SMALL, UHD_4K, type Viewport } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { rowHeaderNames, waitForCharts, waitForNoLoading, waitForScreen } from './fixtures/ui.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(path: string): Promise<Viewport> {
  const png = await readFile(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function biggestNamespace(): Promise<string> {
  const { items } = await api<SampledListResponse<NamespaceRow>>('/namespaces');
  const top = [...items].sort((a, b) => b.pods - a.pods)[0];
  if (!top) throw new Error('no namespaces');
  return top.name;
}

async function shoot(page: Page, name: string, viewport: Viewport, fullPage = false) {
  const path = await screenshot(page, name, { fullPage });
  const size = await pngSize(path);
  expect(size.width).toBe(viewport.width);
  if (fullPage) expect(size.height).toBeGreaterThanOrEqual(viewport.height);
  else expect(size.height).toBe(viewport.height);
  return path;
}

describe('screenshots', () => {
  it('overview', async () => {
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}?range=5m`);
    const nodes = page.getByRole('table', { name: 'Nodes' });
    await waitForScreen(
      () => rowHeaderNames(nodes),
      (names) => names.length === BIG.nodes,
    );
    // Every node's trend sparkline is drawn (they need three samples), and both cluster charts.
    await waitForScreen(
      () => nodes.getByRole('img').count(),
      (n) => n === BIG.nodes,
      { timeout: 60_000, what: 'a trend sparkline in every node row' },
    );
    await waitForCharts(page.getByRole('region', { name: 'Usage over the last 5m' }), 2);
    await page.getByRole('table', { name: 'Top pods by memory' }).waitFor();
    await waitForNoLoading(page);
    const path = await shoot(page, 'overview', DESKTOP, true);
    await publishScreenshot(path, 'overview.png');
  });

  it('namespace drilldown', async () => {
    const ns = await biggestNamespace();
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}?range=5m`);
    await page.getByRole('table', { name: 'Pods' }).getByRole('rowheader').first().waitFor();
    await waitForCharts(page.getByRole('region', { name: 'Usage over the last 5m' }), 2);
    await waitForNoLoading(page);
    const path = await shoot(page, 'namespace', DESKTOP, true);
    await publishScreenshot(path, 'namespace.png');
  });

  it('pod detail', async () => {
    const ns = await biggestNamespace();
    const { items } = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
    const pod =
      items.find((p) => p.metrics === 'ok' && p.containers.length > 1) ??
      items.find((p) => p.metrics === 'ok');
    if (!pod) throw new Error(`no pod with metrics in ${ns}`);
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}/pods/${pod.name}?range=5m`);
    await waitForCharts(page.getByRole('main'), 2 * pod.containers.length);
    await waitForNoLoading(page);
    await shoot(page, 'pod', DESKTOP, true);
  });

  it('node page', async () => {
    const { items } = await api<SampledListResponse<NodeRow>>('/nodes');
    const node = items.at(-1)!.name;
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}/nodes/${node}?range=5m`);
    await page
      .getByRole('table', { name: 'Pods on this node' })
      .getByRole('rowheader')
      .first()
      .waitFor();
    await waitForCharts(page.getByRole('region', { name: 'Usage over the last 5m' }), 2);
    await waitForNoLoading(page);
    const path = await shoot(page, 'node', DESKTOP, true);
    await publishScreenshot(path, 'node.png');
  });

  it('NOC with faults: partial nodes beside an unknown cluster, at 1080p and 4K', async () => {
    env().big.faults.set('nodes-missing-metrics');
    try {
      for (const [suffix, viewport] of [
        ['1080p', FULL_HD],
        ['4k', UHD_4K],
      ] as const) {
        const page = await env().newPage(viewport);
        await page.goto(`/noc?clusters=${BIG.name},nope&rotate=10m`);
        await page
          .getByRole('region', { name: 'Alerts' })
          .getByText('nope: unknown cluster')
          .waitFor();
        await page
          .getByRole('region', { name: `Nodes of ${BIG.name}` })
          .getByRole('listitem', { name: /no metrics/ })
          .first()
          .waitFor({ timeout: 30_000 });
        const path = await shoot(page, `noc-faults-${suffix}`, viewport);
        if (suffix === '1080p') await publishScreenshot(path, 'noc-faults.png');
        const cluster = await env().newPage(viewport);
        await cluster.goto(`/noc?clusters=${BIG.name}`);
        await cluster
          .getByText(/partial: \d+ of \d+ nodes/)
          .first()
          .waitFor({ timeout: 30_000 });
        await waitForCharts(cluster.getByRole('main'), 2);
        await shoot(cluster, `noc-cluster-faults-${suffix}`, viewport);
      }
    } finally {
      env().big.faults.clear();
    }
  });

  it('NOC at 1920x1080 and 3840x2160: the two-cluster summary and one cluster’s page', async () => {
    for (const [suffix, viewport] of [
      ['1080p', FULL_HD],
      ['4k', UHD_4K],
    ] as const) {
      const summary = await env().newPage(viewport);
      await summary.goto('/noc?rotate=10m');
      await summary.getByRole('heading', { level: 1, name: 'All clusters' }).waitFor();
      await summary
        .getByRole('table', { name: 'Clusters' })
        .getByRole('rowheader')
        .nth(1)
        .waitFor();
      for (const c of [BIG, SMALL]) {
        await summary
          .getByRole('region', { name: `Nodes of ${c.name}` })
          .getByRole('listitem')
          .first()
          .waitFor();
      }
      expect(await summary.getByRole('alert').count()).toBe(0);
      const path = await shoot(summary, `noc-${suffix}`, viewport);
      // The README shows the wall screen with both clusters.
      if (suffix === '1080p') await publishScreenshot(path, 'noc.png');

      const cluster = await env().newPage(viewport);
      await cluster.goto(`/noc?clusters=${BIG.name}`);
      await cluster.getByRole('heading', { level: 1, name: BIG.name }).waitFor();
      await waitForCharts(cluster.getByRole('main'), 2);
      await cluster
        .getByRole('list', { name: 'Node heat-map' })
        .getByRole('listitem')
        .first()
        .waitFor();
      expect(await cluster.getByRole('alert').count()).toBe(0);
      await shoot(cluster, `noc-cluster-${suffix}`, viewport);
    }
  });
});
