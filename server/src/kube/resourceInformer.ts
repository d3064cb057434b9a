import type { KubeConfig } from '@kubernetes/client-node';
import { Backoff, sleep } from './backoff.js';
import { listAll, namespacedKey, objectKey, parseOrSkip, type KeyOf } from './pagedList.js';
import { RelistRate } from './relistRate.js';
import type { Upstream } from './upstream.js';
import { watchOnce, type InventoryPath, type WatchEnd, type WatchEvent } from './watchStream.js';

/**
 * One list+watch informer whose cache holds slim objects: upstream JSON is parsed to a
 * domain value as it arrives, so neither the list nor watch events keep full Kubernetes
 * objects in memory.
 *
 * Every restart — after a 410, a failed request or a closed watch — waits on this
 * informer's own jittered exponential back-off, which resets only after a watch has stayed
 * healthy for a while. client-node's ListWatch relists at once on every 410 without
 * reporting it (a relist storm against an apiserver under compaction pressure), so it is
 * not used. While a request error lasts, a cheap probe (`/version`) runs once per probe
 * interval and ends the wait as soon as the apiserver answers again.
 */

export interface InformerHandlers<T> {
  /** An object added, or replacing `old` (the one the cache held under the same key). */
  upsert(value: T, old: T | undefined): void;
  remove(value: T): void;
  /** First successful list (and each relist) has been applied. */
  listed(): void;
  failed(error: unknown): void;
  /** A list or watch request succeeded after a failure. */
  recovered(): void;
  /** Relists are (or stopped being) too frequent; `count` in the churn window. */
  churn?(active: boolean, count: number): void;
}

/** Timings, all scalable together for tests. */
export interface InformerTiming {
  backoffBaseMs: number;
  backoffCapMs: number;
  /** A watch open this long without a failure resets the back-off. */
  healthyAfterMs: number;
  /** Window in which relists are counted for `watch-churn`. */
  churnWindowMs: number;
  /** How often to probe the apiserver while requests fail (≤ one metrics resolution). */
  probeIntervalMs: () => number;
  listTimeoutMs: number;
  /** Server-side watch length (jittered from this to twice it, as client-go does). */
  watchSeconds: number;
}

export const DEFAULT_INFORMER_TIMING: InformerTiming = {
  backoffBaseMs: 1000,
  backoffCapMs: 30_000,
  healthyAfterMs: 60_000,
  churnWindowMs: 120_000,
  probeIntervalMs: () => 15_000,
  listTimeoutMs: 60_000,
  watchSeconds: 300,
};

export class ResourceInformer<T> {
  private readonly cache = new Map<string, T>();
  private readonly backoff: Backoff;
  private readonly relists: RelistRate;
  private stopController = new AbortController();
  private running = false;
  private failing = false;
  private churning = false;
  private churnTimer: NodeJS.Timeout | undefined;
  private resourceVersion: string | undefined;
  /** Relist count, for tests and /metrics. */
  relistCount = 0;

  constructor(
    private readonly path: InventoryPath,
    private readonly upstream: Upstream,
    private readonly kubeConfig: () => KubeConfig,
    private readonly parse: (raw: unknown) => T,
    private readonly handlers: InformerHandlers<T>,
    private readonly timing: InformerTiming = DEFAULT_INFORMER_TIMING,
    private readonly keyOf: KeyOf = namespacedKey,
  ) {
    this.backoff = new Backoff(timing.backoffBaseMs, timing.backoffCapMs);
    this.relists = new RelistRate(timing.churnWindowMs);
  }

  /**
   * The cache itself, live (changed in place before each handler call), keyed by `keyOf`:
   * owners read it instead of keeping a second map of the same objects.
   */
  get items(): ReadonlyMap<string, T> {
    return this.cache;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopController = new AbortController();
    void this.run(this.stopController.signal);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.churnTimer);
    this.stopController.abort();
  }

  /** New credentials (kubeconfig rewritten): drop the connection and start over now. */
  restart(): void {
    if (!this.running) return;
    this.stop();
    this.backoff.reset();
    // Possibly another apiserver: its resourceVersions mean nothing here, so list afresh.
    this.resourceVersion = undefined;
    this.start();
  }

  private async run(stop: AbortSignal): Promise<void> {
    let listedOnce = false;
    while (!stop.aborted) {
      try {
        if (this.resourceVersion === undefined) {
          if (listedOnce) this.recordRelist();
          await this.list(stop);
          listedOnce = true;
        }
        const end = await this.watch(stop);
        if (end === 'stopped') return;
        if (end === 'expired') this.resourceVersion = undefined;
        await this.wait(this.backoff.next(), stop, false);
      } catch (e) {
        if (stop.aborted) return;
        this.fail(e);
        await this.wait(this.backoff.next(), stop, true);
      }
      this.checkChurn();
    }
  }

  private recordRelist(): void {
    this.relistCount += 1;
    this.relists.record(Date.now());
    this.checkChurn();
  }

  /** Re-evaluated on every restart and, while churning, on a timer (a calm watch is quiet). */
  private checkChurn(): void {
    clearTimeout(this.churnTimer);
    const now = Date.now();
    const active = this.relists.churn(now);
    if (active && this.running) {
      this.churnTimer = setTimeout(() => this.checkChurn(), this.timing.churnWindowMs / 8);
    }
    if (active !== this.churning) {
      this.churning = active;
      this.handlers.churn?.(active, this.relists.count(now));
    }
  }

  /** Sleeps `ms`, or less when a probe shows the apiserver answering again. */
  private async wait(ms: number, stop: AbortSignal, probe: boolean): Promise<void> {
    const until = Date.now() + ms;
    while (!stop.aborted && Date.now() < until) {
      const step = probe ? Math.min(until - Date.now(), this.timing.probeIntervalMs()) : ms;
      await sleep(step, stop);
      if (!probe || stop.aborted || Date.now() >= until) continue;
      if (await this.probe()) return;
    }
  }

  private async probe(): Promise<boolean> {
    try {
      await this.upstream.getJson('/version', { timeoutMs: 5000 });
      return true;
    } catch {
      return false;
    }
  }

  private async watch(stop: AbortSignal): Promise<WatchEnd> {
    const opened = Date.now();
    const healthy = setTimeout(() => {
      this.backoff.reset();
      this.checkChurn();
    }, this.timing.healthyAfterMs);
    try {
      const seconds = this.timing.watchSeconds;
      return await watchOnce(this.kubeConfig(), {
        path: this.path,
        resourceVersion: this.resourceVersion ?? '0',
        timeoutSeconds: Math.round(seconds + Math.random() * seconds),
        headersTimeoutMs: this.timing.listTimeoutMs,
        stop,
        onOpen: () => this.succeeded(),
        onEvent: (e) => this.apply(e),
      });
    } finally {
      clearTimeout(healthy);
      if (Date.now() - opened >= this.timing.healthyAfterMs) this.backoff.reset();
    }
  }

  private apply(e: WatchEvent): void {
    const rv = (e.object as { metadata?: { resourceVersion?: unknown } } | null)?.metadata
      ?.resourceVersion;
    if (typeof rv === 'string' && rv !== '') this.resourceVersion = rv;
    if (e.type !== 'ADDED' && e.type !== 'MODIFIED' && e.type !== 'DELETED') return;
    const key = objectKey(e.object, this.keyOf);
    if (key === undefined) return;
    if (e.type === 'DELETED') {
      const old = this.cache.get(key);
      this.cache.delete(key);
      if (old !== undefined) this.handlers.remove(old);
      return;
    }
    const value = parseOrSkip(this.parse, e.object);
    if (value === undefined) return;
    const old = this.cache.get(key);
    this.cache.set(key, value);
    this.handlers.upsert(value, old);
  }

  /** Lists everything; objects gone since the previous list are removed. */
  private async list(stop: AbortSignal): Promise<void> {
    const { path, upstream, parse } = this;
    const fresh = await listAll(upstream, path, this.timing.listTimeoutMs, parse, this.keyOf);
    if (stop.aborted) return;
    this.succeeded();
    // Deleting the entry being visited is safe in a Map iteration.
    for (const [key, old] of this.cache) {
      if (fresh.items.has(key)) continue;
      this.cache.delete(key);
      this.handlers.remove(old);
    }
    for (const [key, value] of fresh.items) {
      const old = this.cache.get(key);
      this.cache.set(key, value);
      this.handlers.upsert(value, old);
    }
    this.resourceVersion = fresh.resourceVersion;
    this.handlers.listed();
  }

  private succeeded(): void {
    if (!this.failing) return;
    this.failing = false;
    this.handlers.recovered();
  }

  private fail(e: unknown): void {
    this.failing = true;
    this.handlers.failed(e);
  }
}
