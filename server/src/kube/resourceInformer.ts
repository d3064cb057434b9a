import { ListWatch, Watch, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { networkError, UpstreamError, type Upstream } from './upstream.js';

/**
 * One list+watch informer (client-node's ListWatch) whose cache holds slim objects:
 * upstream JSON is parsed to a domain value as it arrives, so neither the list nor
 * watch events keep full Kubernetes objects in memory.
 *
 * client-node relists on 410 Gone by itself but stops for good on any other error;
 * this wrapper restarts it with exponential back-off and reports each failure.
 */

export interface Slim<T> extends KubernetesObject {
  metadata: { name: string; namespace?: string; resourceVersion?: string };
  value: T;
}

export interface InformerHandlers<T> {
  upsert(value: T): void;
  remove(value: T): void;
  /** First successful list (and each relist) has been applied. */
  listed(): void;
  failed(error: unknown): void;
  /** A list or watch request succeeded after a failure. */
  recovered(): void;
}

interface RawObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
}

const MAX_BACKOFF_MS = 30_000;
const PAGE_SIZE = 500;

interface ListPage {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: RawObject[];
}

export class ResourceInformer<T> {
  private readonly listWatch: ListWatch<Slim<T>>;
  private backoffMs = 500;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly path: '/api/v1/nodes' | '/api/v1/pods' | '/api/v1/namespaces',
    private readonly upstream: Upstream,
    kubeConfig: KubeConfig,
    private readonly parse: (raw: unknown) => T,
    private readonly handlers: InformerHandlers<T>,
    private readonly listTimeoutMs: number,
  ) {
    const watch = this.slimWatch(new Watch(kubeConfig));
    this.listWatch = new ListWatch<Slim<T>>(path, watch, () => this.list(), false);
    this.listWatch.on('add', (o) => handlers.upsert(o.value));
    this.listWatch.on('update', (o) => handlers.upsert(o.value));
    this.listWatch.on('delete', (o) => handlers.remove(o.value));
    this.listWatch.on('error', (err) => this.onError(err));
  }

  start(): void {
    this.stopped = false;
    void this.listWatch.start();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    void this.listWatch.stop();
  }

  private slim(raw: RawObject): Slim<T> | undefined {
    const name = raw.metadata?.name;
    if (name === undefined) return undefined;
    try {
      const metadata = {
        name,
        namespace: raw.metadata?.namespace,
        resourceVersion: raw.metadata?.resourceVersion,
      };
      return { metadata, value: this.parse(raw) };
    } catch {
      // One malformed object must not take the whole inventory down; it is skipped.
      return undefined;
    }
  }

  /**
   * Lists in pages of {@link PAGE_SIZE}, as kubectl does: a 150,000-pod cluster is ~230 MiB
   * of JSON, and parsing it in one piece would stall every request for seconds. All pages
   * come from the snapshot of the first one, whose resourceVersion the watch resumes from.
   */
  private async list() {
    const items: Slim<T>[] = [];
    let resourceVersion = '';
    let token: string | undefined;
    do {
      const query: Record<string, string> = { limit: String(PAGE_SIZE) };
      if (token) query.continue = token;
      const { body } = await this.upstream.getJson<ListPage>(this.path, {
        timeoutMs: this.listTimeoutMs,
        query,
      });
      if (!token) resourceVersion = body.metadata?.resourceVersion ?? '';
      for (const raw of body.items ?? []) {
        const s = this.slim(raw);
        if (s) items.push(s);
      }
      token = body.metadata?.continue || undefined;
    } while (token);
    this.succeeded();
    // ListWatch applies the items synchronously after this promise resolves.
    setImmediate(() => this.handlers.listed());
    return { metadata: { resourceVersion }, items };
  }

  private slimWatch(inner: Watch): Watch {
    const wrapper = {
      watch: async (
        path: string,
        query: Record<string, string | number | boolean | undefined>,
        callback: (phase: string, obj: unknown, watchObj?: unknown) => void,
        done: (err: unknown) => void,
      ) => {
        let failed = false;
        const controller = await inner.watch(
          path,
          query,
          (phase, obj: RawObject) => {
            if (phase === 'ADDED' || phase === 'MODIFIED' || phase === 'DELETED') {
              const s = this.slim(obj);
              if (s) callback(phase, s);
            } else {
              callback(phase, obj);
            }
          },
          (err) => {
            if (err) failed = true;
            done(err);
          },
        );
        if (!failed) this.succeeded();
        return controller;
      },
    };
    return wrapper as unknown as Watch;
  }

  private succeeded(): void {
    this.backoffMs = 500;
    if (this.failing) {
      this.failing = false;
      this.handlers.recovered();
    }
  }

  private onError(err: unknown): void {
    if (this.stopped) return;
    this.failing = true;
    this.handlers.failed(toUpstreamError(err, this.path));
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      if (!this.stopped) void this.listWatch.start();
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }
}

/** Watch errors from client-node are plain Errors with `statusCode` or fetch error codes. */
function toUpstreamError(err: unknown, path: string): unknown {
  if (err instanceof UpstreamError || !(err instanceof Error)) return err;
  const e = err as Error & { statusCode?: number; code?: string };
  if (typeof e.statusCode === 'number') {
    return new UpstreamError({
      kind: 'http',
      message: `HTTP ${e.statusCode} on watch`,
      path,
      status: e.statusCode,
      cause: e,
    });
  }
  return networkError(e, path);
}
