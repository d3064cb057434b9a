/** How an upstream request failed, in terms a status page can explain. */
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

/** A non-2xx answer, explained by its Status body (or a plain-text excerpt) and Retry-After. */
export function httpError(
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
