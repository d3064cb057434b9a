import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { kubeconfigTargets } from '../kube/clusterTargets.js';
import type { ClusterRegistry } from './registry.js';

interface Log {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
}

/**
 * Re-reads the kubeconfig file(s) when their content changes (polled by hash every `intervalMs`: this
 * survives editors' and Kubernetes Secret mounts' rename-and-replace, which file watches
 * lose track of) and reconnects each cluster whose context is still there with the new
 * credentials, CA or address. Adding or removing clusters still needs a restart.
 * Returns a function that stops watching.
 */
export function watchKubeconfig(
  files: readonly string[],
  selection: { contexts: string[]; allContexts: boolean },
  registry: ClusterRegistry,
  log: Log,
  intervalMs = 2000,
): () => void {
  const digest = () => {
    try {
      const hash = createHash('sha256');
      for (const f of files) hash.update(readFileSync(f)).update('\0');
      return hash.digest('hex');
    } catch {
      return undefined;
    }
  };
  let last = digest();
  const check = () => {
    const now = digest();
    if (now === undefined || now === last) return;
    last = now;
    let targets;
    try {
      targets = kubeconfigTargets(files, selection.contexts, selection.allContexts);
    } catch (e) {
      log.warn({ files, error: (e as Error).message }, 'kubeconfig changed but cannot be used');
      return;
    }
    for (const t of targets) {
      const entry = registry.get(t.name);
      if (!entry) {
        log.warn({ files, context: t.name }, 'kubeconfig has a new context; restart to show it');
        continue;
      }
      entry.pipeline.reconnect(t);
      log.info({ cluster: t.name, server: t.server }, 'kubeconfig changed: reconnecting');
    }
  };
  const timer = setInterval(check, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
