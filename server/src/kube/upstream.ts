import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

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

export type UpstreamFailureKind = 'http' | 'network' | 'timeout' | 'tls' | 'parse';

/** What an {@link UpstreamError} says; every field but `kind`, `message` and `path` is optional. */
export interface UpstreamErrorOptions {
  kind: UpstreamFailureKind;
  message: string;
  /** The API path requested (never the full URL: it is shown in status). */
  path: string;
  status?: number | undefined;
  /** `Status.reason` from the apiserver, when it sent one. */
  reason?: string | undefined;
  /** `Status.message` from the apiserver, when it sent one. */
  statusMessage?: string | undefined;
  retryAfterSeconds?: number | undefined;
  /** The lower-level error (socket, TLS, JSON) this one explains. */
  cause?: unknown;
}

/** A failed upstream request, with what is needed to explain it (never shown raw to users). */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly kind: UpstreamFailureKind;
  readonly path: string;
  readonly status: number | undefined;
  readonly reason: string | undefined;
  readonly statusMessage: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(options: UpstreamErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = options.kind;
    this.path = options.path;
    this.status = options.status;
    this.reason = options.reason;
    this.statusMessage = options.statusMessage;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

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
  bytes: number;
}

export class Upstream {
  /** Bytes received and requests made, by path, for `/metrics` and the benchmark. */
  readonly counters = new Map<string, { requests: number; bytes: number }>();
  private stopping = new AbortController();

  constructor(
    readonly kubeConfig: KubeConfig,
    readonly server: string,
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
    const deadline = AbortSignal.any([
      this.stopping.signal,
      AbortSignal.timeout(options.timeoutMs),
    ]);
    const raw = await this.request(url, requestOptions, deadline, options.timeoutMs, path);
    this.count(path, raw.length);
    return { body: parseBody<T>(raw, path), bytes: raw.length };
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
  ): Promise<Buffer> {
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
          if (status >= 200 && status < 300) resolve(body);
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

function parseBody<T>(raw: Buffer, path: string): T {
  try {
    return JSON.parse(raw.toString('utf8')) as T;
  } catch (e) {
    throw new UpstreamError({ kind: 'parse', message: 'response is not JSON', path, cause: e });
  }
}

function httpError(
  status: number,
  body: Buffer,
  retryAfter: string | string[] | undefined,
  path: string,
): UpstreamError {
  let reason: string | undefined;
  let message: string | undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { reason?: unknown; message?: unknown };
    if (typeof parsed.reason === 'string') reason = parsed.reason;
    if (typeof parsed.message === 'string') message = parsed.message;
  } catch {
    // Aggregated APIs behind a broken proxy answer plain text; keep a short excerpt.
    message = body.toString('utf8').slice(0, 300).trim() || undefined;
  }
  const retry = Number(Array.isArray(retryAfter) ? retryAfter[0] : retryAfter);
  return new UpstreamError({
    kind: 'http',
    message: `HTTP ${status}${message ? `: ${message}` : ''}`,
    path,
    status,
    reason,
    statusMessage: message,
    retryAfterSeconds: Number.isFinite(retry) ? retry : undefined,
  });
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL|HOSTNAME_MISMATCH/;

/** A socket-level failure (also from client-node's watch), classified as TLS or network. */
export function networkError(e: Error & { code?: string }, path: string): UpstreamError {
  const kind: UpstreamFailureKind = e.code && TLS_CODES.test(e.code) ? 'tls' : 'network';
  return new UpstreamError({ kind, message: `${e.code ?? 'error'}: ${e.message}`, path, cause: e });
}
