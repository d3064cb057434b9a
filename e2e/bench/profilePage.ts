/**
 * A CPU profile of the pages the browser bench measures, to see what their time is made of:
 *
 *   tsx bench/profilePage.ts ns [PODS]      a cold load of the PODS-pod namespace, then a sort
 *                                           by each bench column (default 10,000 pods)
 *   tsx bench/profilePage.ts noc [NODES]    TICKS wall-screen ticks after the warm-up
 *                                           (default 5,000 nodes; PROFILE_TICKS, default 20)
 *
 * Prints the functions with the most self time and the most total time (CDP `Profiler`,
 * sampled every 100 µs) and writes the raw `.cpuprofile` to the temporary directory (Chrome
 * DevTools opens it; for `ns` the cold load's profile too). Build the web app unminified for
 * readable names: `pnpm --filter @kubeglance/web exec vite build --minify false`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { DESKTOP, FULL_HD } from '../tests/fixtures/browser.js';
import { waitFor } from '../tests/fixtures/wait.js';
import type { ProbeData } from './probe.js';
import { probeData, startWorld } from './world.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const frameName = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;

/** Prints the top functions by self and by total time (a function counted once per stack). */
function summarise(profile: Profile, what: string, top = 30): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') return;
    all += ms;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = frameName(byId.get(n)!);
      if (!seen.has(name)) total.set(name, (total.get(name) ?? 0) + ms);
      seen.add(name);
    }
  });
  const print = (title: string, m: Map<string, number>) => {
    console.log(`\n-- ${what}: ${title} (of ${all.toFixed(0)} ms busy) --`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${v.toFixed(1).padStart(9)} ms  ${k}`);
  };
  print('self', self);
  // React's own frames are in every stack: the app's functions say more.
  print('total, app code', new Map([...total].filter(([k]) => !/vendor-|^\(/.test(k))));
}

async function profiled(page: Page, what: () => Promise<void>): Promise<Profile> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await what();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  return profile;
}

async function namespaceProfile(pods: number): Promise<Profile> {
  const world = await startWorld({
    name: 'bench-ns',
    nodes: Math.max(20, Math.ceil(pods / 50)),
    pods: pods + 500,
    namespaces: 6,
    'big-namespace': `big:${pods}`,
    churn: 0,
    resolution: '15s',
  });
  try {
    const page = await world.newPage(DESKTOP, { autoClick: { rowCount: pods + 1, label: 'Name' } });
    await page.goto('about:blank');
    const load = await profiled(page, async () => {
      await page.goto(`/clusters/${world.cluster}/namespaces/big`);
      await waitFor(
        async () => {
          const d = await probeData(page);
          return d.autoClickAt !== null &&
            d.commits.some((c) => c.t > d.autoClickAt! && c.paintedAt)
            ? true
            : undefined;
        },
        { timeout: 120_000, interval: 200, what: 'the table sorted by Name' },
      );
    });
    summarise(load, 'cold load');
    const file = join(tmpdir(), `kubeglance-ns-load-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(load));
    console.log(`\ncold-load profile: ${file}`);
    return await profiled(page, async () => {
      const table = page.getByRole('table', { name: 'Pods' });
      for (const label of ['Status', 'Node', 'CPU', 'Name']) {
        await table
          .getByRole('columnheader', { name: label, exact: true })
          .getByRole('button')
          .click();
        await page.evaluate(() => new Promise((r) => requestIdleCallback(r)));
      }
    });
  } finally {
    await world.stop();
  }
}

async function nocProfile(nodes: number, ticks: number): Promise<Profile> {
  const world = await startWorld({
    name: 'bench-wall',
    nodes,
    pods: nodes * 3,
    namespaces: 20,
    churn: 0,
    resolution: '1s',
  });
  try {
    const page = await world.newPage(FULL_HD);
    await page.goto('/noc');
    const ticksSoFar = () =>
      page.evaluate(() => (window as unknown as { __bench: ProbeData }).__bench.ticks.length);
    const until = (n: number) =>
      waitFor(async () => ((await ticksSoFar()) >= n ? true : undefined), {
        timeout: 60_000 + n * 10_000,
        interval: 500,
        what: `${n} ticks`,
      });
    await until(10);
    const from = await ticksSoFar();
    return await profiled(page, async () => void (await until(from + ticks)));
  } finally {
    await world.stop();
  }
}

const [mode = 'ns', size] = process.argv.slice(2);
const profile =
  mode === 'noc'
    ? await nocProfile(Number(size ?? 5000), Number(process.env.PROFILE_TICKS ?? 20))
    : await namespaceProfile(Number(size ?? 10_000));
const file = join(tmpdir(), `kubeglance-${mode}-${Date.now()}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));
summarise(profile, mode === 'noc' ? `${process.env.PROFILE_TICKS ?? 20} ticks` : 'sorts');
console.log(`\nprofile: ${file}`);
process.exit(0);
