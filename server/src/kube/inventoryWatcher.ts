import { parseNamespace, parseNode, parsePod } from './parseInventory.js';
import {
  DEFAULT_INFORMER_TIMING,
  ResourceInformer,
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
  private readonly nodes = new Map<string, NodeInfo>();
  private readonly pods = new Map<string, PodInfo>();
  private readonly namespaces = new Map<string, NamespaceInfo>();
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
    const handlers = <T>(kind: Kind, map: Map<string, T>, key: (v: T) => string) => ({
      upsert: (v: T) => {
        map.set(key(v), v);
        bump();
      },
      remove: (v: T) => {
        map.delete(key(v));
        bump();
      },
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
    this.informers = [
      new ResourceInformer(
        '/api/v1/nodes',
        upstream,
        () => upstream.kubeConfig,
        parseNode,
        handlers('nodes', this.nodes, (n) => n.name),
        timing,
      ),
      new ResourceInformer(
        '/api/v1/pods',
        upstream,
        () => upstream.kubeConfig,
        parsePod,
        handlers('pods', this.pods, (p) => podKey(p.namespace, p.name)),
        timing,
      ),
      new ResourceInformer(
        '/api/v1/namespaces',
        upstream,
        () => upstream.kubeConfig,
        parseNamespace,
        handlers('namespaces', this.namespaces, (n) => n.name),
        timing,
      ),
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
      nodes: this.nodes,
      pods: this.pods,
      namespaces: this.namespaces,
      version: this.versionCounter,
    };
  }
}
