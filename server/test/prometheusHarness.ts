/**
 * A real Prometheus (Debian's /usr/bin/prometheus and promtool) for integration tests: seven
 * days of the simulator's past backfilled as TSDB blocks with promtool, then live scrapes of
 * every node's kubelet `/metrics/resource` through the simulator's apiserver proxy path.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeBackfillFile } from '@kubeglance/sim/backfillFile';
import type { Sim } from './harness.js';

const exec = promisify(execFile);
export const PROMETHEUS = process.env.PROMETHEUS ?? '/usr/bin/prometheus';
export const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

export interface PromOptions {
  /** How much past to backfill. */
  backfillMs: number;
  /** Time between backfilled samples. */
  backfillStepMs: number;
  /** Live scrape interval. */
  scrapeIntervalMs: number;
  /**
   * The whole prometheus.yml instead of the generated one, given the directory holding
   * `ca.pem` (the simulator's CA) and `token` (its bearer token).
   */
  configFor?: (dir: string) => string;
  /** Also kube-state-metrics (requests/limits): backfilled, and scraped through the proxy. */
  kubeStateMetrics?: boolean;
  /** Which kubelet page is backfilled and scraped (default `resource`). */
  page?: 'resource' | 'cadvisor';
  /** false: no kubelet scrape job (a Prometheus that holds none of kubeglance's series). */
  scrapeKubelets?: boolean;
  /** Leaves a node's backfilled samples out at some times (a past kubelet outage). */
  backfillSkip?: (node: string, timeMs: number) => boolean;
}

export interface RunningProm {
  url: string;
  /** The backfilled time range. */
  backfill: { fromMs: number; toMs: number; stepMs: number };
  stop(): Promise<void>;
  /** Removes the data directory (after stop). */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** The scrape config: the apiserver proxy path per node, labelled as deploy/prometheus does. */
function config(
  sim: Sim,
  dir: string,
  scrapeIntervalMs: number,
  kubelets = true,
  page = 'resource',
  ksm = false,
): string {
  const global = `global:
  scrape_interval: ${scrapeIntervalMs / 1000}s
  scrape_timeout: ${Math.min(scrapeIntervalMs / 1000, 10)}s
`;
  if (!kubelets) return global;
  const host = new URL(sim.url).host;
  const nodes = sim.cluster.store.list('nodes').map((n) => n.metadata.name);
  const targets = nodes
    .map(
      (n) => `      - targets: ['${host}']
        labels:
          node: ${n}
          instance: ${n}
          metrics_path: /metrics/${page}
          __metrics_path__: /api/v1/nodes/${n}/proxy/metrics/${page}`,
    )
    .join('\n');
  const ksmJob = `
  - job_name: kube-state-metrics
    honor_labels: true
    scheme: https
    metrics_path: /api/v1/namespaces/kube-system/services/kube-state-metrics:http-metrics/proxy/metrics
    tls_config:
      ca_file: ${join(dir, 'ca.pem')}
    authorization:
      credentials_file: ${join(dir, 'token')}
    static_configs:
      - targets: ['${host}']
        labels:
          instance: kube-state-metrics`;
  return `${global}scrape_configs:
  - job_name: kubelet
    scheme: https
    tls_config:
      ca_file: ${join(dir, 'ca.pem')}
    authorization:
      credentials_file: ${join(dir, 'token')}
    static_configs:
${targets}
${ksm ? ksmJob : ''}
`;
}

/**
 * Backfills `sim` (before anything scrapes it, so the live counters continue the file), builds
 * blocks with promtool, and starts Prometheus on a free loopback port with its own data dir.
 */
export async function startPrometheus(sim: Sim, options: PromOptions): Promise<RunningProm> {
  const dir = await mkdtemp(join(tmpdir(), 'kubeglance-prom-'));
  const data = join(dir, 'data');
  const file = join(dir, 'backfill.om');
  const range =
    options.backfillMs > 0
      ? await writeBackfillFile(sim.cluster, file, {
          durationMs: options.backfillMs,
          stepMs: options.backfillStepMs,
          ...(options.backfillSkip ? { skip: options.backfillSkip } : {}),
          ...(options.page ? { page: options.page } : {}),
          ...(options.kubeStateMetrics ? { kubeStateMetrics: true } : {}),
        })
      : { fromMs: Date.now(), toMs: Date.now() };
  if (options.backfillMs > 0) {
    await exec(PROMTOOL, ['tsdb', 'create-blocks-from', 'openmetrics', file, data], {
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    await rm(file);
  }
  await writeFile(join(dir, 'ca.pem'), sim.caPem);
  await writeFile(join(dir, 'token'), sim.token);
  await writeFile(
    join(dir, 'prometheus.yml'),
    options.configFor?.(dir) ??
      config(
        sim,
        dir,
        options.scrapeIntervalMs,
        options.scrapeKubelets,
        options.page,
        options.kubeStateMetrics,
      ),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined = spawn(
    PROMETHEUS,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=60d',
      '--log.level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prometheus exited: ${stderr}`);
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`prometheus not ready in 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    backfill: { ...range, stepMs: options.backfillStepMs },
    stop: async () => {
      if (!child) return;
      child.kill('SIGTERM');
      await exited;
      child = undefined;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
