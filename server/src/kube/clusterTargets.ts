import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { KubeconfigReadError, kubeConfigFor, mergeKubeconfigFiles } from './kubeconfigFiles.js';

/** One cluster to watch: a kubeconfig narrowed to a single context. */
export interface ClusterTarget {
  name: string;
  simulated: boolean;
  /** API server URL, shown to users (never a credential). */
  server: string;
  kubeConfig: KubeConfig;
  /** The kubeconfig file the context came from; empty in-cluster. */
  kubeconfigFile: string;
}

/** A cluster cannot be targeted (kubeconfig missing or unreadable, unknown context). */
export class TargetError extends Error {
  override readonly name = 'TargetError';
}

const SA_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

/** Inside a pod with a service account token: the in-cluster configuration applies. */
export function inClusterAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.KUBERNETES_SERVICE_HOST) && existsSync(SA_TOKEN);
}

export function inClusterTarget(name = 'in-cluster'): ClusterTarget {
  const kc = new KubeConfig();
  kc.loadFromCluster();
  return {
    name,
    simulated: false,
    server: kc.getCurrentCluster()?.server ?? '',
    kubeConfig: kc,
    kubeconfigFile: '',
  };
}

/** Where the kubeconfig files come from, in kubectl's order of precedence. */
export interface KubeconfigSource {
  /** `--kubeconfig` (exactly one file), `$KUBECONFIG` (a list), or `~/.kube/config`. */
  from: 'flag' | 'KUBECONFIG' | 'home';
  files: string[];
}

/**
 * The kubeconfig files to use: the flag, else every entry of $KUBECONFIG (split on the
 * platform's path delimiter, `:` or `;`, as kubectl and client-node do), else ~/.kube/config if
 * present; undefined when there is none.
 */
export function findKubeconfig(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
): KubeconfigSource | undefined {
  if (flag) return { from: 'flag', files: [flag] };
  const listed = (env.KUBECONFIG ?? '').split(delimiter).filter((p) => p.length > 0);
  if (listed.length > 0) return { from: 'KUBECONFIG', files: listed };
  const home = join(env.HOME ?? homedir(), '.kube', 'config');
  return existsSync(home) ? { from: 'home', files: [home] } : undefined;
}

/**
 * One target per selected context: the named ones, all of them, or the current one, from the
 * merge of `files` (see kubeconfigFiles.ts). Each gets its own KubeConfig so pipelines never
 * share mutable client state, and names the file its context came from.
 */
export function kubeconfigTargets(
  files: string | readonly string[],
  contexts: string[],
  allContexts: boolean,
  simulated = false,
): ClusterTarget[] {
  let merged;
  try {
    merged = mergeKubeconfigFiles(typeof files === 'string' ? [files] : files);
  } catch (e) {
    if (e instanceof KubeconfigReadError) throw new TargetError(e.message, { cause: e });
    throw e;
  }
  const where = merged.files.join(', ');
  const available = merged.contexts.map((c) => c.name);
  const selected = allContexts
    ? available
    : contexts.length > 0
      ? contexts
      : [merged.currentContext];
  if (selected.length === 0 || selected.some((c) => !c)) {
    throw new TargetError(`kubeconfig ${where} has no current context; pass --context`);
  }
  return selected.map((name) => {
    if (!available.includes(name)) {
      throw new TargetError(`context "${name}" not in ${where} (has: ${available.join(', ')})`);
    }
    const kc = kubeConfigFor(merged, name);
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new TargetError(`context "${name}" has no cluster server URL`);
    const kubeconfigFile = merged.contextFiles.get(name) ?? '';
    return { name, simulated, server, kubeConfig: kc, kubeconfigFile };
  });
}
