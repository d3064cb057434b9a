/**
 * What a browser bench runs against: the simulator and the kubeglance server each in its own
 * process (the server bench's launchers), a private copy of the production web build, and
 * Chromium (the e2e fixtures' launcher), with the probe installed in every page.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { spawnServer } from '../../server/bench/serverProcess.js';
import { spawnSim } from '../../server/bench/simProcess.js';
import { assertWebBuild, snapshotWebBuild } from '../tests/fixtures/backend.js';
import { assertChromium, launchBrowser, type Viewport } from '../tests/fixtures/browser.js';
import { waitFor } from '../tests/fixtures/wait.js';
import { installProbe, type ProbeData, type ProbeOptions } from './probe.js';

export interface World {
  cluster: string;
  baseUrl: string;
  /** A fresh browser context and page with the probe installed (not navigated yet). */
  newPage(viewport: Viewport, probe?: ProbeOptions): Promise<Page>;
  /** Pages' uncaught errors so far. */
  pageErrors: string[];
  stop(): Promise<void>;
}

/** The probe's records in `page` (see probe.ts). */
export function probeData(page: Page): Promise<ProbeData> {
  return page.evaluate(() => (window as unknown as { __bench: ProbeData }).__bench);
}

/**
 * The main thread's CPU time in `page` so far (ms, CDP `Performance.getMetrics` ThreadTime):
 * unlike wall-clock figures, it hardly changes when neighbours load the machine.
 */
export async function cpuClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const seconds = metrics.find((m) => m.name === 'ThreadTime')?.value;
    if (seconds === undefined) throw new Error('no ThreadTime in Performance.getMetrics');
    return seconds * 1000;
  };
}

/** Starts simulator (`simArgs`: its CLI flags), server and browser; waits for a first sample. */
export async function startWorld(simArgs: Record<string, string | number>): Promise<World> {
  assertChromium();
  assertWebBuild();
  const cluster = String(simArgs.name);
  const dir = await mkdtemp(join(tmpdir(), 'kubeglance-browserbench-'));
  const stops: (() => Promise<void>)[] = [() => rm(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined);
  };
  try {
    const staticDir = await snapshotWebBuild(dir);
    const sim = await spawnSim(simArgs);
    stops.push(() => sim.stop());
    const server = await spawnServer([
      '--kubeconfig',
      sim.kubeconfigPath,
      '--static-dir',
      staticDir,
    ]);
    stops.push(() => server.stop());
    await waitFor(
      async () => {
        const res = await fetch(`${server.url}/api/v1/clusters`);
        const body = (await res.json()) as {
          items: { name: string; status: { lastSampleMs: number | null } }[];
        };
        return body.items.some((c) => c.name === cluster && c.status.lastSampleMs != null);
      },
      { timeout: 300_000, interval: 500, what: `a first metrics sample of ${cluster}` },
    );
    const session = await launchBrowser(() => server.url);
    stops.push(() => session.stop());
    return {
      cluster,
      baseUrl: server.url,
      pageErrors: session.pageErrors,
      async newPage(viewport, probe = {}) {
        const page = await session.newPage(viewport);
        // tsx (esbuild keepNames) wraps named functions in a `__name` helper the page lacks.
        await page.context().addInitScript({
          content: `var __name = (f) => f; (${installProbe.toString()})(${JSON.stringify(probe)});`,
        });
        return page;
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
