/**
 * The Prometheus faults in every language, against a real Prometheus (`/usr/bin/prometheus`):
 * one that answers but scrapes nothing kubeglance reads (the Prometheus diagnostics link fails),
 * then the same stopped (the link unreachable, and the `prometheus-unavailable` problem on the
 * banner and the wall screen). Every screen without missing keys or English, as in
 * languageFaults.test.ts. Screenshots: e2e/artifacts/lang-<lang>-*-prometheus-*.png.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@kubeglance/server/config';
import { startServer, type RunningServer } from '@kubeglance/server/server';
import { startSim, type RunningSim } from '@kubeglance/sim/index';
import { startPrometheus, type RunningProm } from '../../server/test/prometheusHarness.js';
import { assertWebBuild, snapshotWebBuild } from './fixtures/backend.js';
import { assertChromium, launchBrowser, type BrowserSession } from './fixtures/browser.js';
import { expectFaultSpoken, type FaultWorld } from './fixtures/languageFaults.js';

const NAME = 'e2e-prom-lang';
let dir: string;
let sim: RunningSim;
let prom: RunningProm;
let server: RunningServer;
let browser: BrowserSession;

const world: FaultWorld = {
  newPage: (viewport) => browser.newPage(viewport),
  api: async <T>(path: string) => {
    const res = await fetch(server.url + path, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  },
};

beforeAll(async () => {
  assertWebBuild();
  assertChromium();
  dir = await mkdtemp(join(tmpdir(), 'kubeglance-e2e-prom-lang-'));
  const common = { nodes: 3, pods: 18, namespaces: 2, seed: 5, churnPerMinute: 0, port: 0 };
  sim = await startSim({ name: NAME, ...common, resolutionMs: 2000 });
  // Up, but without the kubelet scrape jobs: nothing kubeglance reads.
  prom = await startPrometheus(sim, {
    backfillMs: 0,
    backfillStepMs: 60_000,
    scrapeIntervalMs: 2000,
    scrapeKubelets: false,
  });
  const staticDir = await snapshotWebBuild(dir);
  const config = parseConfig(
    [
      ...['--kubeconfig', sim.kubeconfigPath, '--port', '0', '--log-level', 'silent'],
      ...['--static-dir', staticDir, '--prometheus', prom.url],
    ],
    {},
  );
  server = await startServer(config, {});
  browser = await launchBrowser(() => server.url);
}, 180_000);

afterEach(async () => {
  await browser.closePages();
  expect(browser.pageErrors.splice(0), 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser?.stop();
  await server?.stop();
  await prom?.stop();
  await prom?.dispose();
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('Prometheus faults in every language', () => {
  it('a Prometheus without the kubelet series: the Prometheus link fails', async () => {
    await expectFaultSpoken(world, {
      fault: 'prometheus-no-series',
      cluster: NAME,
      check: 'prometheus',
    });
  }, 300_000);

  it('a Prometheus that stopped: unreachable, and the problem on the banner and wall screen', async () => {
    await prom.stop();
    await expectFaultSpoken(world, {
      fault: 'prometheus-down',
      cluster: NAME,
      problem: 'prometheus-unavailable',
      check: 'prometheus',
    });
  }, 300_000);
});
