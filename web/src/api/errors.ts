/**
 * Plain-language text for failed requests, and which failures are worth retrying. English
 * shows the server's own message after the heading; other languages say what the error's
 * stable `code` means (with its `params`), and keep the server's English for the details
 * (`errorDetail`). A code this build does not know shows the server's message, marked as such.
 */
import i18next from 'i18next';
import { ApiError } from './http';
import { currentLanguage } from '../i18n/i18n';
import { renderParams } from '../i18n/params';
import { t } from '../i18n/t';

/** Statuses with words of their own (`errors.status.<code>`); others say "request failed". */
const KNOWN_STATUS = new Set([401, 403, 404, 429, 503, 504]);

function heading(error: ApiError): string {
  return KNOWN_STATUS.has(error.status)
    ? t(`errors.status.${error.status}`)
    : t('errors.requestFailed', { status: error.status });
}

/** The error's code in the language on screen, or null when this build has no words for it. */
function codeText(error: ApiError): string | null {
  const key = `errors.code.${error.code}`;
  if (!i18next.exists(key)) return null;
  const params = error.params === undefined ? {} : renderParams(error.params);
  // Parameters off the contract: the sentence would have holes, so say it without them.
  if (params === null) return null;
  return t(`errors.code.${error.code}`, params);
}

const withReason = (head: string, reason: string) => t('errors.withReason', { head, reason });

/** One sentence for a panel: what went wrong, with the server's detail when it has one. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.unreachable');
    const head = heading(error);
    if (currentLanguage() === 'en') {
      return error.message && !head.includes(error.message)
        ? withReason(head, error.message)
        : head;
    }
    const said = codeText(error);
    if (said !== null) return withReason(t('errors.requestFailed', { status: error.status }), said);
    // No words for this code here (a newer server, a proxy's page): the server's English, marked.
    if (error.code.startsWith('http-') || !error.message) return head;
    return withReason(head, t('errors.inEnglish', { message: error.message }));
  }
  if (error instanceof Error && error.message) return error.message;
  return t('errors.unknown');
}

/**
 * What the server said about a failure in the language on screen (English: its own words),
 * or null when it said nothing worth repeating (no body, or a proxy's status line elsewhere).
 */
export function errorReason(error: ApiError): string | null {
  if (currentLanguage() === 'en') return error.message || null;
  if (error.code.startsWith('http-') || !error.message) return codeText(error);
  return codeText(error) ?? t('errors.inEnglish', { message: error.message });
}

/**
 * The server's English message when the sentence on screen is a translation of it (for the
 * folded details, and for whoever searches the web for it); undefined when nothing is hidden.
 */
export function errorDetail(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status === 0 || currentLanguage() === 'en') {
    return undefined;
  }
  return codeText(error) !== null && error.message ? error.message : undefined;
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
