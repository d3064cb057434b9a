/**
 * Development aid (not part of `pnpm bench`): runs the simulator and a kubeglance server
 * started with `node --cpu-prof` in separate processes, loads `GET .../nodes` with 50
 * clients across a poll, reads the event-loop gauges per poll, and leaves the server's
 * `.cpuprofile` in PROFILE_DIR for `bench/profileStretches.ts`.
 * `PROFILE_DIR=/tmp/prof tsx bench/profileRun.ts 1000 30000`
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
const profile = process.env.NO_PROFILE
  ? []
  : ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval', '250'];
const child = spawn(process.execPath, [...profile, ...args], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
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
const quiet0 = { cpu: cpuMs(child.pid!), at: Date.now() };
const ev = await eventLoopPerPoll(url, 'bench', 2);
/** Server CPU per second with no load but the polls (and this script's few requests). */
const pollCpuPerS = (cpuMs(child.pid!) - quiet0.cpu) / ((Date.now() - quiet0.at) / 1000);
console.log(`+${Date.now() - t0} ms event loop per poll`, JSON.stringify(ev.perPoll));
const cpu0 = cpuMs(child.pid!);
const r = await load(`${base}/nodes`, 50, 16);
const cpu = cpuMs(child.pid!) - cpu0;
console.log(
  `+${Date.now() - t0} ms nodes p50 ${r.latencyP50Ms} p99 ${r.latencyP99Ms} requests ${r.requests}; server CPU ${cpu} ms = ${(cpu / r.requests).toFixed(2)} ms per request, polls included (with polls alone it used ${pollCpuPerS.toFixed(0)} ms CPU/s); load average ${loadavg()[0]!.toFixed(2)}`,
);
await new Promise<void>((resolve) => {
  child.once('exit', () => resolve());
  child.kill('SIGTERM');
});
await sim.stop();
process.exit(0);

/** User + system CPU time of a process so far (from /proc; clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
