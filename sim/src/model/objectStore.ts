import { EventRing } from './eventRing.js';
import type {
  ClusterStore,
  KubeObject,
  ResourceKind,
  WatchEvent,
  WatchEventType,
} from './types.js';

/** Default number of retained watch events per kind (minutes of churn at realistic rates). */
export const DEFAULT_EVENT_WINDOW = 10_000;

const KINDS: readonly ResourceKind[] = ['nodes', 'namespaces', 'pods'];

/** Sort order of `list`: namespace, then name (code-unit order, like etcd keys). */
function compareObjects(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const am = a.metadata.name;
  const bm = b.metadata.name;
  return am === bm ? 0 : am < bm ? -1 : 1;
}

function keyOf(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** Everything the store keeps for one kind. */
class KindState {
  readonly byKey = new Map<string, KubeObject>();
  /** Always sorted; copied before mutation whenever a `list` caller may hold it. */
  sorted: KubeObject[] = [];
  shared = false;
  readonly listeners = new Set<(event: WatchEvent) => void>();

  constructor(readonly events: EventRing) {}

  /** The sorted array, made private to us again if a caller holds the current one. */
  writable(): KubeObject[] {
    if (this.shared) {
      this.sorted = this.sorted.slice();
      this.shared = false;
    }
    return this.sorted;
  }

  /** Index of `obj`'s slot in the sorted array (insertion point when absent). */
  indexOf(obj: KubeObject): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareObjects(this.sorted[mid] as KubeObject, obj) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * The in-memory apiserver state: one global resourceVersion counter shared by all kinds (as in
 * etcd), per-kind sorted lists, a bounded event window per kind and live subscribers.
 *
 * The store takes ownership of objects handed to it and stamps `metadata.resourceVersion`.
 * Stored objects are never mutated afterwards (changes replace them), so arrays returned by
 * `list` and objects in events stay consistent snapshots; callers must not mutate them either.
 */
export class ObjectStore implements ClusterStore {
  private resourceVersion = 0;
  private readonly kinds = new Map<ResourceKind, KindState>();

  constructor(options: { eventWindow?: number } = {}) {
    const capacity = options.eventWindow ?? DEFAULT_EVENT_WINDOW;
    for (const kind of KINDS) this.kinds.set(kind, new KindState(new EventRing(capacity, 0)));
  }

  private state(kind: ResourceKind): KindState {
    const state = this.kinds.get(kind);
    if (state === undefined) throw new RangeError(`unknown resource kind ${String(kind)}`);
    return state;
  }

  currentResourceVersion(): number {
    return this.resourceVersion;
  }

  list(kind: ResourceKind): readonly KubeObject[] {
    const state = this.state(kind);
    state.shared = true;
    return state.sorted;
  }

  /** Number of stored objects of a kind. */
  count(kind: ResourceKind): number {
    return this.state(kind).byKey.size;
  }

  get(kind: ResourceKind, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.state(kind).byKey.get(keyOf(namespace, name));
  }

  eventsSince(kind: ResourceKind, since: number): WatchEvent[] | 'gone' {
    return this.state(kind).events.since(since);
  }

  subscribe(kind: ResourceKind, listener: (event: WatchEvent) => void): () => void {
    const listeners = this.state(kind).listeners;
    // Wrap so the same function may subscribe twice and unsubscribe independently.
    const entry = (event: WatchEvent): void => listener(event);
    listeners.add(entry);
    return () => {
      listeners.delete(entry);
    };
  }

  /**
   * Bulk-loads the initial objects of a kind without emitting events (the cluster existed
   * before anyone watched). Each object gets its own resourceVersion, in the given order.
   * Meant for the initial state: the kind's event window restarts after the load, so older
   * resourceVersions are 'gone' for it.
   */
  load(kind: ResourceKind, objects: readonly KubeObject[]): void {
    const state = this.state(kind);
    const sorted = state.writable();
    for (const obj of objects) {
      const key = keyOf(obj.metadata.namespace, obj.metadata.name);
      if (state.byKey.has(key)) throw new Error(`${kind} ${key} already exists`);
      obj.metadata.resourceVersion = String(++this.resourceVersion);
      state.byKey.set(key, obj);
      sorted.push(obj);
    }
    sorted.sort(compareObjects);
    state.events.resetWindow(this.resourceVersion);
  }

  /** Adds a new object (ADDED). Throws if one with the same namespace/name exists. */
  create(kind: ResourceKind, obj: KubeObject): WatchEvent {
    const state = this.state(kind);
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    if (state.byKey.has(key)) throw new Error(`${kind} ${key} already exists`);
    const event = this.stamp('ADDED', obj);
    state.byKey.set(key, obj);
    const sorted = state.writable();
    sorted.splice(state.indexOf(obj), 0, obj);
    return this.emit(state, event);
  }

  /** Replaces an existing object with its new state (MODIFIED). Throws if it does not exist. */
  update(kind: ResourceKind, obj: KubeObject): WatchEvent {
    const state = this.state(kind);
    const key = keyOf(obj.metadata.namespace, obj.metadata.name);
    if (!state.byKey.has(key)) throw new Error(`${kind} ${key} not found`);
    const event = this.stamp('MODIFIED', obj);
    state.byKey.set(key, obj);
    const sorted = state.writable();
    sorted[state.indexOf(obj)] = obj;
    return this.emit(state, event);
  }

  /** Removes an object (DELETED, carrying its last state at the deletion's resourceVersion). */
  delete(kind: ResourceKind, namespace: string | undefined, name: string): WatchEvent | undefined {
    const state = this.state(kind);
    const key = keyOf(namespace, name);
    const current = state.byKey.get(key);
    if (current === undefined) return undefined;
    const sorted = state.writable();
    sorted.splice(state.indexOf(current), 1);
    state.byKey.delete(key);
    // A copy, so the stored history (events, old list snapshots) keeps its resourceVersion.
    const last: KubeObject = { ...current, metadata: { ...current.metadata } };
    return this.emit(state, this.stamp('DELETED', last));
  }

  private stamp(type: WatchEventType, obj: KubeObject): WatchEvent {
    const resourceVersion = ++this.resourceVersion;
    obj.metadata.resourceVersion = String(resourceVersion);
    return { type, object: obj, resourceVersion };
  }

  private emit(state: KindState, event: WatchEvent): WatchEvent {
    state.events.push(event);
    for (const listener of [...state.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken watcher must not stop the others or corrupt the store's state.
        console.error('sim: watch listener failed', error);
      }
    }
    return event;
  }
}
