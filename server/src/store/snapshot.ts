import type {
  NamespaceRow,
  NodeRow,
  NodeUsageTuple,
  PodRow,
  Summary,
  TopPod,
} from '@kubeglance/shared/api';
import { nodeOrderOf, type NodeOrderColumns } from '@kubeglance/shared/nodeColumns';
import type { Inventory, MetricsSample } from '../kube/types.js';
import { indexInventory } from './inventoryIndex.js';
import { namespaceRows } from './namespaceRows.js';
import { nodeFacts, type NodeFacts } from './nodeDetail.js';
import { nodeRows, nodeUsageTuples } from './nodeRows.js';
import { podRows } from './podRows.js';
import { summary, type SummaryMeta } from './summary.js';
import { topPods, type TopPodsOptions } from './topPods.js';

/** Distinct top-pod queries remembered per snapshot; more are computed but not cached. */
const MAX_TOP_QUERIES = 64;

/**
 * The API rows for one (inventory version, sample) pair, each computed on first use and then
 * shared by every request and SSE client until the next sample or inventory change. Replace
 * the snapshot when {@link Snapshot.matches} turns false. Returned arrays are shared: treat
 * them as read-only.
 */
export class Snapshot {
  private readonly version: number | undefined;
  private nodeRowsCache: NodeRow[] | undefined;
  private tuplesCache: NodeUsageTuple[] | undefined;
  private orderCache: NodeOrderColumns | undefined;
  private namespaceCache: NamespaceRow[] | undefined;
  private summaryCache: Summary | undefined;
  private readonly podCache = new Map<string, PodRow[]>();
  private readonly topCache = new Map<string, TopPod[]>();

  constructor(
    readonly inventory: Inventory,
    readonly sample: MetricsSample | null,
    /** Clock for pod `warming-up` vs `missing`; fixed for the snapshot's life. */
    readonly nowMs: number,
  ) {
    this.version = inventory.version;
  }

  /** Whether this snapshot still describes `inventory` and `sample`. */
  matches(inventory: Inventory, sample: MetricsSample | null): boolean {
    return (
      sample === this.sample &&
      inventory.version === this.version &&
      inventory.pods === this.inventory.pods &&
      inventory.nodes === this.inventory.nodes &&
      inventory.namespaces === this.inventory.namespaces
    );
  }

  nodes(): NodeRow[] {
    return (this.nodeRowsCache ??= nodeRows(this.inventory, this.sample));
  }

  /** One node's describe-like facts and pods, or undefined for an unknown node. */
  node(name: string): NodeFacts | undefined {
    const row = this.nodes().find((n) => n.name === name);
    return nodeFacts(this.inventory, this.sample, row, this.nowMs);
  }

  /** Node names and allocatable in row order (what `NodeColumns.orderId` numbers). */
  nodeOrder(): NodeOrderColumns {
    return (this.orderCache ??= nodeOrderOf(this.nodes()));
  }

  nodeUsageTuples(): NodeUsageTuple[] {
    return (this.tuplesCache ??= nodeUsageTuples(this.nodes()));
  }

  namespaces(): NamespaceRow[] {
    return (this.namespaceCache ??= namespaceRows(this.inventory, this.sample));
  }

  hasNamespace(namespace: string): boolean {
    return indexInventory(this.inventory).namespaceLoad.has(namespace);
  }

  /** Pod rows of a namespace (`[]` for an unknown one; check {@link hasNamespace}). */
  pods(namespace: string): PodRow[] {
    let rows = this.podCache.get(namespace);
    if (!rows) {
      rows = podRows(this.inventory, this.sample, namespace, this.nowMs);
      this.podCache.set(namespace, rows);
    }
    return rows;
  }

  /** The summary; only `meta` (status, staleness) is re-applied per call. */
  summary(meta: SummaryMeta): Summary {
    this.summaryCache ??= summary(this.inventory, this.sample, meta);
    return { ...this.summaryCache, ...meta };
  }

  topPods(options: TopPodsOptions): TopPod[] {
    const key = `${options.sort}|${options.limit}|${options.namespace ?? ''}`;
    let rows = this.topCache.get(key);
    if (!rows) {
      rows = topPods(this.inventory, this.sample, options);
      if (this.topCache.size < MAX_TOP_QUERIES) this.topCache.set(key, rows);
    }
    return rows;
  }
}
