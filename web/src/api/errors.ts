/** Plain-language text for failed requests, and which failures are worth retrying. */
import { ApiError } from './http';
import { t } from '../i18n/t';

/** Statuses with words of their own (`errors.status.<code>`); others say "request failed". */
const KNOWN_STATUS = new Set([401, 403, 404, 429, 503, 504]);

/** One sentence for a panel: what went wrong, with the server's detail when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.unreachable');
    const head = KNOWN_STATUS.has(error.status)
      ? t(`errors.status.${error.status}`)
      : t('errors.requestFailed', { status: error.status });
    return error.message && !head.includes(error.message) ? `${head}: ${error.message}` : head;
  }
  if (error instanceof Error && error.message) return error.message;
  return t('errors.unknown');
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
