import { encodeNodeColumns } from '@kubeglance/shared/nodeColumns';
import type {
  ClusterSnapshot,
  HistoryRange,
  HistoryResponse,
  HistoryScope,
  NamespaceRow,
  NodeDetail,
  NodeRow,
  PodRow,
  SampledListResponse,
  SampleEvent,
  Summary,
  TopPod,
} from '@kubeglance/shared/api';
import { stepsInTurns } from '../kube/loopTurns.js';
import { Snapshot } from '../store/snapshot.js';
import { NodeOrder } from './nodeOrder.js';
import { longHistory } from './longHistory.js';
import type { ClusterPipeline } from './clusterPipeline.js';

const RANGE_MS: Record<HistoryRange, number> = {
  '5m': 300_000,
  '15m': 900_000,
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};
const TOP_N = 10;
const INVENTORY_REFRESH_MS = 1000;
const SNAPSHOT_MAX_AGE_MS = 1000;

export interface HistoryRequest {
  scope: HistoryScope;
  range: HistoryRange;
  name?: string | undefined;
  namespace?: string | undefined;
  pod?: string | undefined;
}

/**
 * Read side of one cluster: API responses built from the store's cached `Snapshot` (rows are
 * computed once per sample/inventory change and shared by every request and SSE client).
 */
export class ClusterView {
  private snap: Snapshot | undefined;
  /** Whether the informers had synced when `snap` was built (a half-listed one is replaced at once). */
  private snapSynced = false;
  private readonly nodeOrder = new NodeOrder();
  private lastEvent: { snap: Snapshot; event: SampleEvent } | undefined;
  private snapshotCache:
    { snap: Snapshot; key: string; value: ClusterSnapshot; builtMs: number } | undefined;

  constructor(private readonly pipeline: ClusterPipeline) {}

  /**
   * The snapshot to read from: rebuilt at once for a new sample, but for inventory changes
   * alone at most once per second, since under churn every watch event bumps the inventory
   * version and re-indexing 150,000 pods per event would starve the event loop.
   */
  private current(): Snapshot {
    const inventory = this.pipeline.inventory;
    const sample = this.pipeline.sample;
    const now = Date.now();
    const s = this.snap;
    const synced = this.pipeline.synced;
    const rebuild =
      !s ||
      s.sample !== sample ||
      (synced && !this.snapSynced) ||
      (!s.matches(inventory, sample) && now - s.nowMs >= INVENTORY_REFRESH_MS);
    if (rebuild) {
      this.snap = new Snapshot(inventory, sample, now);
      this.snapSynced = synced;
    }
    return this.snap!;
  }

  private sampled<T>(items: T[]): SampledListResponse<T> {
    return {
      items,
      timestampMs: this.pipeline.sample?.timestampMs ?? null,
      stale: this.pipeline.stale,
    };
  }

  summary(): Summary {
    const p = this.pipeline;
    return this.current().summary({
      cluster: p.name,
      simulated: p.target.simulated,
      status: p.status(),
      stale: p.stale,
    });
  }

  nodes(): SampledListResponse<NodeRow> {
    return this.sampled(this.current().nodes());
  }

  /** `GET .../nodes/:node`, or undefined for a node the cluster does not have. */
  node(name: string): NodeDetail | undefined {
    const facts = this.current().node(name);
    if (!facts) return undefined;
    return {
      cluster: this.pipeline.name,
      ...facts,
      timestampMs: this.pipeline.sample?.timestampMs ?? null,
      stale: this.pipeline.stale,
      status: this.pipeline.status(),
    };
  }

  namespaces(): SampledListResponse<NamespaceRow> {
    return this.sampled(this.current().namespaces());
  }

  hasNamespace(namespace: string): boolean {
    return (
      this.current().hasNamespace(namespace) || this.pipeline.inventory.namespaces.has(namespace)
    );
  }

  /** Every pod of a namespace, or undefined for a namespace the cluster does not have. */
  namespacePods(namespace: string): SampledListResponse<PodRow> | undefined {
    if (!this.hasNamespace(namespace)) return undefined;
    return this.sampled(this.current().pods(namespace));
  }

  topPods(sort: 'cpu' | 'memory', limit: number, namespace?: string): SampledListResponse<TopPod> {
    const options = namespace === undefined ? { sort, limit } : { sort, limit, namespace };
    return this.sampled(this.current().topPods(options));
  }

  history(q: HistoryRequest): HistoryResponse | undefined {
    const rangeMs = RANGE_MS[q.range];
    // While stale, extend the window to now so the outage shows as a gap at the right edge.
    const end = this.pipeline.stale ? Date.now() : undefined;
    const key = { name: q.name, namespace: q.namespace, pod: q.pod };
    const series = this.pipeline.history.query(q.scope, key, rangeMs, end);
    if (!series) return undefined;
    const response: HistoryResponse = {
      scope: q.scope,
      range: q.range,
      resolutionSeconds: this.pipeline.history.resolutionMs / 1000,
      series,
    };
    if (q.scope === 'cluster') response.coverage = this.pipeline.history.coverage(rangeMs, end);
    return response;
  }

  get hasPrometheus(): boolean {
    return this.pipeline.prometheus !== undefined;
  }

  /** Whether `range` needs Prometheus (beyond what memory keeps). */
  static isLong(range: HistoryRange): boolean {
    return RANGE_MS[range] > RANGE_MS['1h'];
  }

  /** A long range (6h…30d): Prometheus joined with the in-memory hour; see `longHistory`. */
  async longHistory(q: HistoryRequest): Promise<HistoryResponse | undefined> {
    const prometheus = this.pipeline.prometheus;
    if (!prometheus) return undefined;
    const memory = this.pipeline.history;
    return longHistory({ q, rangeMs: RANGE_MS[q.range], memory, prometheus, nowMs: Date.now() });
  }

  private topPodsBoth(): { cpu: TopPod[]; memory: TopPod[] } {
    const s = this.current();
    return {
      cpu: s.topPods({ sort: 'cpu', limit: TOP_N }),
      memory: s.topPods({ sort: 'memory', limit: TOP_N }),
    };
  }

  /**
   * Everything a screen needs on connect. The same object is returned until the sample,
   * the inventory or the status changes, so the SSE layer can serialise it once.
   */
  snapshot(): ClusterSnapshot {
    const snap = this.current();
    const status = this.pipeline.status();
    const key = `${this.pipeline.stale}|${status.state}|${status.problems.map((p) => p.code).join(',')}`;
    const c = this.snapshotCache;
    // Rebuilt at least every second: it carries the server's clock, from which every screen
    // counts the data's age.
    const fresh = c !== undefined && status.serverNowMs - c.builtMs < SNAPSHOT_MAX_AGE_MS;
    if (c && fresh && c.snap === snap && c.key === key) return c.value;
    const value: ClusterSnapshot = {
      cluster: this.pipeline.name,
      simulated: this.pipeline.target.simulated,
      summary: this.summary(),
      nodes: snap.nodes(),
      nodeOrderId: this.nodeOrder.idOf(snap.nodeOrder()),
      namespaces: snap.namespaces(),
      topPods: this.topPodsBoth(),
      history: this.history({ scope: 'cluster', range: '1h' })!,
    };
    this.snapshotCache = { snap, key, value, builtMs: status.serverNowMs };
    return value;
  }

  /**
   * Computes the rows the `sample` event and the screens' first requests need, one kind of
   * row per turn of the event loop (each is cached in the snapshot), so building them for
   * 30,000 pods never holds the loop for all of them at once. Stops early when a newer
   * snapshot replaces this one.
   */
  async warm(): Promise<void> {
    const snap = this.current();
    const steps = [
      () => snap.nodes(),
      () => snap.namespaces(),
      () => this.summary(),
      () => snap.topPods({ sort: 'cpu', limit: TOP_N }),
      () => snap.topPods({ sort: 'memory', limit: TOP_N }),
    ];
    await stepsInTurns(steps.map((step) => () => void (this.current() === snap && step())));
  }

  /** The `sample` event for the newest sample: small enough for hundreds of wall screens. */
  sampleEvent(): SampleEvent {
    const s = this.current();
    if (this.lastEvent?.snap === s) return this.lastEvent.event;
    const timestampMs = this.pipeline.sample?.timestampMs ?? 0;
    const order = this.nodeOrder.forSample(s.nodeOrder());
    const event: SampleEvent = {
      cluster: this.pipeline.name,
      timestampMs,
      summary: this.summary(),
      nodes: encodeNodeColumns(
        s.nodeUsageTuples(),
        timestampMs,
        order.id,
        order.withOrder ? s.nodeOrder() : null,
      ),
      namespaces: s.namespaces(),
      topPods: this.topPodsBoth(),
    };
    // Once per sample: a second call must not leave out the order the first one carried.
    this.lastEvent = { snap: s, event };
    return event;
  }
}
