/**
 * Every screen in English, Simplified Chinese and Japanese: no missing-key marker, and in
 * zh-CN and ja none of the English resource's sentences on the page (terms the Kubernetes docs
 * keep in English are allowed); `<html lang>` follows the language; the header's picker
 * switches and is remembered; the wall screen pinned with `?lang=` fits 1080p and 4K without
 * scrollbars and with no text under 2.5 % of the screen height. Screenshots per language:
 * e2e/artifacts/lang-*.png (and docs/screenshots/ with UPDATE_DOCS_SCREENSHOTS=1). Faults in
 * every language: languageFaults.test.ts and languagePrometheus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NamespaceRow, NodeRow, PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { en } from '../../web/src/i18n/locales/en.js';
import { ja } from '../../web/src/i18n/locales/ja.js';
import { zhCN } from '../../web/src/i18n/locales/zh-CN.js';
import { publishScreenshot, screenshot } from './fixtures/artifacts.js';
import {
  ENGLISH_PIECES,
  englishIn,
  expectSpoken,
  LANGS,
  noLoading,
  serverPieces,
  type Lang,
  type Messages,
} from './fixtures/languageChecks.js';
import { BIG, DESKTOP, FULL_HD, UHD_4K, type Viewport } from './fixtures/env.js';
import { smallestText } from './fixtures/nocLayout.js';
import { useEnv } from './fixtures/suite.js';
import { waitForCharts, waitForScreen } from './fixtures/ui.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

async function open(lang: Lang, path: string, viewport: Viewport = DESKTOP) {
  const page = await env().newPage(viewport);
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  return page;
}

async function shoot(page: Page, name: string, docsName?: string, fullPage = true) {
  const path = await screenshot(page, name, { fullPage });
  if (docsName) await publishScreenshot(path, docsName);
}

/** Page and body sizes against the window: any excess means a scrollbar (or clipped text). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const { documentElement: html, body } = document;
    const excess = [
      ['html width', html.scrollWidth - innerWidth],
      ['html height', html.scrollHeight - innerHeight],
      ['body width', body.scrollWidth - innerWidth],
      ['body height', body.scrollHeight - innerHeight],
    ] as const;
    return excess.filter(([, px]) => px > 0).map(([what, px]) => `${what} exceeds by ${px}px`);
  });
}

/** Text boxes of the wall screen cut inside their box (the screen hides overflow). */
function cutText(page: Page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.noc h1, .noc h2, .noc h3, .noc th, .noc td'))
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => (el as HTMLElement).innerText),
  );
}

async function biggestNamespace(): Promise<string> {
  const { items } = await api<SampledListResponse<NamespaceRow>>('/namespaces');
  return [...items].sort((a, b) => b.pods - a.pods)[0]!.name;
}

describe('languages', () => {
  it('the English keys are cut into pieces the check can find', () => {
    expect(ENGLISH_PIECES.length).toBeGreaterThan(200);
    expect(englishIn('Top pods by CPU')).toContainEqual(
      expect.stringMatching(/^Top pods by CPU in /),
    );
    expect(englishIn('<unknown> · 与 kubectl top pods 的输出一致')).toEqual([]);
    expect(englishIn('APIService v1beta1.metrics.k8s.io')).toEqual([]);
    // An RBAC rule names its resource the API's way: `get nodes.metrics.k8s.io`.
    expect(englishIn('拒绝：get nodes.metrics.k8s.io', ['nodes'])).toEqual([]);
    expect(englishIn('Pod 与 nodes。', ['nodes'])).toHaveLength(1);
    expect(englishIn('api-gateway-container-7d9')).toEqual([]);
    const server = serverPieces([
      '2 of 4 nodes have no metrics (node-1 and 1 more): check `kubectl top nodes`.',
    ]);
    expect(server).toEqual(['of 4 nodes have no metrics', 'and 1 more']);
    expect(englishIn('2/4 个节点没有指标（node-1 and 1 more）', server)).toEqual([
      'and 1 more in “2/4 个节点没有指标（node-1 and 1 more）”',
    ]);
  });

  for (const lang of Object.keys(LANGS) as Lang[]) {
    const t: Messages = LANGS[lang];
    describe(`every screen speaks ${lang}`, () => {
      it('overview', async () => {
        const page = await open(lang, `/clusters/${BIG.name}?range=5m`);
        await waitForScreen(
          () => page.getByRole('table', { name: t.common.nodes }).getByRole('rowheader').count(),
          (n) => n === BIG.nodes,
        );
        await waitForCharts(page.getByRole('main'), 2);
        await page.getByRole('table', { name: t.overview.topPods.memory }).waitFor();
        await noLoading(page);
        await expectSpoken(page, lang, 'overview');
        await shoot(page, `lang-${lang}-overview`, `overview-${lang}.png`);
      });

      it('namespace drilldown and pod', async () => {
        const ns = await biggestNamespace();
        const drill = await open(lang, `/clusters/${BIG.name}/namespaces/${ns}?range=5m`);
        await drill
          .getByRole('table', { name: t.common.pods })
          .getByRole('rowheader')
          .first()
          .waitFor();
        await waitForCharts(drill.getByRole('main'), 2);
        await noLoading(drill);
        await expectSpoken(drill, lang, 'namespace');
        await shoot(drill, `lang-${lang}-namespace`, `namespace-${lang}.png`);
        await drill.context().close();

        const { items: pods } = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
        const pod = pods.find((p) => p.metrics === 'ok')!;
        const page = await open(lang, `/clusters/${BIG.name}/namespaces/${ns}/pods/${pod.name}`);
        await waitForCharts(page.getByRole('main'), 2 * pod.containers.length);
        await noLoading(page);
        await expectSpoken(page, lang, 'pod');
        await shoot(page, `lang-${lang}-pod`);
      });

      it('node page', async () => {
        const { items: nodes } = await api<SampledListResponse<NodeRow>>('/nodes');
        const page = await open(lang, `/clusters/${BIG.name}/nodes/${nodes.at(-1)!.name}`);
        await page
          .getByRole('table', { name: t.node.podsOnNode })
          .getByRole('rowheader')
          .first()
          .waitFor();
        await waitForCharts(page.getByRole('main'), 2);
        await noLoading(page);
        await expectSpoken(page, lang, 'node');
        await shoot(page, `lang-${lang}-node`);
      });

      it('diagnostics and a page that does not exist', async () => {
        const page = await open(lang, `/clusters/${BIG.name}/diagnostics`);
        await page.getByRole('region', { name: t.diagnostics.everyLink }).waitFor();
        await noLoading(page);
        await expectSpoken(page, lang, 'diagnostics');
        await shoot(page, `lang-${lang}-diagnostics`);
        await page.context().close();

        const missing = await open(lang, '/no/such/page');
        await missing.getByText(t.app.notFound).waitFor();
        await expectSpoken(missing, lang, 'not found');
      });
    });
  }

  it('the header picker switches the language, keeps it in the URL and remembers it', async () => {
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}`);
    await page.getByRole('table', { name: en.common.nodes }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('combobox', { name: en.header.language }).selectOption('ja');
    await page.getByRole('table', { name: ja.common.nodes }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ja');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    // Saved: the next visit without ?lang= opens in Japanese.
    await page.goto(`/clusters/${BIG.name}`);
    await page.getByRole('table', { name: ja.common.nodes }).waitFor();
    // ?lang= wins over the saved choice.
    await page.goto(`/clusters/${BIG.name}?lang=zh-CN`);
    await page.getByRole('table', { name: zhCN.common.nodes }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  for (const lang of ['zh-CN', 'ja'] as const) {
    const t: Messages = LANGS[lang];
    for (const [label, viewport] of [
      ['1920x1080', FULL_HD],
      ['3840x2160', UHD_4K],
    ] as const) {
      it(`the wall screen in ${lang} fits ${label}, with no text under 2.5 % of its height`, async () => {
        const floor = 0.025 * viewport.height - 0.5;
        const summary = await open(lang, '/noc?rotate=10m', viewport);
        await summary.getByRole('heading', { level: 1, name: t.noc.allClusters }).waitFor();
        await summary
          .getByRole('table', { name: t.noc.clusters })
          .getByRole('rowheader')
          .nth(1)
          .waitFor();
        await summary
          .getByRole('list', { name: t.noc.heatmap })
          .first()
          .getByRole('listitem')
          .first()
          .waitFor();

        const cluster = await open(lang, `/noc?clusters=${BIG.name}`, viewport);
        await cluster.getByRole('heading', { level: 1, name: BIG.name }).waitFor();
        await waitForCharts(cluster.getByRole('main'), 2);
        await cluster
          .getByRole('list', { name: t.noc.heatmap })
          .getByRole('listitem')
          .first()
          .waitFor();

        for (const [name, page] of [
          ['summary', summary],
          ['cluster', cluster],
        ] as const) {
          expect(await overflow(page), `${name} page`).toEqual([]);
          expect(await cutText(page), `${name} page`).toEqual([]);
          const min = await smallestText(page);
          expect(min.px, `${name} page: ${min.what}`).toBeGreaterThanOrEqual(floor);
          await expectSpoken(page, lang, `wall screen ${name}`);
          const suffix = label === '1920x1080' ? '1080p' : '4k';
          await shoot(
            page,
            `lang-${lang}-noc-${name}-${suffix}`,
            suffix === '1080p' && name === 'summary' ? `noc-${lang}.png` : undefined,
            false,
          );
        }
      });
    }
  }
});
