import type { KubeConfig } from '@kubernetes/client-node';
import { parseNamespace, parseNode, parsePod } from './parseInventory.js';
import { ResourceInformer } from './resourceInformer.js';
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
}

type Kind = 'nodes' | 'pods' | 'namespaces';

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
  private readonly informers: ResourceInformer<unknown>[];
  private versionCounter = 0;

  constructor(
    upstream: Upstream,
    kubeConfig: KubeConfig,
    events: InventoryEvents,
    listTimeoutMs = 60_000,
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
    });
    this.informers = [
      new ResourceInformer(
        '/api/v1/nodes',
        upstream,
        kubeConfig,
        parseNode,
        handlers('nodes', this.nodes, (n) => n.name),
        listTimeoutMs,
      ),
      new ResourceInformer(
        '/api/v1/pods',
        upstream,
        kubeConfig,
        parsePod,
        handlers('pods', this.pods, (p) => podKey(p.namespace, p.name)),
        listTimeoutMs,
      ),
      new ResourceInformer(
        '/api/v1/namespaces',
        upstream,
        kubeConfig,
        parseNamespace,
        handlers('namespaces', this.namespaces, (n) => n.name),
        listTimeoutMs,
      ),
    ] as ResourceInformer<unknown>[];
  }

  start(): void {
    for (const i of this.informers) i.start();
  }

  stop(): void {
    for (const i of this.informers) i.stop();
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
