/**
 * Long-range history through a real Prometheus: seven days backfilled from the simulator with
 * promtool, live scrapes of its kubelets through the apiserver proxy, kubeglance on top.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterInfo, HistoryResponse, ListResponse, Point } from '@kubeglance/shared/api';
import { cpuMillicoresKubectl } from '@kubeglance/shared/format';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { startSim } from '@kubeglance/sim/index';
import { parseConfig } from '../src/config.js';
import { PrometheusHistory } from '../src/prometheus/prometheusHistory.js';
import { DEFAULT_LABELS } from '../src/prometheus/options.js';
import { startServer, type RunningServer } from '../src/server.js';
import { eventually, type Sim } from './harness.js';
import { startPrometheus, type RunningProm } from './prometheusHarness.js';

const DAY = 86_400_000;
const RESOLUTION_MS = 5000;
const BACKFILL_STEP_MS = 300_000;
const SCRAPE_MS = 5000;

let sim: Sim;
let prom: RunningProm;
/** A past kubelet outage: GAP_NODE's backfilled samples in (gapFromMs, gapFromMs + 45 min]. */
const GAP_NODE_INDEX = 1;
let gapNode: string;
let gapFromMs: number;
/** Default retention (1 h). */
let main: RunningServer;
/** Two replicas with a 1-minute memory, started together. */
let replicas: RunningServer[];

async function kubeglance(...extra: string[]): Promise<RunningServer> {
  const args = ['--kubeconfig', sim.kubeconfigPath, '--port', '0', '--log-level', 'silent'];
  const config = parseConfig(
    [...args, '--static-dir', '/nonexistent', '--prometheus', prom.url, ...extra],
    {},
  );
  return startServer(config, {});
}

async function get<T>(server: RunningServer, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(server.url + path);
  return { status: res.status, body: (await res.json()) as T };
}

const history = (server: RunningServer, query: string) =>
  get<HistoryResponse>(server, `/api/v1/clusters/${sim.name}/history?${query}`);

/** Cluster CPU (cores) and memory (bytes) of one tick, straight from the generator. */
function clusterAt(tick: number, without?: string): { cores: number; bytes: number } {
  const s = sim.cluster.metrics.sampleAt(tick);
  let nano = 0;
  let bytes = 0;
  for (const n of s.nodes) {
    if (n.metadata.name === without) continue;
    nano += parseCpuNanocores(n.usage.cpu);
    bytes += parseMemoryBytes(n.usage.memory);
  }
  return { cores: nano / 1e9, bytes };
}

beforeAll(async () => {
  sim = await startSim({
    name: 'promtest',
    nodes: 3,
    pods: 20,
    namespaces: 3,
    seed: 5,
    resolutionMs: RESOLUTION_MS,
    churnPerMinute: 0,
    port: 0,
  });
  gapNode = sim.cluster.store.list('nodes')[GAP_NODE_INDEX]!.metadata.name;
  gapFromMs = Math.floor((Date.now() - 4.5 * DAY) / 900_000) * 900_000;
  prom = await startPrometheus(sim, {
    backfillMs: 7 * DAY,
    backfillStepMs: BACKFILL_STEP_MS,
    scrapeIntervalMs: SCRAPE_MS,
    kubeStateMetrics: true,
    backfillSkip: (node, t) => node === gapNode && t > gapFromMs && t <= gapFromMs + 2_700_000,
  });
  // The data's longest scrape interval is the backfill's: rate windows must hold 4 of them.
  const interval = ['--prometheus-scrape-interval', '5m'];
  [main, ...replicas] = await Promise.all([
    kubeglance(...interval),
    kubeglance(...interval, '--retention', '1m'),
    kubeglance(...interval, '--retention', '1m'),
  ]);
}, 400_000);

afterAll(async () => {
  await Promise.all([main, ...(replicas ?? [])].map((s) => s?.stop()));
  await prom?.stop();
  await prom?.dispose();
  await sim?.stop();
});

/**
 * The cluster's 7d answer. Right after a 15-minute boundary the newest bucket holds no sample
 * until the next poll (the older samples' bucket is Prometheus'): ask until memory has it.
 */
function sevenDaysWithNewestInMemory() {
  return eventually(
    async () => {
      const answer = await history(main, 'scope=cluster&range=7d');
      return answer.body.spans?.at(-1)?.source === 'memory' ? answer : undefined;
    },
    30_000,
    'a 7d answer whose newest bucket is in memory',
  ).catch(() => history(main, 'scope=cluster&range=7d'));
}

describe('long-range history from Prometheus', () => {
  it('advertises the long ranges and answers 7d with a 15-minute step from the backfill', async () => {
    const clusters = await get<ListResponse<ClusterInfo>>(main, '/api/v1/clusters');
    expect(clusters.body.items[0]?.historyRanges).toEqual([
      '5m',
      '15m',
      '1h',
      '6h',
      '24h',
      '7d',
      '30d',
    ]);
    await eventually(
      async () => (await history(main, 'scope=cluster&range=1h')).body.series[0]!.points.length > 0,
      60_000,
      'a first in-memory sample',
    );

    const { status, body } = await sevenDaysWithNewestInMemory();
    expect(status).toBe(200);
    expect(body.resolutionSeconds).toBe(900);
    const [cpu, memory] = body.series;
    expect(cpu!.points.length).toBeLessThanOrEqual(1000);
    expect(cpu!.points.length).toBeGreaterThan(660);
    expect(body.spans?.[0]?.source).toBe('prometheus');
    expect(body.spans?.at(-1)?.source).toBe('memory');
    const promPoints = cpu!.points.filter(([t]) => t <= body.spans![0]!.toMs);
    promPoints.forEach(([t], i) => i > 0 && expect(t - promPoints[i - 1]![0]).toBe(900_000));

    // Values: a point's CPU is the mean of the generator's per-tick CPU between the first and
    // last backfilled sample inside its 20-minute window (rate() over those samples); memory
    // the mean of the working sets at those samples (avg_over_time).
    const { fromMs, stepMs } = prom.backfill;
    const windowMs = 4 * BACKFILL_STEP_MS;
    for (const daysAgo of [6, 3, 1]) {
      const i = cpu!.points.findIndex(([t]) => t >= Date.now() - daysAgo * DAY);
      const [t, value] = cpu!.points[i]!;
      const samples: number[] = [];
      for (let s = fromMs; s <= t; s += stepMs) if (s >= t - windowMs) samples.push(s);
      const first = samples[0]! / RESOLUTION_MS;
      const last = samples.at(-1)! / RESOLUTION_MS;
      let sum = 0;
      for (let tick = first + 1; tick <= last; tick++) sum += clusterAt(tick).cores;
      const expectedCpu = cpuMillicoresKubectl(Math.round((sum / (last - first)) * 1e9));
      expect(Math.abs((value as number) - expectedCpu)).toBeLessThanOrEqual(1);
      const mem = samples.map((s) => clusterAt(s / RESOLUTION_MS).bytes);
      const expectedMemory = mem.reduce((a, b) => a + b, 0) / mem.length;
      expect(Math.abs((memory!.points[i]![1] as number) - expectedMemory)).toBeLessThanOrEqual(1);
    }
  });

  it('a past kubelet outage marks exactly the points that sum fewer nodes (2 of 3)', async () => {
    const { status, body } = await sevenDaysWithNewestInMemory();
    expect(status).toBe(200);
    const coverage = body.coverage!;
    expect(coverage.map(([t]) => t)).toEqual(body.series[0]!.points.map(([t]) => t));
    const partial = coverage.filter(([, r, k]) => r !== null && k !== null && r < k);
    // The model of the PromQL: the node is summed where its 20-minute rate window holds two
    // samples, and known where it has one in the hour before (lookback of 3 windows).
    const { fromMs, stepMs } = prom.backfill;
    const windowMs = 4 * BACKFILL_STEP_MS;
    const nodeSamples: number[] = [];
    for (let s = fromMs; s <= prom.backfill.toMs; s += stepMs)
      if (!(s > gapFromMs && s <= gapFromMs + 2_700_000)) nodeSamples.push(s);
    const inWindow = (t: number, w: number) =>
      nodeSamples.filter((s) => s >= t - w && s <= t).length;
    // The other two nodes have a rate once two backfilled samples fall in the window: at the
    // very start of the backfill none of the three has, and that point is not "2 of 3".
    const othersSummed = (t: number) => t >= fromMs + stepMs;
    const promTo = body.spans![0]!.toMs;
    const expectedPartial = coverage
      .filter(
        ([t]) =>
          t <= promTo && othersSummed(t) && inWindow(t, windowMs) < 2 && inWindow(t, 3_600_000) > 0,
      )
      .map(([t]) => [t, 2, 3]);
    expect(expectedPartial.length).toBeGreaterThanOrEqual(2);
    expect(partial).toEqual(expectedPartial);
    // Everything else Prometheus served sums all three nodes; the in-memory part too.
    const full = coverage.filter(([t, r]) => !partial.some(([p]) => p === t) && r !== null);
    expect(full.length).toBeGreaterThan(600);
    expect(full.every(([, r, k]) => r === 3 && k === 3)).toBe(true);
    // A partial point's value is the sum of the two reporting nodes (not of all three).
    const t = partial[1]![0];
    const samples: number[] = [];
    for (let s = fromMs; s <= t; s += stepMs) if (s >= t - windowMs) samples.push(s);
    const first = samples[0]! / RESOLUTION_MS;
    const last = samples.at(-1)! / RESOLUTION_MS;
    let sum = 0;
    for (let tick = first + 1; tick <= last; tick++) sum += clusterAt(tick, gapNode).cores;
    const expected = cpuMillicoresKubectl(Math.round((sum / (last - first)) * 1e9));
    const value = body.series[0]!.points.find(([x]) => x === t)![1]!;
    expect(Math.abs(value - expected)).toBeLessThanOrEqual(1);
  });

  it('requests and limits over 7 d from kube-state-metrics: the containers that existed then', async () => {
    const { stepMs } = prom.backfill;
    const windowMs = 4 * BACKFILL_STEP_MS;
    const pods = sim.cluster.store.list('pods');
    const ns = pods.find((p) => p.metadata.namespace !== 'kube-system')!.metadata.namespace!;
    const nsPods = pods.filter((p) => p.metadata.namespace === ns);
    const created = (p: (typeof pods)[number]) => Date.parse(p.metadata.creationTimestamp);
    type Spec = { containers: { resources?: Record<string, Record<string, string>> }[] };
    const sum = (live: typeof pods, kind: 'requests' | 'limits', res: 'cpu' | 'memory') => {
      const values = live.flatMap((p) =>
        (p.spec as Spec).containers
          .map((c) => c.resources?.[kind]?.[res])
          .filter((v): v is string => v !== undefined),
      );
      if (values.length === 0) return null;
      return res === 'cpu'
        ? cpuMillicoresKubectl(values.reduce((a, v) => a + parseCpuNanocores(v), 0))
        : values.reduce((a, v) => a + parseMemoryBytes(v), 0);
    };
    const { status, body } = await history(main, `scope=namespace&namespace=${ns}&range=7d`);
    expect(status).toBe(200);
    const requests = body.requests!;
    const limits = body.limits!;
    expect(requests.map((x) => x.metric)).toEqual(['cpu', 'memory']);
    expect(requests[0]!.points.length).toBe(
      body.series[0]!.points.filter(([t]) => t <= Date.now() - (Date.now() % 900_000)).length,
    );
    let compared = 0;
    for (const [i, [t]] of requests[0]!.points.entries()) {
      // Only points whose window saw no pod of the namespace appear (avg_over_time of a series
      // that starts inside it is its average so far, not a fraction).
      if (nsPods.some((p) => created(p) > t - windowMs - stepMs && created(p) <= t)) continue;
      const live = nsPods.filter((p) => created(p) <= t - windowMs - stepMs);
      expect(requests[0]!.points[i]![1], `cpu requests at ${t}`).toBe(sum(live, 'requests', 'cpu'));
      expect(requests[1]!.points[i]![1], `memory requests at ${t}`).toBe(
        sum(live, 'requests', 'memory'),
      );
      expect(limits[0]!.points[i]![1], `cpu limits at ${t}`).toBe(sum(live, 'limits', 'cpu'));
      expect(limits[1]!.points[i]![1], `memory limits at ${t}`).toBe(sum(live, 'limits', 'memory'));
      compared++;
    }
    expect(compared).toBeGreaterThan(600);
    // The pods differ over the week (some were created during it): not one value throughout.
    expect(new Set(requests[1]!.points.map(([, v]) => v)).size).toBeGreaterThan(1);
  });

  it('namespace, pod and container scopes come back for 7d; unknown pods are 404', async () => {
    // The oldest workload pod: null before it existed, a value for every point whose whole
    // rate window lies after its creation.
    const pod = sim.cluster.store
      .list('pods')
      .filter((p) => p.metadata.namespace !== 'kube-system')
      .sort((x, y) => x.metadata.creationTimestamp.localeCompare(y.metadata.creationTimestamp))[0]!;
    const createdMs = Date.parse(pod.metadata.creationTimestamp);
    expect(createdMs).toBeLessThan(Date.now() - 6 * 3_600_000);
    const ns = pod.metadata.namespace!;
    const container = (pod.spec as { containers: { name: string }[] }).containers[0]!.name;
    for (const q of [
      `scope=namespace&namespace=${ns}`,
      `scope=pod&namespace=${ns}&pod=${pod.metadata.name}`,
      `scope=container&namespace=${ns}&pod=${pod.metadata.name}&name=${container}`,
    ]) {
      const { status, body } = await history(main, `${q}&range=7d`);
      expect(status, q).toBe(200);
      for (const s of body.series) {
        const after = s.points.filter(([t]) => t > createdMs + 4 * BACKFILL_STEP_MS + 900_000);
        expect(after.length, q).toBeGreaterThan(20);
        expect(
          after.every(([, v]) => v !== null && v > 0),
          q,
        ).toBe(true);
        if (!q.startsWith('scope=namespace')) {
          const before = s.points.filter(([t]) => t < createdMs);
          expect(
            before.every(([, v]) => v === null),
            q,
          ).toBe(true);
        }
      }
    }
    const missing = await history(main, `scope=pod&namespace=${ns}&pod=no-such-pod&range=7d`);
    expect(missing.status).toBe(404);
  });

  it('the live-scraped last minutes agree with the in-memory samples within the rate window', async () => {
    // Tolerance: a Prometheus point is the mean of the per-tick values metrics-server reports
    // over its rate window (40 s here: 8 ticks of 5 s, so a node whose scrapes time out now and
    // then under load still has two samples in every window), so it lies between the smallest
    // and largest in-memory value of that window, ±1 m for millicore rounding.
    const live = new PrometheusHistory(prom.url, {
      targets: [],
      auth: {},
      labels: DEFAULT_LABELS,
      scrapeIntervalMs: 2 * RESOLUTION_MS,
      timeoutMs: 10_000,
    });
    const windowMs = 8 * RESOLUTION_MS;
    const step = 15_000;
    const mem = await eventually(
      async () => {
        const h = (await history(main, 'scope=cluster&range=1h')).body;
        const pts = h.series[0]!.points.filter(([, v]) => v !== null);
        // The rate window, then at least three whole steps.
        return pts.length > 0 && pts.at(-1)![0] - pts[0]![0] > windowMs + 4 * step ? h : undefined;
      },
      150_000,
      'a rate window and four steps of in-memory samples',
    );
    const memCpu = mem.series[0]!.points;
    const memBytes = mem.series[1]!.points;
    const start = Math.ceil((memCpu[0]![0] + windowMs) / step) * step;
    const end = Math.floor(memCpu.at(-1)![0] / step) * step;
    const p = await live.range({ scope: 'cluster' }, start, end, step);
    const within = (pts: Point[], t: number, v: number | null, slack: number) => {
      const w = pts.filter(([x, y]) => x > t - windowMs - RESOLUTION_MS && x <= t && y !== null);
      const ys = w.map(([, y]) => y as number);
      expect(v).not.toBeNull();
      expect(v!).toBeGreaterThanOrEqual(Math.min(...ys) - slack);
      expect(v!).toBeLessThanOrEqual(Math.max(...ys) + slack);
    };
    expect(p.cpu.length).toBeGreaterThanOrEqual(3);
    p.cpu.forEach(([t, v]) => within(memCpu, t, v, 1));
    p.memory.forEach(([t, v]) => within(memBytes, t, v, 0));
  }, 180_000);

  it('two kubeglance processes against the same Prometheus return identical 24 h history', async () => {
    const [a, b] = replicas as [RunningServer, RunningServer];
    const body = await eventually(
      async () => {
        const [x, y] = await Promise.all([a, b].map((s) => history(s, 'scope=cluster&range=24h')));
        const lastA = x!.body.series[0]!.points.at(-1)?.[0];
        // Both must hold the same newest sample (one may not have polled it yet).
        if (lastA === undefined || lastA !== y!.body.series[0]!.points.at(-1)?.[0])
          return undefined;
        expect(y!.body).toEqual(x!.body);
        return x!.body;
      },
      60_000,
      'both replicas at the same sample',
    );
    expect(body.resolutionSeconds).toBe(120);
    expect(body.series[0]!.points.filter(([, v]) => v !== null).length).toBeGreaterThan(600);
  }, 90_000);

  it('without Prometheus the in-memory hour is still served, with the problem shown', async () => {
    await prom.stop();
    const { status, body } = await history(main, 'scope=cluster&range=24h');
    expect(status).toBe(200);
    expect(body.problem?.code).toBe('prometheus-unavailable');
    expect(body.spans?.map((s) => s.source)).toEqual(['memory']);
    expect(body.series[0]!.points.filter(([, v]) => v !== null).length).toBeGreaterThan(0);
    const clusters = await get<ListResponse<ClusterInfo>>(main, '/api/v1/clusters');
    const problems = clusters.body.items[0]!.status.problems.map((p) => p.code);
    expect(problems).toContain('prometheus-unavailable');
  });
});

describe('without --prometheus', () => {
  it('answers a long range with 400 saying why', async () => {
    const config = parseConfig(
      [
        '--kubeconfig',
        sim.kubeconfigPath,
        '--port',
        '0',
        '--log-level',
        'silent',
        '--static-dir',
        '/nonexistent',
      ],
      {},
    );
    const plain = await startServer(config, {});
    try {
      const res = await fetch(
        `${plain.url}/api/v1/clusters/${sim.name}/history?scope=cluster&range=7d`,
      );
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('prometheus-not-configured');
      expect(body.error.message).toMatch(/--prometheus/);
    } finally {
      await plain.stop();
    }
  });
});
