/**
 * Every screen in English, Simplified Chinese and Japanese: no missing-key marker, and in
 * zh-CN and ja none of the English resource's sentences on the page (terms the Kubernetes docs
 * keep in English are allowed); `<html lang>` follows the language; the header's picker
 * switches and is remembered; the wall screen pinned with `?lang=` fits 1080p and 4K without
 * scrollbars and with no text under 2.5 % of the screen height. Screenshots per language:
 * e2e/artifacts/lang-*.png (and docs/screenshots/ with UPDATE_DOCS_SCREENSHOTS=1).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type {
  ClusterInfo,
  DiagnosticCheckId,
  DiagnosticsReport,
  ListResponse,
  NamespaceRow,
  NodeRow,
  PodRow,
  ProblemCode,
  SampledListResponse,
} from '@kubeglance/shared/api';
import { en } from '../../web/src/i18n/locales/en.js';
import { ja } from '../../web/src/i18n/locales/ja.js';
import { zhCN } from '../../web/src/i18n/locales/zh-CN.js';
import { phrasesJa } from '../../web/src/i18n/phrases/ja.js';
import { phrasesZhCN } from '../../web/src/i18n/phrases/zh-CN.js';
import { publishScreenshot, screenshot } from './fixtures/artifacts.js';
import { BIG, DESKTOP, FULL_HD, SMALL, UHD_4K, type Viewport } from './fixtures/env.js';
import { smallestText } from './fixtures/nocLayout.js';
import { useEnv } from './fixtures/suite.js';
import { waitForCharts, waitForScreen } from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

const LANGS = { en, 'zh-CN': zhCN, ja } as const;
type Lang = keyof typeof LANGS;
type Messages = typeof en;

/** Terms that stay in English in every language (Kubernetes kinds, units, kubectl's words). */
const ENGLISH_TERMS = new Set([
  'CPU',
  'Pod',
  'Namespace',
  'Prometheus',
  'kubeglance',
  'APIService v1beta1.metrics.k8s.io',
  'Source: Prometheus',
]);

type Tree = { [key: string]: string | Tree };
const strings = (tree: Tree): string[] =>
  Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : strings(v)));

/**
 * The English resource's text, cut at its placeholders: each piece with a word of four letters
 * or more, minus the allowed terms. Any of them on a zh-CN or ja page is untranslated text.
 */
const ENGLISH_PIECES = [
  ...new Set(
    strings(en as unknown as Tree)
      .flatMap((s) => s.split(/\{\{[^}]*\}\}/))
      .map((p) => p.trim().replace(/^[\s,.:;·/()–-]+|[\s,.:;·/()–-]+$/g, ''))
      .filter((p) => /[A-Za-z]{4,}/.test(p) && !ENGLISH_TERMS.has(p)),
  ),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * English pieces found as whole words in `text`, in context: not inside a pod or node name,
 * not kubectl's `<unknown>`, not part of a dotted or slashed name (`v1beta1.metrics.k8s.io`),
 * not in a kubectl command (`kubectl top pods`).
 */
function englishIn(page: string, pieces: readonly string[] = ENGLISH_PIECES): string[] {
  const text = page.replace(/\bkubectl(?: [a-z][\w-]*)+/g, 'kubectl');
  return pieces.flatMap((p) => {
    const m = new RegExp(`(?<![\\w<./-])${escape(p)}(?![\\w>-]|\\.\\w)`).exec(text);
    if (!m) return [];
    return [`${p} in “${text.slice(Math.max(0, m.index - 30), m.index + p.length + 30)}”`];
  });
}

/**
 * What the page says: its rendered text and the names and tooltips it gives its elements,
 * except what it marks `translate="no"` (the API's own words, commands, YAML, upstream errors).
 */
function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const ours = (el: Element | null) => !!el && !el.closest('[translate="no"]');
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!ours(el) || !el!.checkVisibility() || el!.closest('script, style')) continue;
      if ((n.textContent ?? '').trim()) texts.push(n.textContent!.trim());
    }
    const attrs = Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))
      .filter(ours)
      .flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a)))
      .filter((v): v is string => !!v);
    return [document.title, ...texts, ...attrs].join('\n');
  });
}

/**
 * The checks every screen passes in every language. `server`: English the server said (its
 * problems' and diagnostics' sentences, see {@link serverPieces}), looked for like the
 * resource's own.
 */
async function expectSpoken(page: Page, lang: Lang, screen: string, server: string[] = []) {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  const text = await pageText(page);
  expect(text, `${screen} (${lang}): missing-key marker`).not.toContain('⟦');
  if (lang !== 'en') {
    const pieces = [...ENGLISH_PIECES, ...server.filter((p) => !TRANSLATED[lang].includes(p))];
    expect(englishIn(text, pieces), `${screen} (${lang}): English text`).toEqual([]);
  }
}

/** Everything a language's resources say (translation and phrases): terms it keeps in English. */
const TRANSLATED: Record<Lang, string> = {
  en: '',
  'zh-CN': [...strings(zhCN as unknown as Tree), ...strings(phrasesZhCN as Tree)].join('\n'),
  ja: [...strings(ja as unknown as Tree), ...strings(phrasesJa as Tree)].join('\n'),
};

/**
 * The server's English sentences cut into runs of three or more words or numbers, starting
 * with a word (commands in backticks left out): any of them on a zh-CN or ja page is a server
 * sentence shown untranslated ("and 3 more" too). Names (`node-1`, `kube-system/x`) end a
 * run, so parameters are never taken for English.
 */
function serverPieces(sentences: readonly string[]): string[] {
  const run = /[A-Za-z][A-Za-z’']*(?:[ ,:]+(?:[A-Za-z][A-Za-z’']*|\d+))+/g;
  return [
    ...new Set(
      sentences.flatMap((s) => (s.replace(/`[^`]*`/g, ' ').match(run) ?? []).map((p) => p.trim())),
    ),
  ].filter((p) => !ENGLISH_TERMS.has(p) && p.split(/[ ,:]+/).length >= 3);
}

async function noLoading(page: Page) {
  await waitFor(async () => (await page.locator('.panel-message-loading').count()) === 0, {
    timeout: 30_000,
    what: 'loading messages to go away',
  });
}

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
        await shoot(drill, `lang-${lang}-namespace`);
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

  describe('faults in every language: Diagnostics, the problem banner, wall-screen alerts', () => {
    afterEach(() => env().small.faults.clear());

    const FAULTS: { fault: string; problem: ProblemCode; check: DiagnosticCheckId }[] = [
      { fault: 'metrics-unavailable', problem: 'metrics-api-unavailable', check: 'apiservice' },
      { fault: 'kubelet-x509-some', problem: 'nodes-missing-metrics', check: 'kubelet-scrape' },
      { fault: 'metrics-forbidden', problem: 'metrics-forbidden', check: 'rbac' },
      { fault: 'metrics-stale', problem: 'metrics-stale', check: 'freshness' },
    ];
    const small = <T>(path: string) => env().api<T>(`/api/v1/clusters/${SMALL.name}${path}`);

    /** The server's English for the fault: its problems and every diagnostics sentence. */
    async function serverEnglish(): Promise<string[]> {
      const { items } = await env().api<ListResponse<ClusterInfo>>('/api/v1/clusters');
      const status = items.find((c) => c.name === SMALL.name)!.status;
      const report = await small<DiagnosticsReport>('/diagnostics');
      return serverPieces([
        ...status.problems.flatMap((p) => [p.message, p.hint]),
        ...report.checks.flatMap((c) => [
          c.summary.text,
          ...c.evidence.map((e) => e.label.text),
          ...c.fix.map((f) => f.text.text),
        ]),
      ]);
    }

    it.each(FAULTS)('$fault', async ({ fault, problem, check }) => {
      env().small.faults.set(fault);
      await waitFor(
        async () => {
          const { items } = await env().api<ListResponse<ClusterInfo>>('/api/v1/clusters');
          const s = items.find((c) => c.name === SMALL.name)!.status;
          return s.problems.some((p) => p.code === problem) && s.diagnostics?.failing?.id === check;
        },
        { timeout: 60_000, what: `${problem} and ${check} failing in the server's status` },
      );
      const server = await serverEnglish();
      expect(server.length).toBeGreaterThan(5);

      for (const lang of Object.keys(LANGS) as Lang[]) {
        const t: Messages = LANGS[lang];
        const diag = await open(lang, `/clusters/${SMALL.name}/diagnostics`);
        await waitFor(
          async () =>
            (await diag.getByRole('article').first().getAttribute('data-check')) === check,
          { timeout: 30_000, what: `${check} first on the Diagnostics page (${lang})` },
        );
        await noLoading(diag);
        await expectSpoken(diag, lang, `diagnostics, ${fault}`, server);
        await shoot(diag, `lang-${lang}-diagnostics-${fault}`);
        await diag.context().close();

        const overview = await open(lang, `/clusters/${SMALL.name}`);
        const banner = overview.getByRole('region', {
          name: t.banner.problemsIn.replace('{{cluster}}', SMALL.name),
        });
        await banner.locator('.status-banner-message').first().waitFor({ timeout: 30_000 });
        await noLoading(overview);
        await expectSpoken(overview, lang, `overview banner, ${fault}`, server);
        await overview.context().close();

        const noc = await open(lang, `/noc?clusters=${SMALL.name}`, FULL_HD);
        await noc
          .getByRole('region', { name: t.noc.alerts })
          .locator(`[data-key="problem:${problem}"]`)
          .waitFor({ timeout: 30_000 });
        await expectSpoken(noc, lang, `wall screen alerts, ${fault}`, server);
        await shoot(noc, `lang-${lang}-noc-${fault}`, undefined, false);
        await noc.context().close();
      }
    });
  });
});
