/** Typed JSON fetch for /api/v1 and the error every non-2xx response becomes. */
import type { ApiErrorBody } from '@kubeglance/shared/api';
import type { PhraseParams } from '@kubeglance/shared/phrase';

export const API_BASE = '/api/v1';

/**
 * A failed request. `status` 0 means the server could not be reached at all. `message` is the
 * server's English; `code` and `params` let the page say it in its own language (errors.ts).
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: PhraseParams | undefined;

  constructor(status: number, code: string, message: string, params?: PhraseParams) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.params = params;
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  const error = (body as ApiErrorBody | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** The error a non-2xx response stands for, from its `{error}` body when it has one. */
export async function toApiError(res: Response): Promise<ApiError> {
  try {
    const body: unknown = await res.json();
    if (isErrorBody(body)) {
      const { code, message, params } = body.error;
      return new ApiError(res.status, code, message, params);
    }
  } catch {
    // Not JSON (a proxy's HTML error page, an empty body): fall through.
  }
  return new ApiError(res.status, `http-${res.status}`, res.statusText || 'request failed');
}

export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'the kubeglance server cannot be reached');
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

/** `/clusters/<cluster>/<rest>` with every segment escaped. */
export function clusterPath(cluster: string, ...rest: string[]): string {
  return ['', 'clusters', cluster, ...rest].map(encodeURIComponent).join('/');
}

export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}
