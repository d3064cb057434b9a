import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { labelText } from './resourceMetrics.js';
import type { ClusterStore, KubeObject } from './types.js';

/**
 * kube-state-metrics v2's container requests and limits (`kube_pod_container_resource_requests`
 * / `_limits`): one gauge per container and resource that sets one, labelled `namespace`,
 * `pod`, `uid`, `container`, `node`, `resource` and `unit` (`cpu` in `core`, `memory` in
 * `byte`), for pods not yet Succeeded/Failed. Regular containers only (init containers are
 * KSM's `kube_pod_init_container_resource_*`, not served here).
 */
export const KSM_FAMILIES = [
  {
    name: 'kube_pod_container_resource_requests',
    field: 'requests',
    help: 'The number of requested request resource by a container. It is recommended to use the kube_pod_resource_requests metric exposed by kube-scheduler instead, as it is more precise.',
  },
  {
    name: 'kube_pod_container_resource_limits',
    field: 'limits',
    help: 'The number of requested limit resource by a container. It is recommended to use the kube_pod_resource_limits metric exposed by kube-scheduler instead, as it is more precise.',
  },
] as const;

interface ContainerSpec {
  name: string;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

/** One sample: family name, labels, value. */
export type KsmRow = [string, Record<string, string>, number];

function* podRows(p: KubeObject): Generator<KsmRow> {
  const spec = p.spec as { nodeName?: string; containers?: ContainerSpec[] } | undefined;
  const phase = (p.status as { phase?: string } | undefined)?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return;
  for (const f of KSM_FAMILIES) {
    for (const c of spec?.containers ?? []) {
      const set = c.resources?.[f.field] ?? {};
      const base = {
        namespace: p.metadata.namespace ?? '',
        pod: p.metadata.name,
        uid: p.metadata.uid ?? '',
        container: c.name,
        node: spec?.nodeName ?? '',
      };
      if (set.cpu !== undefined)
        yield [
          f.name,
          { ...base, resource: 'cpu', unit: 'core' },
          parseCpuNanocores(set.cpu) / 1e9,
        ];
      if (set.memory !== undefined)
        yield [f.name, { ...base, resource: 'memory', unit: 'byte' }, parseMemoryBytes(set.memory)];
    }
  }
}

/** Every row for the pods that exist at `atMs` (created at or before it). */
export function* ksmRows(store: ClusterStore, atMs = Infinity): Generator<KsmRow> {
  for (const p of store.list('pods')) {
    if (Date.parse(p.metadata.creationTimestamp) > atMs) continue;
    yield* podRows(p);
  }
}

/** The `/metrics` page of kube-state-metrics (text format 0.0.4; KSM writes no timestamps). */
export function renderKubeStateMetrics(store: ClusterStore): string {
  const byFamily = new Map<string, string[]>(
    KSM_FAMILIES.map((f) => [f.name, [`# HELP ${f.name} ${f.help}`, `# TYPE ${f.name} gauge`]]),
  );
  for (const [name, labels, value] of ksmRows(store)) {
    byFamily.get(name)!.push(`${name}${labelText(labels)} ${value}`);
  }
  return `${[...byFamily.values()].flat().join('\n')}\n`;
}
