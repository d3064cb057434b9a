import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { KubeConfig } from '@kubernetes/client-node';
import { httpError, networkError, UpstreamError } from './upstreamError.js';

export {
  networkError,
  UpstreamError,
  type UpstreamErrorOptions,
  type UpstreamFailureKind,
} from './upstreamError.js';

const gunzipAsync = promisify(gunzip);

/**
 * The one place where kubeglance talks HTTP to a Kubernetes API server (informers' watches
 * go through client-node's `Watch`, wrapped in `resourceInformer.ts`, with the same KubeConfig).
 * Only read-only GETs on an allow-list of paths: the server never proxies arbitrary API
 * paths on behalf of a browser.
 *
 * Every request has a real deadline: `AbortSignal.timeout` (combined with the stop signal by
 * `AbortSignal.any`) cuts the request wherever it is, including a response that trickles a byte
 * at a time forever, which an idle-socket timeout (`req.setTimeout`) never notices.
 */

const ALLOWED_PATHS: readonly RegExp[] = [
  /^\/version$/,
  /^\/api\/v1\/(nodes|pods|namespaces)$/,
  /^\/apis\/metrics\.k8s\.io\/v1beta1\/(nodes|pods)$/,
  /^\/apis\/apiregistration\.k8s\.io\/v1\/apiservices\/v1beta1\.metrics\.k8s\.io$/,
];

/** `kubeglance/<version>`, sent upstream so apiserver audit logs and APF can tell us apart. */
export const USER_AGENT = `kubeglance/${
  (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    }
  ).version
}`;

export interface GetOptions {
  /** Deadline for the whole request, from sending it to the last byte of the answer. */
  timeoutMs: number;
  query?: Record<string, string>;
}

export interface UpstreamResponse<T> {
  body: T;
  /** Bytes on the wire (compressed, when the apiserver gzipped the answer). */
  bytes: number;
  /** Bytes of JSON after decompression. */
  jsonBytes: number;
}

export interface UpstreamOptions {
  /**
   * Send `Accept-Encoding: gzip`: the apiserver then gzips answers over 128 KiB (level 1), for
   * fewer bytes on the wire at the cost of decompressing them here.
   */
  gzip?: boolean;
}

export class Upstream {
  /** Bytes received and requests made, by path, for `/metrics` and the benchmark. */
  readonly counters = new Map<string, { requests: number; bytes: number }>();
  private stopping = new AbortController();

  constructor(
    readonly kubeConfig: KubeConfig,
    readonly server: string,
    readonly options: UpstreamOptions = {},
  ) {}

  /** Aborts every request in flight (the pipeline is stopping); later requests start afresh. */
  stop(): void {
    this.stopping.abort(new Error('upstream stopped'));
    this.stopping = new AbortController();
  }

  async getJson<T = unknown>(path: string, options: GetOptions): Promise<UpstreamResponse<T>> {
    if (!ALLOWED_PATHS.some((re) => re.test(path))) {
      throw new Error(`upstream path not allowed: ${path}`);
    }
    const url = new URL(this.server.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const requestOptions: https.RequestOptions = { method: 'GET', headers: {} };
    await this.kubeConfig.applyToHTTPSOptions(requestOptions);
    const headers = requestOptions.headers as Record<string, string>;
    headers['accept'] = 'application/json';
    headers['user-agent'] = USER_AGENT;
    if (this.options.gzip) headers['accept-encoding'] = 'gzip';
    const deadline = AbortSignal.any([
      this.stopping.signal,
      AbortSignal.timeout(options.timeoutMs),
    ]);
    const { wire, gzipped } = await this.request(
      url,
      requestOptions,
      deadline,
      options.timeoutMs,
      path,
    );
    this.count(path, wire.length);
    const json = gzipped ? await gunzipBody(wire, path) : wire;
    return { body: parseBody<T>(json, path), bytes: wire.length, jsonBytes: json.length };
  }

  private count(path: string, bytes: number): void {
    const c = this.counters.get(path) ?? { requests: 0, bytes: 0 };
    c.requests += 1;
    c.bytes += bytes;
    this.counters.set(path, c);
  }

  private request(
    url: URL,
    options: https.RequestOptions,
    deadline: AbortSignal,
    timeoutMs: number,
    path: string,
  ): Promise<{ wire: Buffer; gzipped: boolean }> {
    const lib = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      if (deadline.aborted) {
        reject(abortError(deadline, timeoutMs, path));
        return;
      }
      const req = lib.request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(networkError(e, path)));
        res.on('end', () => {
          deadline.removeEventListener('abort', onAbort);
          const body = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          const gzipped = res.headers['content-encoding'] === 'gzip';
          if (status >= 200 && status < 300) resolve({ wire: body, gzipped });
          else reject(httpError(status, body, res.headers['retry-after'], path));
        });
      });
      // Settle first: destroying the request makes the socket report its own, vaguer error.
      const onAbort = () => {
        const error = abortError(deadline, timeoutMs, path);
        reject(error);
        req.destroy(error);
      };
      deadline.addEventListener('abort', onAbort, { once: true });
      req.on('error', (e) => {
        deadline.removeEventListener('abort', onAbort);
        reject(e instanceof UpstreamError ? e : networkError(e, path));
      });
      req.end();
    });
  }
}

/** The deadline passed (`timeout`), or the pipeline stopped (the stop reason, as is). */
function abortError(signal: AbortSignal, timeoutMs: number, path: string): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new UpstreamError({
      kind: 'timeout',
      message: `no complete answer within ${timeoutMs} ms`,
      path,
      cause: reason,
    });
  }
  return reason instanceof Error ? reason : new Error(String(reason));
}

/** Off the event loop (zlib's thread pool): a 50 MiB list must not stall other requests. */
async function gunzipBody(wire: Buffer, path: string): Promise<Buffer> {
  try {
    return await gunzipAsync(wire);
  } catch (e) {
    throw new UpstreamError({
      kind: 'parse',
      message: 'response is not valid gzip',
      path,
      cause: e,
    });
  }
}

function parseBody<T>(raw: Buffer, path: string): T {
  try {
    return JSON.parse(raw.toString('utf8')) as T;
  } catch (e) {
    throw new UpstreamError({ kind: 'parse', message: 'response is not JSON', path, cause: e });
  }
}
