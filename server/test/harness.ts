import { execFile } from 'node:child_process';
import https from 'node:https';
import { promisify } from 'node:util';
import { startSim } from '@kubeglance/sim/index';
import { parseConfig } from '../src/config.js';
import type { DiagnosticsTiming } from '../src/diagnostics/runner.js';
import { startServer, type RunningServer } from '../src/server.js';

export type Sim = Awaited<ReturnType<typeof startSim>>;

export interface Harness {
  sim: Sim;
  server: RunningServer;
  cluster: string;
  get<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  nodes?: number;
  pods?: number;
  namespaces?: number;
  resolutionMs?: number;
  churnPerMinute?: number;
  seed?: number;
  faults?: string[];
  /** Delay of every response while the `slow` fault is on. */
  slowMs?: number;
  /** metrics-server replicas answering in turn (offset scrapes). */
  metricsReplicas?: number;
  /** metrics-server just deployed (503 until two scrapes). */
  warmup?: boolean;
  /** false: the optional kube-system Role for diagnostics is not bound. */
  diagnosticsRole?: boolean;
  /** The server's diagnostics schedule (defaults: 60 s, 10 s while troubled). */
  diagnosticsTiming?: DiagnosticsTiming;
}

/** A simulated cluster and a kubeglance server reading it over HTTPS with its kubeconfig. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const sim = await startSim({
    name: 'itest',
    nodes: options.nodes ?? 6,
    pods: options.pods ?? 80,
    namespaces: options.namespaces ?? 4,
    seed: options.seed ?? 11,
    resolutionMs: options.resolutionMs ?? 1000,
    churnPerMinute: options.churnPerMinute ?? 0,
    port: 0,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.slowMs ? { slowMs: options.slowMs } : {}),
    ...(options.metricsReplicas ? { metricsReplicas: options.metricsReplicas } : {}),
    ...(options.warmup ? { warmup: true } : {}),
    ...(options.diagnosticsRole === false ? { diagnosticsRole: false } : {}),
  });
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
      // Every test client is 127.0.0.1: one "client" for the per-client caps.
      '--max-streams-per-client',
      '1000',
      '--rate-limit',
      '100000',
    ],
    {},
  );
  if (options.diagnosticsTiming) config.diagnosticsTiming = options.diagnosticsTiming;
  const server = await startServer(config, {});
  const get = async <T>(path: string) => {
    const res = await fetch(server.url + path);
    return { status: res.status, body: (await res.json()) as T };
  };
  return {
    sim,
    server,
    cluster: sim.name,
    get,
    stop: async () => {
      await server.stop();
      await sim.stop();
    },
  };
}

/** Polls `check` until it returns a truthy value (no fixed sleeps in tests). */
export async function eventually<T>(
  check: () => Promise<T | undefined | false | null>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

const exec = promisify(execFile);

export async function kubectl(kubeconfigPath: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('/usr/bin/kubectl', ['--kubeconfig', kubeconfigPath, ...args], {
    timeout: 20_000,
  });
  return stdout;
}

/** GET on the simulator itself (its control API), trusting its generated CA. */
export function simGet<T>(sim: Sim, path: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      `${sim.url}${path}`,
      { ca: sim.caPem, headers: { authorization: `Bearer ${sim.token}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as T));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}
