import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decodeNodes, decodePods, type CompactNodes, type CompactPods } from './compactMetrics.js';
import type { ParseReply, ParseRequest } from './metricsParseProtocol.js';
import type { ParsedList } from './parseMetrics.js';
import type { NodeUsage, PodUsage } from './types.js';
import { UpstreamError, type WireBody } from './upstream.js';

interface Pending {
  resolve(list: CompactNodes | CompactPods): void;
  reject(e: Error): void;
  path: string;
}

/**
 * How long an idle worker is kept. Between polls at the default 15 s it exits: its isolate's
 * heap (sized by parsing the last list) then goes back to the OS, ~70 MiB at 150,000 pods;
 * a new one starts on its own thread in well under the poll interval. Polls every few
 * seconds keep theirs.
 */
export const WORKER_IDLE_MS = 5_000;

/**
 * Parses metrics lists in a worker thread: `JSON.parse` of a 56 MiB PodMetricsList and the
 * item-by-item schema check would hold the event loop for most of a second at 150,000 pods.
 * One worker per cluster, started on first use, after a crash and after being idle for
 * `idleMs`; requests are answered in order. The main thread only rebuilds items from typed
 * arrays.
 */
export class MetricsParser {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | undefined;
  /** Workers started so far (tests: idle exits and restarts). */
  started = 0;

  constructor(private readonly idleMs = WORKER_IDLE_MS) {}

  /** Whether a worker thread is up now. */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** A node list, as it arrived (`Upstream.getWire`) or as one uncompressed JSON buffer. */
  async nodes(body: WireBody | Buffer, path: string): Promise<ParsedList<NodeUsage>> {
    return decodeNodes((await this.send('nodes', body, path)) as CompactNodes);
  }

  async pods(body: WireBody | Buffer, path: string): Promise<ParsedList<PodUsage>> {
    return decodePods((await this.send('pods', body, path)) as CompactPods);
  }

  /** Stops the worker; requests in flight are rejected. */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('metrics parser closed'));
    await worker?.terminate();
  }

  private send(kind: ParseRequest['kind'], body: WireBody | Buffer, path: string) {
    clearTimeout(this.idleTimer);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const wire = Buffer.isBuffer(body) ? { chunks: [body], gzipped: false } : body;
    const chunks = wire.chunks.map(movable);
    return new Promise<CompactNodes | CompactPods>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, path });
      worker.ref();
      const req: ParseRequest = { id, kind, chunks, gzipped: wire.gzipped };
      worker.postMessage(
        req,
        chunks.map((c) => c.buffer as ArrayBuffer),
      );
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker();
    this.started++;
    worker.unref();
    worker.on('message', (reply: ParseReply) => this.onReply(reply));
    worker.on('error', (e) => this.onGone(worker, e));
    worker.on('exit', (code) => this.onGone(worker, new Error(`metrics parser exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private onReply(reply: ParseReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    // An idle worker must not keep the process alive, nor its heap for long.
    if (this.pending.size === 0) {
      this.worker?.unref();
      this.idleTimer = setTimeout(() => this.retireIdle(), this.idleMs).unref();
    }
    if ('list' in reply) {
      p.resolve(reply.list);
      return;
    }
    const { json, gzip, name, message } = reply.error;
    if (json || gzip) {
      const what = gzip ? 'response is not valid gzip' : 'response is not JSON';
      p.reject(new UpstreamError({ kind: 'parse', message: what, path: p.path }));
    } else {
      p.reject(Object.assign(new Error(message), { name }));
    }
  }

  private retireIdle(): void {
    const worker = this.worker;
    if (!worker || this.pending.size > 0) return;
    this.worker = undefined;
    void worker.terminate();
  }

  private onGone(worker: Worker, e: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(e);
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/**
 * A chunk that can move to the worker: a buffer of its own moves as is; a slice of a shared
 * pool (sockets hand out slices of one larger read buffer) is copied first, as transferring
 * would take the whole pool and cloning would copy all of it.
 */
function movable(chunk: Buffer): Uint8Array {
  const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
  return own ? new Uint8Array(chunk.buffer, 0, chunk.byteLength) : new Uint8Array(chunk);
}

/**
 * The worker: beside the bundle in production (`dist/metricsParseWorker.js`); from source (tsx,
 * vitest) the TypeScript file, loaded through tsx's API registered inside the worker (Node 20
 * does not apply `--import` loaders to worker threads).
 */
function spawnWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./metricsParseWorker.js', import.meta.url));
  }
  const source = new URL('./metricsParseWorker.ts', import.meta.url).href;
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('tsx/package.json');
  const pkg = require(pkgPath) as { exports: Record<string, { import: { default: string } }> };
  const api = new URL(pkg.exports['./esm/api']!.import.default, pathToFileURL(pkgPath)).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(code, { eval: true });
}
