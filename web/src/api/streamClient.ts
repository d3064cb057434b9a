/**
 * One connection to GET /api/v1/stream with our own reconnect: exponential
 * back-off after failures, and a watchdog that treats a silent stream (no event,
 * no heartbeat) as dead — a half-open TCP connection never errors by itself.
 */
import type { StreamEventName } from '@kubeglance/shared/api';
import { API_BASE, toApiError } from './http';
import { errorReason } from './errors';
import { t } from '../i18n/t';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { createSseParser } from './sseParser';

/** `refused`: the server answered 404 (no requested cluster exists); not retried. */
export type ConnectionState = 'connecting' | 'open' | 'retrying' | 'refused';

export interface ConnectionInfo {
  state: ConnectionState;
  /** Failed attempts since the last successful `hello`. */
  attempt: number;
  retryAtMs: number | null;
  error: string | null;
  /** With `refused`: the requested clusters, none of which the server has. */
  unknownClusters?: string[];
}

export interface StreamOptions {
  /** `null`: let the server pick (every cluster). */
  clusters: readonly string[] | null;
  onEvent(name: StreamEventName, data: unknown): void;
  onConnection(info: ConnectionInfo): void;
  idleTimeoutMs?: number;
  backoff?: BackoffOptions;
}

const EVENT_NAMES: readonly StreamEventName[] = ['hello', 'snapshot', 'sample', 'status'];
const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

export function streamUrl(clusters: readonly string[] | null): string {
  const base = `${API_BASE}/stream`;
  return clusters && clusters.length > 0
    ? `${base}?clusters=${clusters.map(encodeURIComponent).join(',')}`
    : base;
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openStream(options: StreamOptions): () => void {
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  let closed = false;
  let attempt = 0;
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const armWatchdog = () => {
    clearTimeout(idleTimer);
    const current = controller;
    idleTimer = setTimeout(() => current?.abort(), idleMs);
  };

  const parser = () =>
    createSseParser({
      onMessage: ({ event, data }) => {
        const name = EVENT_NAMES.find((n) => n === event);
        if (!name) return;
        if (name === 'hello') attempt = 0;
        try {
          options.onEvent(name, JSON.parse(data));
        } catch (err) {
          console.warn(`kubeglance: ignoring malformed ${name} event`, err);
        }
      },
    });

  const retry = (error: string) => {
    clearTimeout(idleTimer);
    controller?.abort();
    const delay = backoffDelayMs(attempt, options.backoff ?? DEFAULT_BACKOFF);
    attempt += 1;
    options.onConnection({ state: 'retrying', attempt, retryAtMs: Date.now() + delay, error });
    retryTimer = setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    if (closed) return;
    const ctrl = new AbortController();
    controller = ctrl;
    options.onConnection({ state: 'connecting', attempt, retryAtMs: null, error: null });
    armWatchdog();
    try {
      const res = await fetch(streamUrl(options.clusters), {
        signal: ctrl.signal,
        headers: { accept: 'text/event-stream' },
        cache: 'no-store',
      });
      if (res.status === 404) {
        // Permanent: retrying cannot make a cluster exist. A redeploy reloads the page.
        clearTimeout(idleTimer);
        options.onConnection({
          state: 'refused',
          attempt,
          retryAtMs: null,
          error: await refusal(res),
          unknownClusters: [...(options.clusters ?? [])],
        });
        return;
      }
      if (!res.ok || !res.body) throw new Error(await refusal(res));
      options.onConnection({ state: 'open', attempt, retryAtMs: null, error: null });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const sse = parser();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        armWatchdog();
        sse.push(value);
      }
      throw new Error(t('stream.closed'));
    } catch (err) {
      if (closed) return;
      const aborted = ctrl.signal.aborted;
      retry(aborted ? t('stream.silent') : errorText(err));
    }
  };

  void connect();
  return () => {
    closed = true;
    clearTimeout(retryTimer);
    clearTimeout(idleTimer);
    controller?.abort();
  };
}

/**
 * Why the server refused the stream, with what its `{error}` says, in the language on screen
 * (the text is made when the refusal comes; each retry makes it anew).
 */
async function refusal(res: Response): Promise<string> {
  const reason = errorReason(await toApiError(res));
  return reason === null
    ? t('stream.refusedStatus', { status: res.status })
    : t('stream.refused', { status: res.status, reason });
}

function errorText(err: unknown): string {
  if (err instanceof TypeError) return t('stream.unreachable');
  return err instanceof Error ? err.message : String(err);
}
