/**
 * Each metrics-pipeline fault as a user meets it: the problem banner names the broken link and
 * links to the cluster's Diagnostics page, which shows that link first with its evidence and
 * fix; the wall screen says the same in one line. The server's diagnostics are read without
 * `?refresh=1`: its own schedule must follow one fault replacing another. Screenshots of each
 * Diagnostics page go to e2e/artifacts/diagnostics-<fault>.png (and, with
 * UPDATE_DOCS_SCREENSHOTS=1, to docs/screenshots/ for docs/troubleshooting.md).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ClusterInfo, DiagnosticsReport, ListResponse } from '@kubeglance/shared/api';
import { parseConfig } from '@kubeglance/server/config';
import { startServer } from '@kubeglance/server/server';
import { startSim } from '@kubeglance/sim/index';
import { publishScreenshot, screenshot } from './fixtures/artifacts.js';
import { snapshotWebBuild } from './fixtures/backend.js';
import { DESKTOP, FULL_HD, SMALL } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();

afterEach(() => {
  env().small.faults.clear();
});

interface Case {
  fault: string;
  check: string;
  /** The check's summary code: tells two faults of the same link apart. */
  code: string;
  title: string;
  seen: RegExp;
}

const APISERVICE = 'APIService v1beta1.metrics.k8s.io';
const CASES: Case[] = [
  {
    fault: 'aggregation-off',
    check: 'aggregation',
    code: 'aggregation.off',
    title: 'Aggregation layer',
    seen: /system:anonymous/,
  },
  {
    fault: 'apiservice-missing',
    check: 'apiservice',
    code: 'apiservice.missing',
    title: APISERVICE,
    seen: /404/,
  },
  {
    fault: 'apiservice-timeout',
    check: 'apiservice',
    code: 'apiservice.timeout',
    title: APISERVICE,
    seen: /i\/o timeout/,
  },
  {
    fault: 'missing-endpoints',
    check: 'apiservice',
    code: 'apiservice.missing-endpoints',
    title: APISERVICE,
    seen: /MissingEndpoints/,
  },
  {
    fault: 'kubelet-x509-some',
    check: 'kubelet-scrape',
    code: 'kubelet-scrape.some-missing',
    title: 'Kubelet scrape',
    seen: /doesn't contain any IP SANs/,
  },
  {
    fault: 'kubelet-x509-all',
    check: 'kubelet-scrape',
    code: 'kubelet-scrape.all-failing',
    title: 'Kubelet scrape',
    seen: /doesn't contain any IP SANs/,
  },
];

type Get = <T>(path: string) => Promise<T>;

/**
 * Until the server's latest report (its scheduled or health-change runs, never `?refresh=1`)
 * names `c.check` with `c.code`. The previous case's fault was on until this one was set,
 * often with the same health (both 503): only the schedule (10 s while troubled) notices.
 */
async function serverNames(get: Get, cluster: string, c: Case, timeout = 30_000): Promise<void> {
  await waitFor(
    async () => {
      const r = await get<DiagnosticsReport>(`/api/v1/clusters/${cluster}/diagnostics`);
      const check = r.checks.find((x) => x.id === c.check);
      return r.failing === c.check && check!.summary.code === c.code;
    },
    { timeout, what: `the server's scheduled diagnostics naming ${c.code}` },
  );
}

/**
 * Overview banner → Diagnostics page (the failing link first, evidence verbatim, a fix to
 * copy, the chain as steps) → the wall screen's one line and alert. Returns the Diagnostics
 * page, still open.
 */
async function walkThrough(
  origin: string,
  cluster: string,
  c: Case,
  status: 'fail' | 'warn',
): Promise<Page> {
  const page = await env().newPage(DESKTOP);
  await page.goto(`${origin}/clusters/${cluster}`);
  const banner = page.getByRole('region', { name: `Problems in ${cluster}` });
  await banner.getByText(c.title, { exact: false }).first().waitFor({ timeout: 30_000 });
  await banner.getByRole('link', { name: 'Diagnose the metrics pipeline →' }).click();
  await page.waitForURL(`**/clusters/${cluster}/diagnostics`);

  const first = page.getByRole('article').first();
  await waitFor(async () => (await first.getAttribute('data-check')) === c.check, {
    timeout: 30_000,
    what: `${c.check} as the first card`,
  });
  expect(await first.getAttribute('data-status')).toBe(status);
  expect(
    await page
      .getByRole('region', { name: 'Fix this first' })
      .getByRole('heading', { level: 2, name: c.title })
      .count(),
  ).toBe(1);
  await expect
    .poll(() => first.locator('.diag-mono').allInnerTexts(), { timeout: 30_000 })
    .toEqual(expect.arrayContaining([expect.stringMatching(c.seen)]));
  expect(await first.getByRole('button', { name: 'Copy' }).count()).toBeGreaterThan(0);
  const steps = page.getByRole('list', { name: 'Metrics chain' }).getByRole('listitem');
  expect(await steps.count()).toBe(8);
  const shot = await screenshot(page, `diagnostics-${c.fault}`, { fullPage: true });
  await publishScreenshot(shot, `diagnostics-${c.fault}.png`);

  // The wall screen says it in one line, and its pipeline alert opens the same page.
  const noc = await env().newPage(FULL_HD);
  await noc.goto(`${origin}/noc?clusters=${cluster}`);
  const line = noc.getByRole('link', { name: `Diagnosis of ${cluster}` });
  await line.waitFor({ timeout: 30_000 });
  await waitFor(async () => (await line.innerText()).includes(c.title), {
    what: 'NOC diagnosis line',
  });
  const box = await line.boundingBox();
  // One line, readable across a room: at least 3 % of the screen's height.
  expect(box!.height).toBeLessThan(FULL_HD.height * 0.08);
  expect(box!.height).toBeGreaterThan(FULL_HD.height * 0.03);
  expect(await line.getAttribute('href')).toBe(`/clusters/${cluster}/diagnostics#${c.check}`);
  const alertLinks = noc.getByRole('region', { name: 'Alerts' }).getByRole('link');
  await waitFor(async () => (await alertLinks.count()) > 0, {
    what: 'a pipeline alert linking to Diagnostics',
  });
  expect(await alertLinks.first().getAttribute('href')).toMatch(
    new RegExp(`^/clusters/${cluster}/diagnostics`),
  );
  const nocShot = await screenshot(noc, `noc-diagnosis-${c.fault}`);
  if (c.fault === 'kubelet-x509-all') await publishScreenshot(nocShot, 'noc-diagnosis.png');
  await noc.close();
  return page;
}

describe('diagnostics of a broken metrics pipeline', () => {
  it.each(CASES.map((c) => [c.fault, c.check, c] as const))(
    '%s: banner → Diagnostics page (%s first) → NOC',
    async (_fault, _check, c) => {
      env().small.faults.set(c.fault);
      await serverNames(env().api, SMALL.name, c);
      await walkThrough(env().baseUrl, SMALL.name, c, 'fail');
    },
  );
});

const WARMUP: Case = {
  fault: 'warmup',
  check: 'warmup',
  code: 'warmup.warming',
  title: 'metrics-server pod and warm-up',
  seen: /--metric-resolution|started=/,
};
/** metrics-server's default `--metric-resolution`: a warm-up of 30 s, long enough to look at. */
const WARMUP_RESOLUTION_MS = 15_000;

describe('a metrics-server just deployed (--warmup)', () => {
  it('names the warm-up with its expected wait, then recovers by itself', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kubeglance-e2e-warmup-'));
    const sim = await startSim({
      name: 'e2e-warmup',
      nodes: 3,
      pods: 30,
      namespaces: 2,
      seed: 5,
      resolutionMs: WARMUP_RESOLUTION_MS,
      host: '127.0.0.1',
      port: 0,
      warmup: true,
    });
    const staticDir = await snapshotWebBuild(dir);
    const config = parseConfig(
      [
        ...['--kubeconfig', sim.kubeconfigPath, '--static-dir', staticDir],
        ...['--port', '0', '--log-level', 'silent', '--resolution', '15s'],
      ],
      {},
    );
    const server = await startServer(config, {});
    const get: Get = async <T>(path: string) => {
      const res = await fetch(server.url + path);
      if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
      return (await res.json()) as T;
    };
    try {
      await serverNames(get, sim.name, WARMUP, 20_000);
      const r = await get<DiagnosticsReport>(`/api/v1/clusters/${sim.name}/diagnostics`);
      const w = r.checks.find((x) => x.id === 'warmup')!;
      // Two scrapes of metrics-server's --metric-resolution (15s).
      expect(w.summary.params.expected).toBe(30);
      expect(w.summary.text).toMatch(/about 30 s/);
      const page = await walkThrough(server.url, sim.name, WARMUP, 'warn');
      expect(await page.getByText(/it answers after two scrapes \(about 30 s\)/).count()).toBe(1);

      // Nothing to do: data arrives and the open page turns green without a reload.
      await waitFor(
        async () => {
          const { items } = await get<ListResponse<ClusterInfo>>('/api/v1/clusters');
          const s = items[0]!.status;
          return s.metrics === 'ok' && s.problems.length === 0 && s.diagnostics?.status === 'ok';
        },
        { timeout: 60_000, what: 'the pipeline to recover by itself' },
      );
      await page.getByText('Every link works').waitFor({ timeout: 30_000 });
    } finally {
      await server.stop();
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
