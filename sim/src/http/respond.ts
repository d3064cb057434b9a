/**
 * Writing JSON responses. Big lists (150k pods serialise to hundreds of MB) are streamed in
 * batches with backpressure, because one `JSON.stringify` of the whole list would block the
 * event loop for seconds and can exceed V8's maximum string length.
 */
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { Status } from './status.js';

const JSON_TYPE = 'application/json';
/** Lists up to this many items are sent in one piece, with a Content-Length. */
const SINGLE_SHOT_ITEMS = 2000;
const BATCH_ITEMS = 500;

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(code, {
    ...headers,
    'Content-Type': JSON_TYPE,
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

export function sendStatus(
  res: ServerResponse,
  status: Status,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status.code, status, headers);
}

/** Resolve when the socket can take more, or when it is gone (then the caller stops). */
export async function drained(res: ServerResponse): Promise<void> {
  const ac = new AbortController();
  try {
    await Promise.race([
      once(res, 'drain', { signal: ac.signal }),
      once(res, 'close', { signal: ac.signal }),
    ]);
  } catch {
    // aborted listener or error on close: the response is finished either way
  } finally {
    ac.abort();
  }
}

/**
 * Send `{...head, [arrayField]: items.map(toJson)}` with status 200. `head` must not contain
 * `arrayField`; its keys keep their order, so `kind`/`apiVersion`/`metadata` come first.
 */
export async function sendList<T>(
  res: ServerResponse,
  head: Record<string, unknown>,
  arrayField: string,
  items: readonly T[],
  toJson: (item: T) => unknown = (item) => item,
): Promise<void> {
  if (res.headersSent || res.destroyed) return;
  if (items.length <= SINGLE_SHOT_ITEMS) {
    sendJson(res, 200, { ...head, [arrayField]: items.map(toJson) });
    return;
  }
  res.writeHead(200, { 'Content-Type': JSON_TYPE });
  const opening = JSON.stringify(head).slice(0, -1);
  res.write(`${opening}${opening.length > 1 ? ',' : ''}${JSON.stringify(arrayField)}:[`);
  for (let start = 0; start < items.length; start += BATCH_ITEMS) {
    if (res.destroyed) return;
    const batch = items
      .slice(start, start + BATCH_ITEMS)
      .map((item) => JSON.stringify(toJson(item)));
    const ok = res.write((start > 0 ? ',' : '') + batch.join(','));
    if (!ok) await drained(res);
    // Yield between batches so one huge list cannot starve watches and other requests.
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  res.end(']}');
}
