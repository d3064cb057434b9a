import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { z } from 'zod';
import type { PrometheusAuth } from './options.js';

/** A failed Prometheus call: unreachable, non-2xx, or an `error` status in the body. */
export class PrometheusError extends Error {
  override name = 'PrometheusError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const matrix = z.object({
  resultType: z.literal('matrix'),
  result: z.array(
    z.object({
      metric: z.record(z.string(), z.string()),
      values: z.array(z.tuple([z.number(), z.string()])),
    }),
  ),
});

const envelope = z.object({
  status: z.enum(['success', 'error']),
  data: z.unknown().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
});

export type MatrixResult = z.infer<typeof matrix>['result'];

const seriesData = z.array(z.record(z.string(), z.string()));

/**
 * Read-only client for the Prometheus HTTP API (`/api/v1/query_range`, `/api/v1/query`,
 * `/api/v1/series`), which Thanos Query, Mimir and VictoriaMetrics serve too. GET only, so
 * a read-only query frontend or an auth proxy in front is fine.
 */
export class PrometheusClient {
  constructor(
    readonly baseUrl: string,
    private readonly auth: PrometheusAuth,
    private readonly timeoutMs: number,
  ) {}

  /** `query_range` over `[startMs, endMs]` at `stepMs` (times are sent as unix seconds). */
  async queryRange(
    query: string,
    startMs: number,
    endMs: number,
    stepMs: number,
  ): Promise<MatrixResult> {
    const data = await this.get('/api/v1/query_range', {
      query,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
      step: String(stepMs / 1000),
      timeout: `${Math.ceil(this.timeoutMs / 1000)}s`,
    });
    const parsed = matrix.safeParse(data);
    if (!parsed.success) throw new PrometheusError('query_range: unexpected response shape');
    return parsed.data.result;
  }

  /** `query` at one instant (used as a cheap health probe). */
  async query(query: string): Promise<unknown> {
    return this.get('/api/v1/query', { query });
  }

  /** Label sets of the series matching `match` in `[startMs, endMs]`. */
  async series(match: string, startMs: number, endMs: number): Promise<Record<string, string>[]> {
    const data = await this.get('/api/v1/series', {
      'match[]': match,
      start: String(startMs / 1000),
      end: String(endMs / 1000),
    });
    const parsed = seriesData.safeParse(data);
    if (!parsed.success) throw new PrometheusError('series: unexpected response shape');
    return parsed.data;
  }

  private async get(path: string, params: Record<string, string>): Promise<unknown> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const { status, text } = await this.fetchText(url);
    let body: z.infer<typeof envelope>;
    try {
      body = envelope.parse(JSON.parse(text));
    } catch {
      throw new PrometheusError(
        `HTTP ${status} from ${url.origin}${path}: not a Prometheus API answer`,
        status,
      );
    }
    if (body.status !== 'success' || status >= 300) {
      throw new PrometheusError(
        `HTTP ${status} from ${url.origin}${path}: ${body.errorType ?? 'error'}: ${body.error ?? ''}`,
        status,
      );
    }
    return body.data;
  }

  private fetchText(url: URL): Promise<{ status: number; text: string }> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.auth.bearerToken) headers.Authorization = `Bearer ${this.auth.bearerToken}`;
    else if (this.auth.basic) {
      const { username, password } = this.auth.basic;
      headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    }
    const https = url.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(
        url,
        {
          method: 'GET',
          headers,
          timeout: this.timeoutMs,
          ...(https && this.auth.caPem ? { ca: this.auth.caPem } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', (e) => reject(new PrometheusError(e.message)));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (e) => reject(new PrometheusError(`${url.origin}: ${e.message}`)));
      req.end();
    });
  }
}
