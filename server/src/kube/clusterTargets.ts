import { existsSync } from 'node:fs';
import { isIPv6 } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

/** One cluster to watch: a kubeconfig narrowed to a single context. */
export interface ClusterTarget {
  name: string;
  simulated: boolean;
  /** API server URL, shown to users (never a credential). */
  server: string;
  kubeConfig: KubeConfig;
}

export class TargetError extends Error {}

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Where the kubelet mounts the pod's service-account token and CA. Tests move it with
 * `KUBEGLANCE_SERVICEACCOUNT_DIR` to exercise in-cluster mode against the simulator.
 */
function serviceAccountDir(env: NodeJS.ProcessEnv): string {
  return env.KUBEGLANCE_SERVICEACCOUNT_DIR || SA_DIR;
}

/** Inside a pod with a service account token: the in-cluster configuration applies. */
export function inClusterAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.KUBERNETES_SERVICE_HOST) && existsSync(join(serviceAccountDir(env), 'token'));
}

/**
 * The API server from `KUBERNETES_SERVICE_HOST`/`_PORT`, trusted with the pod's CA and
 * authenticated with its token file, which client-node re-reads (bound tokens rotate).
 */
export function inClusterTarget(env: NodeJS.ProcessEnv, name = 'in-cluster'): ClusterTarget {
  const dir = serviceAccountDir(env);
  const host = env.KUBERNETES_SERVICE_HOST ?? '';
  const server = `https://${isIPv6(host) ? `[${host}]` : host}:${env.KUBERNETES_SERVICE_PORT ?? '443'}`;
  const kc = new KubeConfig();
  kc.loadFromClusterAndUser(
    { name, server, caFile: join(dir, 'ca.crt'), skipTLSVerify: false },
    { name, authProvider: { name: 'tokenFile', config: { tokenFile: join(dir, 'token') } } },
  );
  return { name, simulated: false, server, kubeConfig: kc };
}

/** The kubeconfig to use: the flag, else $KUBECONFIG (first entry), else ~/.kube/config if present. */
export function findKubeconfig(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined {
  if (flag) return flag;
  const fromEnv = env.KUBECONFIG?.split(':').find((p) => p.length > 0);
  if (fromEnv) return fromEnv;
  const home = join(env.HOME ?? homedir(), '.kube', 'config');
  return existsSync(home) ? home : undefined;
}

/**
 * One target per selected context: the named ones, all of them, or the current one.
 * Each gets its own KubeConfig so pipelines never share mutable client state.
 */
export function kubeconfigTargets(
  path: string,
  contexts: string[],
  allContexts: boolean,
  simulated = false,
): ClusterTarget[] {
  if (!existsSync(path)) throw new TargetError(`kubeconfig not found: ${path}`);
  const base = new KubeConfig();
  try {
    base.loadFromFile(path);
  } catch (e) {
    throw new TargetError(`cannot read kubeconfig ${path}: ${(e as Error).message}`);
  }
  const available = base.getContexts().map((c) => c.name);
  const selected = allContexts
    ? available
    : contexts.length > 0
      ? contexts
      : [base.getCurrentContext()];
  if (selected.length === 0 || selected.some((c) => !c)) {
    throw new TargetError(`kubeconfig ${path} has no current context; pass --context`);
  }
  return selected.map((name) => {
    if (!available.includes(name)) {
      throw new TargetError(`context "${name}" not in ${path} (has: ${available.join(', ')})`);
    }
    const kc = new KubeConfig();
    kc.loadFromFile(path);
    kc.setCurrentContext(name);
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new TargetError(`context "${name}" has no cluster server URL`);
    return { name, simulated, server, kubeConfig: kc };
  });
}
