import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { createApp } from './api/app.js';
import { createPromRegistry } from './api/promMetrics.js';
import { Broadcaster } from './api/sse/broadcaster.js';
import { startEmbeddedSims } from './bootstrap/embeddedSims.js';
import { isLoopback, type ServerConfig } from './config.js';
import {
  findKubeconfig,
  inClusterAvailable,
  inClusterTarget,
  kubeconfigTargets,
  type ClusterTarget,
} from './kube/clusterTargets.js';
import { ClusterPipeline } from './pipeline/clusterPipeline.js';
import { ClusterRegistry } from './pipeline/registry.js';
import { prometheusUrlFor } from './prometheus/options.js';
import { PrometheusHistory } from './prometheus/prometheusHistory.js';

export interface RunningServer {
  url: string;
  registry: ClusterRegistry;
  broadcaster: Broadcaster;
  log: Logger;
  stop(): Promise<void>;
}

export const DEFAULT_STATIC_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

interface Targets {
  targets: ClusterTarget[];
  stop: () => Promise<void>;
  source: string;
}

async function resolveTargets(config: ServerConfig, env: NodeJS.ProcessEnv): Promise<Targets> {
  const noop = async () => undefined;
  const kubeconfig = config.demo ? undefined : findKubeconfig(config.kubeconfig, env);
  if (kubeconfig) {
    return {
      targets: kubeconfigTargets(kubeconfig.files, config.contexts, config.allContexts),
      stop: noop,
      source: `${kubeconfig.from === 'KUBECONFIG' ? '$KUBECONFIG ' : ''}${kubeconfig.files.join(delimiter)}`,
    };
  }
  if (!config.demo && inClusterAvailable(env)) {
    return { targets: [inClusterTarget()], stop: noop, source: 'in-cluster service account' };
  }
  const sims = await startEmbeddedSims(config.simResolutionMs);
  return { ...sims, source: 'embedded simulated clusters' };
}

/** The UI build's identity: changes when a new web build is deployed (wall screens reload). */
function buildVersion(staticDir: string | undefined): string {
  const index = staticDir ? `${staticDir}/index.html` : undefined;
  const content = index && existsSync(index) ? readFileSync(index) : Buffer.from('api-only');
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}

/** Starts pipelines and the HTTP server; used by `main.ts`, tests, e2e and the benchmark. */
export async function startServer(
  config: ServerConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, base: { service: 'kubeglance' } });
  const { targets, stop: stopTargets, source } = await resolveTargets(config, env);
  const registry = new ClusterRegistry();
  for (const t of targets) {
    const prom = config.prometheus;
    const promUrl = prom && prometheusUrlFor(prom.targets, t.name);
    registry.add(
      new ClusterPipeline(t, {
        resolutionMs: config.resolutionMs,
        retentionMs: config.retentionMs,
        log,
        prometheus: prom && promUrl ? new PrometheusHistory(promUrl, prom) : undefined,
      }),
    );
  }
  const broadcaster = new Broadcaster({ maxBufferedBytes: 4 * 1024 * 1024, heartbeatMs: 15_000 });
  for (const { pipeline, view } of registry.names().map((n) => registry.get(n)!)) {
    pipeline.on('sample', () => broadcaster.publish(pipeline.name, 'sample', view.sampleEvent()));
    pipeline.on('status', (status) =>
      broadcaster.publish(pipeline.name, 'status', { cluster: pipeline.name, status }),
    );
  }
  const staticDir = config.staticDir ?? DEFAULT_STATIC_DIR;
  const app = createApp({
    clusters: registry,
    broadcaster,
    prom: createPromRegistry(registry, broadcaster),
    hello: { version: buildVersion(staticDir), startedMs: Date.now() },
    staticDir,
    logError: (err) => log.error({ err }, 'request failed'),
  });
  registry.startAll();
  const statusTimer = setInterval(() => registry.pipelines().forEach((p) => p.checkStatus()), 1000);
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  // Longer than the usual 60 s of proxies and load balancers in front, so they, not
  // kubeglance, close idle connections (no reset races on reused sockets).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  for (const t of targets) {
    log.info(
      {
        cluster: t.name,
        simulated: t.simulated,
        server: t.server,
        ...(t.kubeconfigFile ? { kubeconfig: t.kubeconfigFile } : {}),
      },
      `watching ${t.simulated ? 'SIMULATED ' : ''}cluster ${t.name}`,
    );
  }
  log.info({ url, source }, `kubeglance listening on ${url}`);
  if (config.auth === 'none' && !isLoopback(config.host)) {
    log.warn(
      { host: config.host },
      'authentication is off (--auth none) on a non-loopback address: anyone who can connect reads cluster data',
    );
  }

  return {
    url,
    registry,
    broadcaster,
    log,
    stop: async () => {
      clearInterval(statusTimer);
      broadcaster.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      registry.stopAll();
      await stopTargets();
    },
  };
}
