/**
 * `Accept-Encoding: gzip` upstream, measured both ways on the same simulator: bytes on the wire
 * against CPU time, ours (TLS, gunzip, JSON.parse) and the apiserver's (JSON, gzip at level 1),
 * per poll (NodeMetricsList + PodMetricsList). Run alone with
 * `tsx bench/upstreamGzip.ts [nodes] [pods]`; `pnpm bench` runs it at each scale.
 */
import { readFileSync } from 'node:fs';
import { kubeconfigTargets } from '../src/kube/clusterTargets.js';
import { Upstream } from '../src/kube/upstream.js';
import { spawnSim, type SimHandle } from './simProcess.js';
import { median, round } from './stats.js';

const NODES = '/apis/metrics.k8s.io/v1beta1/nodes';
const PODS = '/apis/metrics.k8s.io/v1beta1/pods';
// Linux reports process CPU in clock ticks of 1/100 s (USER_HZ).
const MS_PER_TICK = 10;

/** User + system CPU time of another process, from /proc (Linux only). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

function ownCpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

interface PollCost {
  wallMs: number;
  ownCpuMs: number;
  simCpuMs: number;
  wireBytes: number;
  jsonBytes: number;
}

async function poll(upstream: Upstream, pid: number): Promise<PollCost> {
  const cpu = process.cpuUsage();
  const sim0 = processCpuMs(pid);
  const t0 = performance.now();
  const [n, p] = await Promise.all([
    upstream.getJson(NODES, { timeoutMs: 120_000 }),
    upstream.getJson(PODS, { timeoutMs: 120_000 }),
  ]);
  return {
    wallMs: performance.now() - t0,
    ownCpuMs: ownCpuMs(cpu),
    simCpuMs: processCpuMs(pid) - sim0,
    wireBytes: n.bytes + p.bytes,
    jsonBytes: n.jsonBytes + p.jsonBytes,
  };
}

function summary(costs: PollCost[]) {
  const m = (f: (c: PollCost) => number) => round(median(costs.map(f)), 1);
  return {
    wallMedianMs: m((c) => c.wallMs),
    ownCpuMedianMs: m((c) => c.ownCpuMs),
    simCpuMedianMs: m((c) => c.simCpuMs),
    wireMiB: round(median(costs.map((c) => c.wireBytes)) / 2 ** 20, 2),
    jsonMiB: round(median(costs.map((c) => c.jsonBytes)) / 2 ** 20, 2),
  };
}

/** `iterations` polls each way, alternating which goes first so neither gets the warmer cache. */
export async function measureUpstreamGzip(sim: SimHandle, iterations: number) {
  const [target] = kubeconfigTargets(sim.kubeconfigPath, [], false, true);
  const plain = new Upstream(target!.kubeConfig, target!.server);
  const gzip = new Upstream(target!.kubeConfig, target!.server, { gzip: true });
  // One untimed poll each: TLS session, JIT and the simulator's first sample.
  await poll(plain, sim.pid);
  await poll(gzip, sim.pid);
  const off: PollCost[] = [];
  const on: PollCost[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      off.push(await poll(plain, sim.pid));
      on.push(await poll(gzip, sim.pid));
    } else {
      on.push(await poll(gzip, sim.pid));
      off.push(await poll(plain, sim.pid));
    }
  }
  return { iterations, off: summary(off), on: summary(on) };
}

export function describeGzip(r: Awaited<ReturnType<typeof measureUpstreamGzip>>): string {
  const line = (name: string, s: typeof r.on) =>
    `  gzip ${name}: ${s.wireMiB} MiB on the wire (${s.jsonMiB} MiB JSON), wall ${s.wallMedianMs} ms, kubeglance CPU ${s.ownCpuMedianMs} ms, apiserver (sim) CPU ${s.simCpuMedianMs} ms`;
  return [
    `upstream gzip, median of ${r.iterations} polls each way:`,
    line('off', r.off),
    line('on ', r.on),
  ].join('\n');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const nodes = Number(process.argv[2] ?? 1000);
  const pods = Number(process.argv[3] ?? 30_000);
  const sim = await spawnSim({
    name: 'bench',
    nodes,
    pods,
    namespaces: 40,
    churn: 0,
    resolution: '15s',
  });
  console.log(`== ${nodes} nodes / ${pods} pods ==`);
  console.log(describeGzip(await measureUpstreamGzip(sim, 7)));
  await sim.stop();
  process.exit(0);
}
