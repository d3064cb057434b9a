import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino, type Logger } from 'pino';
import { createApp, type SecurityOptions } from './api/app.js';
import { createPromRegistry } from './api/promMetrics.js';
import { trustedProxies } from './api/security/proxyTrust.js';
import { TokenStore } from './api/security/tokenStore.js';
import { Broadcaster } from './api/sse/broadcaster.js';
import { startEmbeddedSims } from './bootstrap/embeddedSims.js';
import { ConfigError, isLoopback, type ServerConfig } from './config.js';
import {
  findKubeconfig,
  inClusterAvailable,
  inClusterTarget,
  kubeconfigTargets,
  type ClusterTarget,
} from './kube/clusterTargets.js';
import { ClusterPipeline } from './pipeline/clusterPipeline.js';
import { HistoryPersistence } from './pipeline/historyPersistence.js';
import { watchKubeconfig } from './pipeline/kubeconfigReload.js';
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
  /** The kubeconfig files read, watched for changes. */
  files?: readonly string[];
}

async function resolveTargets(config: ServerConfig, env: NodeJS.ProcessEnv): Promise<Targets> {
  const noop = async () => undefined;
  const kubeconfig = config.demo ? undefined : findKubeconfig(config.kubeconfig, env);
  if (kubeconfig) {
    return {
      targets: kubeconfigTargets(kubeconfig.files, config.contexts, config.allContexts),
      stop: noop,
      files: kubeconfig.files,
      source: `${kubeconfig.from === 'KUBECONFIG' ? '$KUBECONFIG ' : ''}${kubeconfig.files.join(delimiter)}`,
    };
  }
  if (!config.demo && inClusterAvailable(env)) {
    return { targets: [inClusterTarget(env)], stop: noop, source: 'in-cluster service account' };
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

function securityOptions(config: ServerConfig, log: Logger): SecurityOptions {
  let tokens: TokenStore | undefined;
  if (config.auth === 'token') {
    try {
      tokens = new TokenStore(config.authTokenFile, config.authTokensEnv, (count, error) => {
        if (error) log.warn({ error }, 'cannot re-read the token file; keeping the last tokens');
        else log.info({ count }, 'viewer tokens loaded');
      });
    } catch (e) {
      throw new ConfigError((e as Error).message);
    }
    if (tokens.all().length === 0) throw new ConfigError('--auth token: no viewer token given');
  }
  return {
    auth: {
      mode: config.auth,
      tokens,
      proxyHeader: config.authProxyHeader,
      isTrustedProxy: trustedProxies(config.authProxyFrom),
    },
    allowedHosts: config.allowedHosts,
    frameAncestors: config.frameAncestors,
    metricsAuth: config.metricsAuth,
    rateLimitPerMin: config.rateLimitPerMin,
    maxStreams: config.maxStreams,
    maxStreamsPerClient: config.maxStreamsPerClient,
  };
}

/**
 * Restores each cluster's saved history, then saves it periodically (and on stop). Restoring
 * a big cluster's hour takes many turns of the event loop: the server listens meanwhile (its
 * probes answer) and the pipelines start once it is done (appends need the restored ticks).
 */
async function persistHistory(
  dir: string,
  intervalMs: number,
  registry: ClusterRegistry,
  log: Logger,
): Promise<HistoryPersistence[]> {
  const all = registry.pipelines().map((p) => {
    const persistence = new HistoryPersistence(
      dir,
      {
        name: p.name,
        get server() {
          return p.target.server;
        },
        history: p.history,
      },
      log,
      intervalMs,
    );
    return persistence;
  });
  for (const persistence of all) {
    await persistence.restore();
    persistence.start();
  }
  return all;
}

/** Starts pipelines and the HTTP server; used by `main.ts`, tests, e2e and the benchmark. */
export async function startServer(
  config: ServerConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, base: { service: 'kubeglance' } });
  const security = securityOptions(config, log);
  const { targets, stop: stopTargets, source, files } = await resolveTargets(config, env);
  const registry = new ClusterRegistry();
  for (const t of targets) {
    const prom = config.prometheus;
    const promUrl = prom && prometheusUrlFor(prom.targets, t.name);
    registry.add(
      new ClusterPipeline(t, {
        resolutionMs: config.resolutionMs,
        retentionMs: config.retentionMs,
        upstreamGzip: config.upstreamGzip,
        diagnosticsTiming: config.diagnosticsTiming,
        log,
        prometheus: prom && promUrl ? new PrometheusHistory(promUrl, prom) : undefined,
      }),
    );
  }
  const broadcaster = new Broadcaster({ maxBufferedBytes: 4 * 1024 * 1024, heartbeatMs: 15_000 });
  for (const { pipeline, view } of registry.names().map((n) => registry.get(n)!)) {
    // The rows are built one kind per loop turn first; then the event is one more turn.
    pipeline.on('sample', () => {
      view
        .warm()
        .then(() => broadcaster.publish(pipeline.name, 'sample', view.sampleEvent()))
        .catch((err: unknown) =>
          log.warn({ cluster: pipeline.name, err }, 'building the sample event failed'),
        );
    });
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
    log,
    security,
  });
  const saving = config.stateDir
    ? persistHistory(config.stateDir, config.stateSaveIntervalMs, registry, log)
    : [];
  const stopWatching = files ? watchKubeconfig(files, config, registry, log) : () => undefined;
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

  // Listening (and logged) while a saved hour is restored; polls begin once it is back.
  const saved = await saving;
  registry.startAll();
  return {
    url,
    registry,
    broadcaster,
    log,
    stop: async () => {
      clearInterval(statusTimer);
      stopWatching();
      broadcaster.closeAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      registry.stopAll();
      await Promise.all(saved.map((p) => p.stop()));
      await stopTargets();
    },
  };
}
