/**
 * Keeps the metrics-server pod's readiness in the store in line with the faults and the
 * warm-up, so `kubectl get pods -n kube-system`, watches and informers all see it go
 * unready (its readiness probe needs stored metrics) and ready again, as on a real cluster.
 */
import type { KubeObject } from '../model/types.js';
import type { ObjectStore } from '../model/objectStore.js';
import { rfc3339 } from '../model/time.js';
import type { SimDeps } from './context.js';
import { metricsServerReady } from './metricsAvailability.js';

type Json = Record<string, unknown>;

/** The metrics-server pods (label `k8s-app=metrics-server` in kube-system). */
export function metricsServerPods(deps: SimDeps): KubeObject[] {
  return deps.cluster.store
    .list('pods')
    .filter(
      (p) =>
        p.metadata.namespace === 'kube-system' &&
        p.metadata.labels?.['k8s-app'] === 'metrics-server',
    );
}

function withReadiness(
  pod: KubeObject,
  ready: boolean,
  nowMs: number,
  startedMs?: number,
): KubeObject {
  const status = (pod.status ?? {}) as Json;
  const when = rfc3339(nowMs);
  const names = ((status.containerStatuses as Json[] | undefined) ?? []).map((c) => c.name);
  const conditions = ((status.conditions as Json[] | undefined) ?? []).map((c) => {
    if (c.type !== 'Ready' && c.type !== 'ContainersReady') return c;
    return ready
      ? { type: c.type, status: 'True', lastTransitionTime: when }
      : {
          type: c.type,
          status: 'False',
          lastTransitionTime: when,
          reason: 'ContainersNotReady',
          message: `containers with unready status: [${names.join(' ')}]`,
        };
  });
  const containerStatuses = ((status.containerStatuses as Json[] | undefined) ?? []).map((c) => ({
    ...c,
    ready,
    started: true,
    ...(startedMs === undefined ? {} : { state: { running: { startedAt: rfc3339(startedMs) } } }),
  }));
  return {
    ...pod,
    metadata: { ...pod.metadata },
    status: { ...status, conditions, containerStatuses },
  };
}

function isReady(pod: KubeObject): boolean {
  const conditions = ((pod.status as Json | undefined)?.conditions as Json[] | undefined) ?? [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * Start syncing: with a warm-up the container is shown as started when the simulator started.
 * Returns the stop function. Does nothing for a cluster without a writable store.
 */
export function syncMetricsServerPod(deps: SimDeps): () => void {
  const objects = (deps.cluster as { objects?: ObjectStore }).objects;
  if (!objects) return () => undefined;
  const sync = (startedMs?: number): void => {
    const ready = metricsServerReady(deps);
    for (const pod of metricsServerPods(deps)) {
      if (isReady(pod) === ready && startedMs === undefined) continue;
      objects.update('pods', withReadiness(pod, ready, Date.now(), startedMs));
    }
  };
  if (deps.warmupUntilMs !== undefined) sync(deps.startedAt.getTime());
  else sync();
  const unsubscribe = deps.faults.onChange(() => sync());
  const timer =
    deps.warmupUntilMs === undefined
      ? undefined
      : setTimeout(() => sync(), Math.max(0, deps.warmupUntilMs - Date.now()) + 1);
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
