/**
 * Fault injection: named, real-world failure modes the simulator can switch on and off while
 * running. This module only keeps the set (and when each fault started); the HTTP layer reads
 * it on every request, so toggling takes effect at once.
 */

/** Every fault the simulator knows, with what it imitates (shown by `--help`). */
export const FAULTS = {
  'metrics-unavailable':
    'metrics.k8s.io answers 503 ServiceUnavailable; APIService Available=False (FailedDiscoveryCheck)',
  'metrics-forbidden': 'metrics.k8s.io answers 403 Forbidden for User "system:anonymous" (RBAC)',
  'nodes-missing-metrics':
    '~10% of nodes (at least one) and their pods are absent from NodeMetrics/PodMetrics (kubelet scrape failures)',
  'metrics-stale': 'metrics timestamps stop advancing (frozen at the moment the fault was set)',
  throttle: 'every API request answers 429 TooManyRequests with Retry-After: 1',
  slow: 'every API response is delayed (3 s unless slowMs says otherwise)',
  'watch-gone': 'open watches end with a 410 Expired ERROR event; new watches get it at once',
  'apiserver-down':
    'the listener closes (connection refused) and open sockets are destroyed; re-listens on clear',
  'aggregation-off':
    'apiserver without --requestheader-*: metrics.k8s.io answers 403 for User "system:anonymous"; extension-apiserver-authentication lacks requestheader-client-ca-file',
  'apiservice-missing':
    'metrics-server not installed: no v1beta1.metrics.k8s.io APIService, metrics.k8s.io answers 404',
  'apiservice-timeout':
    'the apiserver cannot reach metrics-server: APIService FailedDiscoveryCheck (i/o timeout), metrics.k8s.io answers 503',
  'missing-endpoints':
    'the metrics-server pod is not ready: APIService MissingEndpoints, metrics.k8s.io answers 503',
  'kubelet-x509-some':
    'kubelet serving certificates without IP SANs on ~10% of nodes: those nodes and their pods are missing; metrics-server logs the x509 error',
  'kubelet-x509-all':
    'x509 on every kubelet: metrics-server never gets a scrape, its pod stays unready, metrics.k8s.io answers 503',
  'clock-skew':
    "one node's kubelet clock runs an hour ahead (its NodeMetrics and its pods' stamps)",
  'bad-items':
    'PodMetrics lists carry malformed items: a null timestamp with no containers, no containers, an overflowing quantity, a duplicate',
} as const;

export type FaultName = keyof typeof FAULTS;

/** All fault names, in declaration order. */
export const FAULT_NAMES = Object.keys(FAULTS) as FaultName[];

export function isFaultName(name: string): name is FaultName {
  return Object.hasOwn(FAULTS, name);
}

/** Thrown for a name that is not in {@link FAULTS}; the HTTP layer maps it to 400. */
export class UnknownFaultError extends Error {
  constructor(readonly names: readonly string[]) {
    super(
      `unknown fault ${names.map((n) => `"${n}"`).join(', ')}; known: ${FAULT_NAMES.join(', ')}`,
    );
    this.name = 'UnknownFaultError';
  }
}

/** Called after every change with what was switched on and off. */
export type FaultListener = (added: readonly FaultName[], removed: readonly FaultName[]) => void;

/** The public face of the fault set, as returned by `startSim().faults`. */
export interface Faults {
  /** Switch faults on (already-active ones keep their start time). Throws on unknown names. */
  set(...names: string[]): FaultName[];
  /** Switch faults off; with no names, clears all. Throws on unknown names. */
  clear(...names: string[]): FaultName[];
  /** Active faults in declaration order. */
  active(): FaultName[];
  has(name: FaultName): boolean;
}

function validate(names: readonly string[]): FaultName[] {
  const unknown = names.filter((n) => !isFaultName(n));
  if (unknown.length > 0) throw new UnknownFaultError(unknown);
  return names as FaultName[];
}

/** The mutable fault set shared by the library API, the CLI and the HTTP layer. */
export class FaultSet implements Faults {
  private readonly startedAt = new Map<FaultName, number>();
  private readonly listeners = new Set<FaultListener>();

  constructor(initial: readonly string[] = []) {
    this.set(...initial);
  }

  set(...names: string[]): FaultName[] {
    const added = validate(names).filter((n) => !this.startedAt.has(n));
    const now = Date.now();
    for (const name of new Set(added)) this.startedAt.set(name, now);
    this.emit([...new Set(added)], []);
    return this.active();
  }

  clear(...names: string[]): FaultName[] {
    const targets = names.length === 0 ? this.active() : validate(names);
    const removed = [...new Set(targets)].filter((n) => this.startedAt.delete(n));
    this.emit([], removed);
    return this.active();
  }

  /** Throw {@link UnknownFaultError} unless every name is a known fault. */
  validate(names: readonly string[]): FaultName[] {
    return validate(names);
  }

  active(): FaultName[] {
    return FAULT_NAMES.filter((n) => this.startedAt.has(n));
  }

  has(name: FaultName): boolean {
    return this.startedAt.has(name);
  }

  /** When the fault was switched on (epoch ms), or undefined when it is off. */
  since(name: FaultName): number | undefined {
    return this.startedAt.get(name);
  }

  /** Register a change listener; returns the unsubscribe function. */
  onChange(listener: FaultListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(added: FaultName[], removed: FaultName[]): void {
    if (added.length === 0 && removed.length === 0) return;
    for (const listener of [...this.listeners]) listener(added, removed);
  }
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The nodes `nodes-missing-metrics` hides: about one in ten, chosen by a hash of the name so
 * the choice is stable across requests and restarts, and never empty when there are nodes.
 */
export function nodesMissingMetrics(nodeNames: readonly string[]): Set<string> {
  const chosen = new Set(nodeNames.filter((name) => fnv1a(name) % 10 === 0));
  if (chosen.size === 0 && nodeNames.length > 0) {
    const first = [...nodeNames].sort((a, b) => fnv1a(a) - fnv1a(b) || a.localeCompare(b))[0];
    if (first !== undefined) chosen.add(first);
  }
  return chosen;
}
