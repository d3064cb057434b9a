import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * The one place where kubeglance talks HTTP to a Kubernetes API server (informers' watches
 * go through client-node's `Watch`, wrapped in `informers.ts`, with the same KubeConfig).
 * Only read-only GETs on an allow-list of paths, plus SelfSubjectAccessReviews (which ask
 * the apiserver what kubeglance may do and change nothing): the server never proxies
 * arbitrary API paths on behalf of a browser.
 */

const ALLOWED_PATHS: readonly RegExp[] = [
  /^\/version$/,
  /^\/api\/v1\/(nodes|pods|namespaces)$/,
  /^\/apis\/metrics\.k8s\.io$/,
  /^\/apis\/metrics\.k8s\.io\/(v1beta1|v1)\/(nodes|pods)$/,
  /^\/apis\/apiregistration\.k8s\.io\/v1\/apiservices\/(v1beta1|v1)\.metrics\.k8s\.io$/,
  // Diagnostics (optional kube-system Role): the aggregation layer's ConfigMap, metrics-server's
  // Deployment, its pods and their logs.
  /^\/api\/v1\/namespaces\/kube-system\/configmaps\/extension-apiserver-authentication$/,
  /^\/apis\/apps\/v1\/namespaces\/kube-system\/deployments\/metrics-server$/,
  /^\/api\/v1\/namespaces\/kube-system\/pods$/,
  /^\/api\/v1\/namespaces\/kube-system\/pods\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/log$/,
];

const ACCESS_REVIEW_PATH = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';

export type UpstreamFailureKind = 'http' | 'network' | 'timeout' | 'tls' | 'parse';

/** A failed upstream request, with what is needed to explain it (never shown raw to users). */
export class UpstreamError extends Error {
  constructor(
    readonly kind: UpstreamFailureKind,
    message: string,
    readonly path: string,
    readonly status?: number,
    /** `Status.reason` / `Status.message` from the apiserver, when it sent one. */
    readonly reason?: string,
    readonly statusMessage?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface GetOptions {
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

  constructor(
    public kubeConfig: KubeConfig,
    public server: string,
  ) {}

  /** New credentials or address (the kubeconfig was rewritten): later requests use them. */
  reconfigure(kubeConfig: KubeConfig, server: string): void {
    this.kubeConfig = kubeConfig;
    this.server = server;
  }

  async getJson<T = unknown>(path: string, options: GetOptions): Promise<UpstreamResponse<T>> {
    const raw = await this.get(path, options, 'application/json');
    return { body: parseBody<T>(raw, path), bytes: raw.length };
  }

  /** A plain-text GET (container logs). */
  async getText(path: string, options: GetOptions): Promise<string> {
    return (await this.get(path, options, 'text/plain')).toString('utf8');
  }

  /** POST a SelfSubjectAccessReview: may the current user do this? (Changes nothing.) */
  async accessReview<T = unknown>(spec: unknown, timeoutMs: number): Promise<T> {
    const url = new URL(this.server.replace(/\/$/, '') + ACCESS_REVIEW_PATH);
    const body = Buffer.from(
      JSON.stringify({
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec,
      }),
    );
    const requestOptions = await this.options('POST', 'application/json');
    const headers = requestOptions.headers as Record<string, string>;
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
    const raw = await this.request(url, requestOptions, timeoutMs, ACCESS_REVIEW_PATH, body);
    this.count(ACCESS_REVIEW_PATH, raw.length);
    return parseBody<T>(raw, ACCESS_REVIEW_PATH);
  }

  private async get(path: string, options: GetOptions, accept: string): Promise<Buffer> {
    if (!ALLOWED_PATHS.some((re) => re.test(path))) {
      throw new Error(`upstream path not allowed: ${path}`);
    }
    const url = new URL(this.server.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const requestOptions = await this.options('GET', accept);
    const raw = await this.request(url, requestOptions, options.timeoutMs, path);
    this.count(path, raw.length);
    return raw;
  }

  private async options(method: 'GET' | 'POST', accept: string): Promise<https.RequestOptions> {
    const requestOptions: https.RequestOptions = { method, headers: {} };
    await this.kubeConfig.applyToHTTPSOptions(requestOptions);
    (requestOptions.headers as Record<string, string>)['accept'] = accept;
    return requestOptions;
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
    timeoutMs: number,
    path: string,
    body?: Buffer,
  ): Promise<Buffer> {
    const lib = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(networkError(e, path)));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(body);
          else reject(httpError(status, body, res.headers['retry-after'], path));
        });
      });
      req.setTimeout(timeoutMs, () => {
        req.destroy(new UpstreamError('timeout', `no answer within ${timeoutMs} ms`, path));
      });
      req.on('error', (e) => reject(e instanceof UpstreamError ? e : networkError(e, path)));
      req.end(body);
    });
  }
}

function parseBody<T>(raw: Buffer, path: string): T {
  try {
    return JSON.parse(raw.toString('utf8')) as T;
  } catch {
    throw new UpstreamError('parse', 'response is not JSON', path);
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
  return new UpstreamError(
    'http',
    `HTTP ${status}${message ? `: ${message}` : ''}`,
    path,
    status,
    reason,
    message,
    Number.isFinite(retry) ? retry : undefined,
  );
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|TLS|SSL|HOSTNAME_MISMATCH/;

/** A socket-level failure (also from client-node's watch), classified as TLS or network. */
export function networkError(e: Error & { code?: string }, path: string): UpstreamError {
  const kind: UpstreamFailureKind = e.code && TLS_CODES.test(e.code) ? 'tls' : 'network';
  return new UpstreamError(kind, `${e.code ?? 'error'}: ${e.message}`, path);
}
