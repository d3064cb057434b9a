/**
 * Writing JSON responses. Big lists (150k pods serialise to hundreds of MB) are streamed in
 * batches with backpressure, because one `JSON.stringify` of the whole list would block the
 * event loop for seconds and can exceed V8's maximum string length.
 *
 * Compression as kube-apiserver does it (APIResponseCompression, on by default since 1.16;
 * `responsewriters/writers.go`): when the client sends `Accept-Encoding: gzip` and the body is
 * over 128 KiB, it is gzipped at level 1 (cheapest CPU for a ratio close to level 6) with
 * `Content-Encoding: gzip` and `Vary: Accept-Encoding`. Smaller bodies go out as they are.
 */
import type { ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { constants, createGzip } from 'node:zlib';
import type { Status } from './status.js';

const JSON_TYPE = 'application/json';
/** Lists up to this many items are sent in one piece, with a Content-Length. */
const SINGLE_SHOT_ITEMS = 2000;
const BATCH_ITEMS = 500;
/** apiserver's `defaultGzipThresholdBytes`: bodies up to this size are never compressed. */
export const GZIP_THRESHOLD_BYTES = 128 * 1024;
const GZIP_HEADERS = { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' };

/** Whether the request's `Accept-Encoding` lists gzip (and does not refuse it with `q=0`). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    return coding === 'gzip' && !params.some((p) => /^q=0(\.0*)?$/.test(p));
  });
}

function wantsGzip(res: ServerResponse): boolean {
  return acceptsGzip(res.req?.headers['accept-encoding']);
}

/** A level-1 gzip stream into `res` (which it ends). */
function gzipInto(res: ServerResponse): Writable {
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  gzip.pipe(res);
  // A client that goes away mid-body must not leave the compressor waiting.
  res.once('close', () => gzip.destroy());
  return gzip;
}

export function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  const length = Buffer.byteLength(text);
  if (length > GZIP_THRESHOLD_BYTES && wantsGzip(res)) {
    res.writeHead(code, { ...headers, 'Content-Type': JSON_TYPE, ...GZIP_HEADERS });
    gzipInto(res).end(text);
    return;
  }
  res.writeHead(code, {
    ...headers,
    'Content-Type': JSON_TYPE,
    'Content-Length': String(length),
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

/**
 * Resolve when `out` (the response, or a compressor in front of it) can take more, or when the
 * response is gone (then the caller stops).
 */
export async function drained(res: ServerResponse, out: Writable = res): Promise<void> {
  const ac = new AbortController();
  try {
    await Promise.race([
      once(out, 'drain', { signal: ac.signal }),
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
  // More than SINGLE_SHOT_ITEMS items are always far over the gzip threshold (a pod metrics
  // item alone is ~300 bytes), so a streamed list is compressed whenever the client asks.
  const gzip = wantsGzip(res);
  res.writeHead(200, { 'Content-Type': JSON_TYPE, ...(gzip ? GZIP_HEADERS : {}) });
  const out: Writable = gzip ? gzipInto(res) : res;
  const opening = JSON.stringify(head).slice(0, -1);
  out.write(`${opening}${opening.length > 1 ? ',' : ''}${JSON.stringify(arrayField)}:[`);
  for (let start = 0; start < items.length; start += BATCH_ITEMS) {
    if (res.destroyed) return;
    const batch = items
      .slice(start, start + BATCH_ITEMS)
      .map((item) => JSON.stringify(toJson(item)));
    const ok = out.write((start > 0 ? ',' : '') + batch.join(','));
    if (!ok) await drained(res, out);
    // Yield between batches so one huge list cannot starve watches and other requests.
    else await new Promise<void>((resolve) => setImmediate(resolve));
  }
  out.end(']}');
}
