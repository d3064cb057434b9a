import http from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import type { KubeConfig } from '@kubernetes/client-node';
import { deadline } from './deadline.js';
import { networkError, UpstreamError, USER_AGENT } from './upstream.js';

/**
 * One watch request (`?watch=1`) read as newline-delimited JSON events, with a real
 * deadline: client-node's `Watch` cannot be aborted before its response headers arrive, so
 * a stalled apiserver would hold a watch restart forever. Here the whole request is bound
 * to a deadline (`deadline.ts`) and the headers to their own timeout.
 */

export type InventoryPath = '/api/v1/nodes' | '/api/v1/pods' | '/api/v1/namespaces';

export interface WatchEvent {
  type: string;
  object: unknown;
}

/** How a watch ended without a transport error. */
export type WatchEnd =
  /** The server closed it (its timeoutSeconds, or a restart): resume from the last RV. */
  | 'closed'
  /** 410 Expired/Gone: the resourceVersion is too old, a relist is needed. */
  | 'expired'
  /** The stop signal fired. */
  | 'stopped';

export interface WatchRequest {
  path: InventoryPath;
  resourceVersion: string;
  /** Server-side watch length; the client deadline adds a margin to it. */
  timeoutSeconds: number;
  /** Deadline for the response headers. */
  headersTimeoutMs: number;
  stop: AbortSignal;
  /** The apiserver accepted the watch (200): the connection works again. */
  onOpen: () => void;
  onEvent: (event: WatchEvent) => void;
}

const CLIENT_MARGIN_MS = 30_000;

interface StatusObject {
  kind?: string;
  code?: number;
  reason?: string;
  message?: string;
}

export async function watchOnce(kubeConfig: KubeConfig, req: WatchRequest): Promise<WatchEnd> {
  const server = kubeConfig.getCurrentCluster()?.server ?? '';
  const url = new URL(server.replace(/\/$/, '') + req.path);
  url.searchParams.set('watch', '1');
  url.searchParams.set('resourceVersion', req.resourceVersion);
  url.searchParams.set('allowWatchBookmarks', 'true');
  url.searchParams.set('timeoutSeconds', String(req.timeoutSeconds));
  const limit = deadline(req.stop, req.timeoutSeconds * 1000 + CLIENT_MARGIN_MS);
  const { signal } = limit;
  const options: https.RequestOptions = { method: 'GET', headers: {}, signal };
  await kubeConfig.applyToHTTPSOptions(options);
  const headers = options.headers as Record<string, string>;
  headers.accept = 'application/json';
  headers['user-agent'] = USER_AGENT;
  if (req.stop.aborted) {
    limit.clear();
    return 'stopped';
  }
  return new Promise<WatchEnd>((resolve, reject) => {
    let settled = false;
    const finish = (end: WatchEnd | UpstreamError) => {
      if (settled) return;
      settled = true;
      clearTimeout(headersTimer);
      limit.clear();
      if (end instanceof UpstreamError) reject(end);
      else resolve(end);
      request.destroy();
    };
    const onAbort = () =>
      finish(
        req.stop.aborted
          ? 'stopped'
          : new UpstreamError({
              kind: 'timeout',
              message: 'watch outlived its deadline',
              path: req.path,
            }),
      );
    const lib = url.protocol === 'http:' ? http : https;
    const request = lib.request(url, options, (res) => {
      clearTimeout(headersTimer);
      if (res.statusCode !== 200) {
        readStatus(res, (status) => finish(statusError(res.statusCode ?? 0, status, req.path)));
        return;
      }
      req.onOpen();
      const lines = createInterface({ input: res, crlfDelay: Infinity });
      lines.on('line', (line) => {
        if (settled || line.trim() === '') return;
        let event: WatchEvent;
        try {
          event = JSON.parse(line) as WatchEvent;
        } catch {
          finish(
            new UpstreamError({
              kind: 'parse',
              message: 'watch event is not JSON',
              path: req.path,
            }),
          );
          return;
        }
        if (event.type === 'ERROR') {
          const status = (event.object ?? {}) as StatusObject;
          finish(status.code === 410 ? 'expired' : statusError(status.code ?? 0, status, req.path));
          return;
        }
        req.onEvent(event);
      });
      const onError = (e: Error) => finish(signal.aborted ? 'stopped' : networkError(e, req.path));
      // readline re-emits its input's errors: both need a listener.
      lines.on('error', onError);
      res.on('error', onError);
      res.on('end', () => finish('closed'));
    });
    const headersTimer = setTimeout(
      () =>
        finish(
          new UpstreamError({
            kind: 'timeout',
            message: `no answer within ${req.headersTimeoutMs} ms`,
            path: req.path,
          }),
        ),
      req.headersTimeoutMs,
    );
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('error', (e) => {
      if (signal.aborted) onAbort();
      else finish(networkError(e, req.path));
    });
    request.on('close', () => signal.removeEventListener('abort', onAbort));
    request.end();
  });
}

function readStatus(res: http.IncomingMessage, done: (s: StatusObject) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('error', () => done({}));
  res.on('end', () => {
    try {
      done(JSON.parse(Buffer.concat(chunks).toString('utf8')) as StatusObject);
    } catch {
      done({});
    }
  });
}

function statusError(code: number, s: StatusObject, path: string): UpstreamError | 'expired' {
  if (code === 410) return 'expired';
  return new UpstreamError({
    kind: 'http',
    message: `HTTP ${code} on watch${s.message ? `: ${s.message}` : ''}`,
    path,
    status: code,
    reason: s.reason,
    statusMessage: s.message,
  });
}
