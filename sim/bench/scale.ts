/**
 * `pnpm bench` (simulator part): start time and response time/size of the lists a
 * kubeglance poll and an informer read, at 1000 nodes / 30000 pods and at the largest
 * cluster metrics-server supports (5000 / 150000; skip it with BENCH_QUICK=1).
 * Prints numbers; asserts nothing. Results go to bench/results/sim-<nodes>x<pods>.json.
 */
import https from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startSim, type RunningSim } from '../src/index.js';

const RESULTS = new URL('../../bench/results/', import.meta.url);
const scales: [number, number][] =
  process.env.BENCH_QUICK === '1'
    ? [[1000, 30_000]]
    : [
        [1000, 30_000],
        [5000, 150_000],
      ];

/** Bytes and milliseconds of one GET, the body read in full but not parsed. */
function timedGet(sim: RunningSim, path: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = https.get(
      `${sim.url}${path}`,
      { ca: sim.caPem, headers: { authorization: `Bearer ${sim.token}` } },
      (res) => {
        let bytes = 0;
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('end', () => resolve({ ms: Math.round(performance.now() - t0), bytes }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(sim: RunningSim, path: string, runs: number) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await timedGet(sim, path));
  return {
    path,
    medianMs: median(results.map((r) => r.ms)),
    maxMs: Math.max(...results.map((r) => r.ms)),
    bytes: results[0]!.bytes,
  };
}

mkdirSync(RESULTS, { recursive: true });
for (const [nodes, pods] of scales) {
  const t0 = performance.now();
  const sim = await startSim({
    name: 'bench',
    nodes,
    pods,
    namespaces: 40,
    churnPerMinute: 0,
    resolutionMs: 15_000,
  });
  const startMs = Math.round(performance.now() - t0);
  const rows = [
    await measure(sim, '/apis/metrics.k8s.io/v1beta1/pods', 5),
    await measure(sim, '/apis/metrics.k8s.io/v1beta1/nodes', 5),
    await measure(sim, '/api/v1/pods', 3),
    await measure(sim, '/api/v1/pods?limit=500', 5),
  ];
  const rssMiB = Math.round(process.memoryUsage().rss / 2 ** 20);
  await sim.stop();
  console.log(
    `\n== simulator ${nodes} nodes / ${pods} pods: started in ${startMs} ms, RSS ${rssMiB} MiB ==`,
  );
  for (const r of rows) {
    console.log(
      `GET ${r.path}: median ${r.medianMs} ms (max ${r.maxMs}), ${(r.bytes / 2 ** 20).toFixed(1)} MiB`,
    );
  }
  const result = { date: new Date().toISOString(), nodes, pods, startMs, rssMiB, responses: rows };
  writeFileSync(
    new URL(`sim-${nodes}x${pods}.json`, RESULTS),
    JSON.stringify(result, null, 2) + '\n',
  );
}
process.exit(0);
