/**
 * The kubelet `/metrics/resource` pages: through the apiserver proxy (TLS + token) and the plain
 * port, in the kubelet's text format, with CPU counters whose per-tick increase is exactly what
 * metrics.k8s.io reports for that tick; and the OpenMetrics backfill continuing into them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackfillFile } from '../src/backfillFile.js';
import { kubeletCountersOf } from '../src/http/kubeletMetrics.js';
import { startSim, type RunningSim } from '../src/index.js';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { raw, waitFor } from './helpers.js';

let sim: RunningSim;
let dir: string;
let backfillText: string;
const RES = 1000;

beforeAll(async () => {
  sim = await startSim({
    nodes: 2,
    pods: 10,
    namespaces: 2,
    resolutionMs: RES,
    churnPerMinute: 0,
    kubeletPort: 0,
  });
  dir = await mkdtemp(join(tmpdir(), 'kubeglance-kubelet-'));
  // Before any scrape, as the CLI does: live counters continue the file.
  await writeBackfillFile(sim.cluster, join(dir, 'b.om'), { durationMs: 120_000, stepMs: 10_000 });
  backfillText = await readFile(join(dir, 'b.om'), 'utf8');
});

afterAll(async () => {
  await sim?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const node = () => sim.cluster.store.list('nodes')[0]!.metadata.name;
const path = (n: string) => `/api/v1/nodes/${n}/proxy/metrics/resource`;

/** `name{labels} value ts` lines of a text page, by series. */
function samples(text: string): Map<string, { value: number; ts: number }> {
  const out = new Map<string, { value: number; ts: number }>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+?(?:\{[^}]*\})?) (\S+)(?: (\d+))?$/.exec(line);
    if (!m) throw new Error(`bad line: ${line}`);
    out.set(m[1]!, { value: Number(m[2]), ts: Number(m[3] ?? NaN) });
  }
  return out;
}

describe('kubelet /metrics/resource', () => {
  it('answers through the apiserver proxy only with the token, and on the plain port', async () => {
    expect((await raw(sim, path(node()), { auth: false })).status).toBe(401);
    const viaProxy = await raw(sim, path(node()));
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(viaProxy.text).toContain(
      '# HELP node_cpu_usage_seconds_total [STABLE] Cumulative cpu time consumed by the node in core-seconds',
    );
    expect(viaProxy.text).toMatch(
      /^container_cpu_usage_seconds_total\{container="[^"]+",namespace="[^"]+",pod="[^"]+"\} [\d.e+]+ \d{13}$/m,
    );
    const plain = await fetch(`${sim.kubeletUrl}${path(node())}`);
    expect(plain.status).toBe(200);
    expect(await plain.text()).toContain('node_memory_working_set_bytes ');
    expect((await raw(sim, path('no-such-node'))).status).toBe(404);
  });

  it('the backfill is OpenMetrics whose last counters the live page continues', async () => {
    expect(backfillText).toMatch(/^# HELP container_cpu_usage_seconds \[STABLE\]/);
    expect(backfillText).toContain('# TYPE node_cpu_usage_seconds counter');
    expect(backfillText.endsWith('# EOF\n')).toBe(true);
    const key = `node_cpu_usage_seconds_total{instance="${node()}",job="kubelet",metrics_path="/metrics/resource",node="${node()}"}`;
    const lines = backfillText.split('\n').filter((l) => l.startsWith(key));
    expect(lines.length).toBe(13); // 120 s every 10 s, both ends
    const last = Number(lines.at(-1)!.split(' ')[1]);
    const lastMs = Number(lines.at(-1)!.split(' ')[2]) * 1000;
    // The file ends at the current tick: read the live page once it has moved past it.
    let live = { value: NaN, ts: NaN };
    await waitFor(async () => {
      const page = samples((await raw(sim, path(node()))).text);
      live = page.get('node_cpu_usage_seconds_total')!;
      return live.ts > lastMs;
    }, 5 * RES);
    // No reset: a restarted counter would hold a few ticks' worth, far below two minutes'.
    expect(live.value).toBeGreaterThan(last);
  });
  it('CPU counters grow per tick by the metrics API value × resolution; memory equals it', () => {
    const counters = kubeletCountersOf(sim.cluster);
    // Ahead of the clock, so no scrape has walked there yet (last test: pages follow it).
    const tick = Math.floor(Date.now() / RES) + 30;
    const before = counters.at(tick);
    const after = counters.at(tick + 1);
    const sample = sim.cluster.metrics.sampleAt(tick + 1);
    for (const n of sample.nodes) {
      const a = after.nodes.get(n.metadata.name)!;
      const b = before.nodes.get(n.metadata.name)!;
      const rate = (a.cpuSeconds - b.cpuSeconds) / (RES / 1000);
      expect(rate).toBeCloseTo(parseCpuNanocores(n.usage.cpu) / 1e9, 9);
      expect(a.memoryBytes).toBe(parseMemoryBytes(n.usage.memory));
    }
    expect(after.timestampMs).toBe(sample.timestampMs);
  });
});
