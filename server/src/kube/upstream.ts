import { readFileSync } from 'node:fs';
import type https from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { KubeConfig } from '@kubernetes/client-node';
import { deadline } from './deadline.js';
import { SecureContexts } from './secureContexts.js';
import { send, type WireBody } from './httpSend.js';
import { UpstreamError } from './upstreamError.js';

export type { WireBody } from './httpSend.js';

export {
  networkError,
  UpstreamError,
  type UpstreamErrorOptions,
  type UpstreamFailureKind,
} from './upstreamError.js';

const gunzipAsync = promisify(gunzip);

/**
 * The one place where kubeglance talks HTTP to a Kubernetes API server (informers' watches
 * go through `watchStream.ts`, with the same KubeConfig). Only read-only GETs on an allow-list
 * of paths, plus SelfSubjectAccessReviews (which ask the apiserver what kubeglance may do and
 * change nothing): the server never proxies arbitrary API paths on behalf of a browser.
 *
 * Every request has a real deadline (`deadline.ts`: a timer combined with the stop signal)
 * that cuts the request wherever it is, including a response that trickles a byte
 * at a time forever, which an idle-socket timeout (`req.setTimeout`) never notices.
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

/** `kubeglance/<version>`, sent upstream so apiserver audit logs and APF can tell us apart. */
export const USER_AGENT = `kubeglance/${packageVersion()}`;

/** The production bundle has it built in (`scripts/build.mjs`); from source, read it. */
function packageVersion(): string {
  const built = process.env.KUBEGLANCE_BUILD_VERSION;
  if (built) return built;
  const pkg = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(pkg) as { version: string }).version;
}

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

interface Answer {
  /** The body as received. */
  wire: Buffer;
  /** The body after decompression (the same buffer when not compressed). */
  body: Buffer;
}

export class Upstream {
  /** Bytes received and requests made, by path, for `/metrics` and the benchmark. */
  readonly counters = new Map<string, { requests: number; bytes: number }>();
  private stopping = new AbortController();
  /** TLS settings built once per set of credentials, not once per connection. */
  private readonly secureContexts = new SecureContexts();

  constructor(
    public kubeConfig: KubeConfig,
    public server: string,
    readonly settings: UpstreamOptions = {},
  ) {}

  /** New credentials or address (the kubeconfig was rewritten): later requests use them. */
  reconfigure(kubeConfig: KubeConfig, server: string): void {
    this.kubeConfig = kubeConfig;
    this.server = server;
  }

  /** Aborts every request in flight (the pipeline is stopping); later requests start afresh. */
  stop(): void {
    this.stopping.abort(new Error('upstream stopped'));
    this.stopping = new AbortController();
  }

  async getJson<T = unknown>(path: string, options: GetOptions): Promise<UpstreamResponse<T>> {
    const { wire, body } = await this.get(path, options, 'application/json');
    return { body: parseBody<T>(body, path), bytes: wire.length, jsonBytes: body.length };
  }

  /**
   * The JSON body as it arrived, in chunks and maybe gzipped, for the metrics parse worker:
   * joined and decompressed there, never on the event loop.
   */
  async getWire(path: string, options: GetOptions): Promise<WireBody> {
    const { url, requestOptions } = await this.prepare(path, options, 'application/json');
    const answer = await this.requestWire(url, requestOptions, options.timeoutMs, path);
    this.count(path, answer.bytes);
    return answer;
  }

  /** A plain-text GET (container logs). */
  async getText(path: string, options: GetOptions): Promise<string> {
    return (await this.get(path, options, 'text/plain')).body.toString('utf8');
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
    const requestOptions = await this.requestOptions('POST', 'application/json');
    const headers = requestOptions.headers as Record<string, string>;
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
    const answer = await this.request(url, requestOptions, timeoutMs, ACCESS_REVIEW_PATH, body);
    this.count(ACCESS_REVIEW_PATH, answer.wire.length);
    return parseBody<T>(answer.body, ACCESS_REVIEW_PATH);
  }

  private async get(path: string, options: GetOptions, accept: string): Promise<Answer> {
    const { url, requestOptions } = await this.prepare(path, options, accept);
    const answer = await this.request(url, requestOptions, options.timeoutMs, path);
    this.count(path, answer.wire.length);
    return answer;
  }

  /** A GET on an allowed path: its URL and options (credentials applied). */
  private async prepare(path: string, options: GetOptions, accept: string) {
    if (!ALLOWED_PATHS.some((re) => re.test(path))) {
      throw new Error(`upstream path not allowed: ${path}`);
    }
    const url = new URL(this.server.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    return { url, requestOptions: await this.requestOptions('GET', accept) };
  }

  private async requestOptions(
    method: 'GET' | 'POST',
    accept: string,
  ): Promise<https.RequestOptions> {
    const requestOptions: https.RequestOptions = { method, headers: {} };
    await this.kubeConfig.applyToHTTPSOptions(requestOptions);
    // tls.connect takes a prebuilt context (https' option types do not list it).
    const secureContext = this.secureContexts.for(requestOptions);
    if (secureContext) Object.assign(requestOptions, { secureContext });
    const headers = requestOptions.headers as Record<string, string>;
    headers['accept'] = accept;
    headers['user-agent'] = USER_AGENT;
    if (this.settings.gzip) headers['accept-encoding'] = 'gzip';
    return requestOptions;
  }

  private count(path: string, bytes: number): void {
    const c = this.counters.get(path) ?? { requests: 0, bytes: 0 };
    c.requests += 1;
    c.bytes += bytes;
    this.counters.set(path, c);
  }

  private async request(
    url: URL,
    options: https.RequestOptions,
    timeoutMs: number,
    path: string,
    body?: Buffer,
  ): Promise<Answer> {
    const answer = await this.requestWire(url, options, timeoutMs, path, body);
    const wire = Buffer.concat(answer.chunks, answer.bytes);
    return { wire, body: answer.gzipped ? await gunzipBody(wire, path) : wire };
  }

  private async requestWire(
    url: URL,
    options: https.RequestOptions,
    timeoutMs: number,
    path: string,
    body?: Buffer,
  ): Promise<WireBody> {
    const limit = deadline(this.stopping.signal, timeoutMs);
    try {
      return await send(url, options, limit.signal, timeoutMs, path, body);
    } finally {
      limit.clear();
    }
  }
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
