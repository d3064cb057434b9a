/**
 * The contract between the simulated cluster's state (`model/`) and its HTTP layer (`http/`).
 * Objects are plain Kubernetes JSON (as the apiserver would serialise them), so the HTTP
 * layer only filters, pages and writes them.
 */

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: {
    apiVersion: string;
    kind: string;
    name: string;
    uid: string;
    controller?: boolean;
  }[];
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export type ResourceKind = 'nodes' | 'namespaces' | 'pods';
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  /** Numeric resourceVersion of this change (also in object.metadata.resourceVersion). */
  resourceVersion: number;
}

/** In-memory object store with a shared, monotonically increasing resourceVersion. */
export interface ClusterStore {
  currentResourceVersion(): number;
  /** All objects of a kind, sorted by namespace then name (stable order for paging). */
  list(kind: ResourceKind): readonly KubeObject[];
  get(kind: ResourceKind, namespace: string | undefined, name: string): KubeObject | undefined;
  /**
   * Events of a kind with resourceVersion > `since`, oldest first, or `'gone'` when `since`
   * is older than the retained event window (the apiserver answers 410 Gone then).
   */
  eventsSince(kind: ResourceKind, since: number): WatchEvent[] | 'gone';
  /** Live events; returns an unsubscribe function. */
  subscribe(kind: ResourceKind, listener: (event: WatchEvent) => void): () => void;
}

/** A NodeMetrics / PodMetrics item exactly as metrics-server serialises it. */
export interface NodeMetricsItem {
  metadata: { name: string; creationTimestamp: string; labels?: Record<string, string> };
  timestamp: string;
  window: string;
  usage: { cpu: string; memory: string };
}

export interface PodMetricsItem {
  metadata: {
    name: string;
    namespace: string;
    creationTimestamp: string;
    labels?: Record<string, string>;
  };
  /** null when every container failed metrics-server's CPU-rate check (`bad-items`). */
  timestamp: string | null;
  window: string;
  containers: { name: string; usage: { cpu: string; memory: string } }[];
}

/** One metrics-server scrape: what NodeMetrics/PodMetrics lists return during one resolution. */
export interface MetricsSample {
  /** Index of the resolution period since the unix epoch (`floor(ms / resolutionMs)`). */
  tick: number;
  /** When the scrape ran (items carry their own, earlier kubelet timestamps). */
  timestampMs: number;
  nodes: NodeMetricsItem[];
  pods: PodMetricsItem[];
}

export interface MetricsSource {
  readonly resolutionMs: number;
  /** metrics-server replicas; replica r scrapes `r * resolution / replicas` after replica 0. */
  readonly replicas: number;
  /**
   * The sample replica `replica` (default 0) took at a tick (deterministic from the seed,
   * cached for the latest ticks). Pods created less than one resolution before the scrape are
   * absent.
   */
  sampleAt(tick: number, replica?: number): MetricsSample;
}

/**
 * Realistic defaults a test can switch off: `workloads` = native sidecars, init containers,
 * RuntimeClass overhead and mirror-pod annotations; `metrics` = per-node kubelet timestamps
 * and windows with jitter, and canonical quantity forms (plain: one timestamp, window = the
 * resolution, always `n`/`Ki`).
 */
export type PlainAspect = 'workloads' | 'metrics';

/** Every {@link PlainAspect}. */
export const PLAIN_ASPECTS: readonly PlainAspect[] = ['workloads', 'metrics'];

export interface SimOptions {
  /** Cluster name (kubeconfig context/cluster name). */
  name: string;
  nodes: number;
  pods: number;
  namespaces: number;
  seed: number;
  resolutionMs: number;
  /** Pod creations + deletions per minute. */
  churnPerMinute: number;
  /** Realistic defaults to switch off (default none). */
  plain?: readonly PlainAspect[];
  /**
   * metrics-server replicas behind the Service (default 1). With 2 or more, consecutive
   * metrics requests are answered by the next replica, whose scrapes are offset in time.
   */
  metricsReplicas?: number;
  /**
   * Memory pins: for each share (e.g. 0.897), one single-pod Deployment whose containers'
   * working set is held at that share of their memory limit (rounded up to a whole Ki), every
   * scrape, so tests can check thresholds and rounding at an exact value.
   */
  memoryPins?: readonly number[];
}

/** A running cluster model: state, metrics and the churn timer. */
export interface SimCluster {
  readonly options: SimOptions;
  readonly store: ClusterStore;
  readonly metrics: MetricsSource;
  /** Start the churn timer (no-op when churnPerMinute is 0). */
  start(): void;
  stop(): void;
}
