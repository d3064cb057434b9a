/**
 * Put a cluster model behind an HTTPS apiserver: TLS material, token, listener(s), kubeconfig
 * and fault wiring. `startSim` (index.ts) builds the model and calls this; tests may call it
 * with a hand-made {@link SimCluster}.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FaultSet, type Faults } from '../faults.js';
import { renderKubeconfig, writeKubeconfig } from '../kubeconfig.js';
import type { SimCluster } from '../model/types.js';
import { loadPolicy } from '../rbac.js';
import { createTlsMaterial } from '../tls.js';
import { createRequestListener } from './app.js';
import { generateToken } from './auth.js';
import type { SimDeps } from './context.js';
import { listenKubeletPlain } from './kubeletMetrics.js';
import { syncMetricsServerPod } from './metricsServerPod.js';
import { RequestLog } from './requestLog.js';
import { ApiListener } from './server.js';

/** How the HTTP side of a simulator is set up (the cluster's own options live in SimOptions). */
export interface ServeOptions {
  /** Cluster/context name in the kubeconfig. */
  name: string;
  /** API port; 0 picks a free one. */
  port: number;
  /** Bind address; the serving certificate covers 127.0.0.1, ::1 and localhost. */
  host: string;
  /** Where to write the kubeconfig; undefined = a fresh temp dir, removed on stop(). */
  kubeconfigPath?: string;
  /** Faults active from the start. */
  faults: readonly string[];
  /** Delay of every API response under the `slow` fault. */
  slowMs: number;
  /** Interval of BOOKMARK events on watches with allowWatchBookmarks=true. */
  bookmarkIntervalMs: number;
  /** Optional second port serving only `/_sim` (still reachable under `apiserver-down`). */
  controlPort?: number;
  /** Bearer token; generated when undefined. */
  token?: string;
  /** Optional plain-HTTP port serving every node's kubelet `/metrics/resource` (no auth). */
  kubeletPort?: number;
  /**
   * metrics-server just deployed: its pod is unready and the metrics API answers 503 until two
   * resolution periods after the start (the scrapes it needs before it can answer).
   */
  warmup?: boolean;
  /**
   * false: the optional diagnostics Role in kube-system is not bound, so getting the
   * extension-apiserver-authentication ConfigMap, the metrics-server Deployment and pod logs
   * there is 403 Forbidden (and SelfSubjectAccessReview says so). Default true.
   */
  diagnosticsRole?: boolean;
  /**
   * RBAC files (ClusterRole, Role and their bindings, multi-document YAML) to enforce for
   * `user`; without them every authenticated request is allowed.
   */
  rbac?: readonly string[];
  /** The user the token authenticates as (named in 403s). Default `kubernetes-admin`. */
  user?: string;
}

/** A running simulator. */
export interface RunningSim {
  /** `https://127.0.0.1:PORT`. */
  url: string;
  /** `https://127.0.0.1:PORT` of the control-only listener, when `controlPort` was given. */
  controlUrl?: string;
  /** `http://127.0.0.1:PORT` of the plain kubelet-metrics listener, when `kubeletPort` was given. */
  kubeletUrl?: string;
  kubeconfigPath: string;
  /** The kubeconfig YAML written to `kubeconfigPath`. */
  kubeconfig: string;
  token: string;
  /** The CA certificate clients must trust. */
  caPem: string;
  name: string;
  cluster: SimCluster;
  faults: Faults;
  /** Stop listening, end watches, stop churn, remove a temp kubeconfig. Idempotent. */
  stop(): Promise<void>;
}

/** The admin user kubeadm's kubeconfig carries. */
export const DEFAULT_USER = 'kubernetes-admin';

const urlFor = (host: string, port: number): string =>
  `https://${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Serve `cluster` (its churn is started here and stopped by `stop()`). */
export async function serveCluster(
  cluster: SimCluster,
  options: ServeOptions,
): Promise<RunningSim> {
  const faults = new FaultSet(options.faults);
  const tls = await createTlsMaterial(options.name);
  const token = options.token ?? generateToken();
  const deps: SimDeps = {
    cluster,
    faults,
    token,
    slowMs: options.slowMs,
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    requestLog: new RequestLog(),
    watches: new Set(),
    startedAt: new Date(),
    ...(options.rbac?.length
      ? { rbac: loadPolicy(options.user ?? DEFAULT_USER, options.rbac) }
      : {}),
  };
  if (options.diagnosticsRole === false) deps.diagnosticsRole = false;
  if (options.warmup) {
    deps.warmupUntilMs = deps.startedAt.getTime() + 2 * cluster.metrics.resolutionMs;
  }
  const api = new ApiListener({ tls, host: options.host, handler: createRequestListener(deps) });
  const port = await api.listen(options.port);
  const control =
    options.controlPort === undefined
      ? undefined
      : new ApiListener({
          tls,
          host: options.host,
          handler: createRequestListener(deps, { controlOnly: true }),
        });
  const controlPort = control ? await control.listen(options.controlPort ?? 0) : undefined;
  const kubelet =
    options.kubeletPort === undefined
      ? undefined
      : await listenKubeletPlain(deps, options.host, options.kubeletPort);

  const goDownOrUp = (added: readonly string[], removed: readonly string[]): void => {
    if (added.includes('apiserver-down')) api.goDown();
    if (removed.includes('apiserver-down')) {
      api
        .goUp()
        .catch((err: Error) =>
          process.stderr.write(`kubeglance-sim: cannot listen again on ${port}: ${err.message}\n`),
        );
    }
  };
  const unsubscribeDown = faults.onChange(goDownOrUp);
  const stopPodSync = syncMetricsServerPod(deps);
  const unsubscribe = (): void => {
    unsubscribeDown();
    stopPodSync();
  };
  if (faults.has('apiserver-down')) api.goDown();

  const tempDir = options.kubeconfigPath
    ? undefined
    : await mkdtemp(join(tmpdir(), 'kubeglance-sim-'));
  const kubeconfigPath = options.kubeconfigPath
    ? resolve(options.kubeconfigPath)
    : join(tempDir as string, 'kubeconfig');
  const url = urlFor(options.host, port);
  const kubeconfig = renderKubeconfig({ name: options.name, server: url, caPem: tls.caPem, token });
  await writeKubeconfig(kubeconfigPath, kubeconfig);
  cluster.start();

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      unsubscribe();
      cluster.stop();
      for (const close of [...deps.watches]) close();
      await Promise.all([api.close(), control?.close(), kubelet?.close()]);
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    })();
    return stopped;
  };

  return {
    url,
    ...(controlPort !== undefined ? { controlUrl: urlFor(options.host, controlPort) } : {}),
    ...(kubelet
      ? { kubeletUrl: urlFor(options.host, kubelet.port).replace('https:', 'http:') }
      : {}),
    kubeconfigPath,
    kubeconfig,
    token,
    caPem: tls.caPem,
    name: options.name,
    cluster,
    faults,
    stop,
  };
}
