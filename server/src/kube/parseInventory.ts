import { z } from 'zod';
import { parseCpuNanocores, parseMemoryBytes } from '@kubeglance/shared/quantity';
import { Interner, stringInterner } from './intern.js';
import { podResources, type PodResources } from './podResources.js';
import type {
  ContainerKind,
  ContainerSpec,
  NamespaceInfo,
  NodeInfo,
  PodInfo,
  QosClass,
} from './types.js';

/**
 * Upstream Node/Pod/Namespace JSON → domain objects, parsed once at the boundary.
 * Schemas name only the fields kubeglance uses; everything else is ignored, so the
 * informers' caches hold small objects even for 150,000 pods. Repeated names and the container
 * specs replicas share are interned (see `intern.ts`), so a pod costs little more than its
 * own name.
 */

const intern = stringInterner();

interface PodShape {
  containers: readonly ContainerSpec[];
  resources: PodResources;
}

/** Container specs + derived resources, shared by every pod with the same ones. */
const shapes = new Interner<PodShape>();

/** Values as text for a shape key; `null` (unset) stays distinct from 0. */
const part = (v: number | null) => (v === null ? '-' : String(v));

const meta = z.object({
  name: z.string(),
  namespace: z.string().optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  creationTimestamp: z.string().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});

const resources = z.record(z.string(), z.string()).optional();

const nodeSchema = z.object({
  metadata: meta,
  spec: z.object({ unschedulable: z.boolean().optional() }).optional(),
  status: z
    .object({
      capacity: resources,
      allocatable: resources,
      conditions: z
        .array(
          z.object({
            type: z.string(),
            status: z.string(),
            reason: z.string().optional(),
            message: z.string().optional(),
            lastTransitionTime: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

const containerSchema = z.object({
  name: z.string(),
  resources: z.object({ requests: resources, limits: resources }).optional(),
  /** `Always` on an init container makes it a native sidecar. */
  restartPolicy: z.string().optional(),
});

/** Only what is counted: restarts, and whether the container runs (has something to measure). */
const containerStatus = z.object({
  restartCount: z.number().optional(),
  state: z.object({ running: z.object({}).passthrough().optional() }).optional(),
});

const podSchema = z.object({
  metadata: meta,
  spec: z.object({
    nodeName: z.string().optional(),
    containers: z.array(containerSchema),
    initContainers: z.array(containerSchema).optional(),
    ephemeralContainers: z.array(z.object({ name: z.string() })).optional(),
    overhead: resources,
  }),
  status: z
    .object({
      phase: z.string().optional(),
      qosClass: z.enum(['Guaranteed', 'Burstable', 'BestEffort']).optional(),
      containerStatuses: z.array(containerStatus).optional(),
      initContainerStatuses: z.array(containerStatus).optional(),
    })
    .optional(),
});

const namespaceSchema = z.object({
  metadata: meta,
  status: z.object({ phase: z.string().optional() }).optional(),
});

function createdMs(m: z.infer<typeof meta>): number {
  const t = m.creationTimestamp ? Date.parse(m.creationTimestamp) : NaN;
  return Number.isFinite(t) ? t : 0;
}

function cpuOf(r: Record<string, string> | undefined): number | null {
  return r?.cpu === undefined ? null : parseCpuNanocores(r.cpu);
}

function memoryOf(r: Record<string, string> | undefined): number | null {
  return r?.memory === undefined ? null : parseMemoryBytes(r.memory);
}

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function parseNode(raw: unknown): NodeInfo {
  const n = nodeSchema.parse(raw);
  const labels = n.metadata.labels ?? {};
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length)
    .map((k) => k.slice(ROLE_PREFIX.length))
    .sort();
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  return {
    name: n.metadata.name,
    ready,
    roles,
    unschedulable: n.spec?.unschedulable ?? false,
    allocatable: {
      cpuNanocores: cpuOf(n.status?.allocatable) ?? 0,
      memoryBytes: memoryOf(n.status?.allocatable) ?? 0,
    },
    capacity: {
      cpuNanocores: cpuOf(n.status?.capacity) ?? 0,
      memoryBytes: memoryOf(n.status?.capacity) ?? 0,
    },
    createdMs: createdMs(n.metadata),
    labels,
    group: nodeGroup(labels, roles),
    conditions: (n.status?.conditions ?? []).map((c) => ({
      type: c.type,
      status: c.status,
      reason: c.reason ?? null,
      message: c.message ?? null,
      lastTransitionMs: timeOrNull(c.lastTransitionTime),
    })),
  };
}

/** Labels that name a node pool, most specific first (GKE, EKS, AKS, Karpenter, kOps). */
const POOL_LABELS = [
  'cloud.google.com/gke-nodepool',
  'eks.amazonaws.com/nodegroup',
  'kubernetes.azure.com/agentpool',
  'agentpool',
  'karpenter.sh/nodepool',
  'kops.k8s.io/instancegroup',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/zone',
];

/** The node's pool (or, failing that, instance type, zone or role) for grouping big clusters. */
function nodeGroup(labels: Record<string, string>, roles: string[]): string | null {
  if (roles.includes('control-plane')) return 'control-plane';
  for (const key of POOL_LABELS) if (labels[key]) return labels[key];
  return roles[0] ?? null;
}

function timeOrNull(s: string | undefined): number | null {
  const t = s ? Date.parse(s) : NaN;
  return Number.isFinite(t) ? t : null;
}

function containerSpec(c: z.infer<typeof containerSchema>, kind: ContainerKind): ContainerSpec {
  const req = c.resources?.requests;
  const lim = c.resources?.limits;
  // Kubernetes defaults a missing request to the limit when only the limit is set.
  return {
    name: intern(c.name),
    kind,
    cpuRequestNanocores: cpuOf(req) ?? cpuOf(lim),
    cpuLimitNanocores: cpuOf(lim),
    memoryRequestBytes: memoryOf(req) ?? memoryOf(lim),
    memoryLimitBytes: memoryOf(lim),
  };
}

/** QoS as the kubelet derives it, for pods whose status does not carry it yet. */
function deriveQos(all: readonly ContainerSpec[]): QosClass {
  const containers = all.filter((c) => c.kind !== 'ephemeral');
  const none = containers.every(
    (c) => c.cpuRequestNanocores === null && c.memoryRequestBytes === null,
  );
  if (none) return 'BestEffort';
  const guaranteed = containers.every(
    (c) =>
      c.cpuLimitNanocores !== null &&
      c.memoryLimitBytes !== null &&
      c.cpuRequestNanocores === c.cpuLimitNanocores &&
      c.memoryRequestBytes === c.memoryLimitBytes,
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function parsePod(raw: unknown): PodInfo {
  const p = podSchema.parse(raw);
  const specs = [
    ...p.spec.containers.map((c) => containerSpec(c, 'container')),
    ...(p.spec.initContainers ?? []).map((c) =>
      containerSpec(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init'),
    ),
    ...(p.spec.ephemeralContainers ?? []).map((c) => containerSpec({ name: c.name }, 'ephemeral')),
  ];
  const overhead = {
    cpuNanocores: cpuOf(p.spec.overhead),
    memoryBytes: memoryOf(p.spec.overhead),
  };
  const { containers, resources } = shapeOf(specs, overhead);
  return {
    namespace: intern(p.metadata.namespace ?? 'default'),
    name: p.metadata.name,
    node: p.spec.nodeName === undefined ? null : intern(p.spec.nodeName),
    phase: intern(p.status?.phase ?? 'Unknown'),
    restarts: (p.status?.containerStatuses ?? []).reduce((s, c) => s + (c.restartCount ?? 0), 0),
    running: anyRunning(p.status),
    qosClass: p.status?.qosClass ?? deriveQos(containers),
    createdMs: createdMs(p.metadata),
    containers,
    resources,
  };
}

/**
 * Whether a container or native sidecar runs; null when the pod reports no statuses at all.
 * A Running pod whose containers all wait (CrashLoopBackOff) has nothing for the kubelet to
 * measure, so metrics-server has no item for it.
 */
function anyRunning(status: z.infer<typeof podSchema>['status']): boolean | null {
  const all = [...(status?.containerStatuses ?? []), ...(status?.initContainerStatuses ?? [])];
  if (all.length === 0) return null;
  return all.some((c) => c.state?.running !== undefined);
}

/** The shared containers + resources for these specs and overhead (see {@link shapes}). */
function shapeOf(
  specs: ContainerSpec[],
  overhead: { cpuNanocores: number | null; memoryBytes: number | null },
): PodShape {
  const key = specs
    .map((c) =>
      [
        c.name,
        c.kind,
        part(c.cpuRequestNanocores),
        part(c.cpuLimitNanocores),
        part(c.memoryRequestBytes),
        part(c.memoryLimitBytes),
      ].join(' '),
    )
    .concat(part(overhead.cpuNanocores), part(overhead.memoryBytes))
    .join('|');
  return shapes.get(key, () => ({ containers: specs, resources: podResources(specs, overhead) }));
}

export function parseNamespace(raw: unknown): NamespaceInfo {
  const n = namespaceSchema.parse(raw);
  return {
    name: n.metadata.name,
    phase: n.status?.phase ?? 'Active',
    createdMs: createdMs(n.metadata),
  };
}
