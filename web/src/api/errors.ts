/** Plain-language text for failed requests, and which failures are worth retrying. */
import { ApiError } from './http';

const STATUS_TEXT: Record<number, string> = {
  401: 'unauthorized (401): the cluster rejected the credentials',
  403: 'forbidden (403)',
  404: 'not found (404)',
  429: 'throttled by the API server (429)',
  503: 'metrics API unavailable (503)',
  504: 'the API server did not answer in time (504)',
};

/** One sentence for a panel: what went wrong, with the server's detail when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'The kubeglance server cannot be reached; retrying.';
    const head = STATUS_TEXT[error.status] ?? `request failed (${error.status})`;
    return error.message && !head.includes(error.message) ? `${head}: ${error.message}` : head;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'something went wrong';
}

/** Retry transient failures (network, 5xx, 429) a few times; 4xx will not fix itself. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 3) return false;
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}
