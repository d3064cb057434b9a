/**
 * Development aid (not part of `pnpm bench`): runs the simulator and a kubeglance server
 * started with `node --cpu-prof` in separate processes, loads `GET .../nodes` with 50
 * clients across a poll, reads the event-loop gauges per poll, and leaves the server's
 * `.cpuprofile` in PROFILE_DIR for `bench/profileStretches.ts`.
 * `PROFILE_DIR=/tmp/prof tsx bench/profileRun.ts 1000 30000`
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eventLoopPerPoll } from './eventLoop.js';
import { load } from './httpLoad.js';
import { spawnSim } from './simProcess.js';

const [nodes = 1000, pods = 30_000] = process.argv.slice(2).map(Number);
const dir = process.env.PROFILE_DIR ?? '/tmp/kubeglance-profile';
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

const sim = await spawnSim({
  name: 'bench',
  nodes,
  pods,
  namespaces: 40,
  churn: 0,
  resolution: '15s',
});
const args = ['--import', 'tsx', MAIN, '--port', '0', '--log-level', 'info'];
args.push(
  '--kubeconfig',
  sim.kubeconfigPath,
  '--static-dir',
  '/nonexistent',
  '--rate-limit',
  '9999999',
);
const child = spawn(
  process.execPath,
  ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '250', ...args],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise<string>((resolve) => {
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /kubeglance listening on (http:\/\/\S+?)"/.exec(out);
    if (m) resolve(m[1]!);
  });
});
child.stdout.resume();
for (;;) {
  const ok = await fetch(`${url}/readyz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((r) => setTimeout(r, 500));
}
const base = `${url}/api/v1/clusters/bench`;
const t0 = Date.now();
console.log('ready; marks relative to', t0);
const ev = await eventLoopPerPoll(url, 'bench', 2);
console.log(`+${Date.now() - t0} ms event loop per poll`, JSON.stringify(ev.perPoll));
const r = await load(`${base}/nodes`, 50, 16);
console.log(
  `+${Date.now() - t0} ms nodes p50 ${r.latencyP50Ms} p99 ${r.latencyP99Ms} requests ${r.requests}`,
);
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});
await sim.stop();
process.exit(0);
