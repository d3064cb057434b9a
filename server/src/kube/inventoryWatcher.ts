import { parseNamespace, parseNode, parsePod } from './parseInventory.js';
import {
  DEFAULT_INFORMER_TIMING,
  ResourceInformer,
  type InformerHandlers,
  type InformerTiming,
} from './resourceInformer.js';
import {
  podKey,
  type Inventory,
  type NamespaceInfo,
  type NodeInfo,
  type PodInfo,
} from './types.js';
import type { Upstream } from './upstream.js';

export interface InventoryEvents {
  /** Something in the inventory changed (debounce downstream if needed). */
  changed(): void;
  /** A pod added (`old` undefined), replaced, or removed (`value` undefined). */
  podChanged?(old: PodInfo | undefined, value: PodInfo | undefined): void;
  /** A node or namespace added, replaced or removed. */
  otherChanged?(kind: 'nodes' | 'namespaces'): void;
  failed(error: unknown): void;
  recovered(): void;
  /** Relists of some kind became (or stopped being) too frequent. */
  churn?(kinds: ChurnReport[]): void;
}

/** A kind whose watch keeps being restarted with a relist, and how often. */
export interface ChurnReport {
  kind: Kind;
  relists: number;
}

export type Kind = 'nodes' | 'pods' | 'namespaces';

/**
 * Nodes, pods and namespaces kept current by three informers. `version` increments on
 * every change so derived indexes can be cached by version instead of recomputed per request.
 */
export class InventoryWatcher {
  private readonly nodeInformer: ResourceInformer<NodeInfo>;
  private readonly podInformer: ResourceInformer<PodInfo>;
  private readonly namespaceInformer: ResourceInformer<NamespaceInfo>;
  private readonly listed = new Set<Kind>();
  private readonly failing = new Set<Kind>();
  private readonly churning = new Map<Kind, number>();
  private readonly informers: ResourceInformer<unknown>[];
  private versionCounter = 0;

  constructor(
    upstream: Upstream,
    events: InventoryEvents,
    timing: InformerTiming = DEFAULT_INFORMER_TIMING,
  ) {
    const bump = () => {
      this.versionCounter += 1;
      events.changed();
    };
    const itemChanged = (kind: Kind, old: unknown, value: unknown) => {
      if (kind === 'pods') events.podChanged?.(old as PodInfo | undefined, value as PodInfo);
      else events.otherChanged?.(kind);
      bump();
    };
    // The informers' own caches are the inventory's maps (one copy of each object and key).
    const handlers = <T>(kind: Kind): InformerHandlers<T> => ({
      upsert: (value: T, old: T | undefined) => itemChanged(kind, old, value),
      remove: (old: T) => itemChanged(kind, old, undefined),
      listed: () => {
        this.listed.add(kind);
        bump();
      },
      failed: (e: unknown) => {
        this.failing.add(kind);
        events.failed(e);
      },
      recovered: () => {
        this.failing.delete(kind);
        if (this.failing.size === 0) events.recovered();
      },
      churn: (active: boolean, relists: number) => {
        if (active) this.churning.set(kind, relists);
        else this.churning.delete(kind);
        events.churn?.([...this.churning].map(([k, n]) => ({ kind: k, relists: n })));
      },
    });
    const kubeConfig = () => upstream.kubeConfig;
    const byName = (_: string | undefined, name: string) => name;
    this.nodeInformer = new ResourceInformer(
      '/api/v1/nodes',
      upstream,
      kubeConfig,
      parseNode,
      handlers('nodes'),
      timing,
      byName,
    );
    this.podInformer = new ResourceInformer(
      '/api/v1/pods',
      upstream,
      kubeConfig,
      parsePod,
      handlers('pods'),
      timing,
      (namespace, name) => podKey(namespace ?? 'default', name),
    );
    this.namespaceInformer = new ResourceInformer(
      '/api/v1/namespaces',
      upstream,
      kubeConfig,
      parseNamespace,
      handlers('namespaces'),
      timing,
      byName,
    );
    this.informers = [
      this.nodeInformer,
      this.podInformer,
      this.namespaceInformer,
    ] as ResourceInformer<unknown>[];
  }

  start(): void {
    for (const i of this.informers) i.start();
  }

  stop(): void {
    for (const i of this.informers) i.stop();
  }

  /** Drops every watch and lists again at once (new credentials). */
  restart(): void {
    for (const i of this.informers) i.restart();
  }

  /** Relists after the first list, per kind. */
  get relists(): Record<Kind, number> {
    const [nodes, pods, namespaces] = this.informers.map((i) => i.relistCount);
    return { nodes: nodes ?? 0, pods: pods ?? 0, namespaces: namespaces ?? 0 };
  }

  /** All three kinds have been listed at least once. */
  get synced(): boolean {
    return this.listed.size === 3;
  }

  get version(): number {
    return this.versionCounter;
  }

  get inventory(): Inventory {
    return {
      nodes: this.nodeInformer.items,
      pods: this.podInformer.items,
      namespaces: this.namespaceInformer.items,
      version: this.versionCounter,
    };
  }
}
