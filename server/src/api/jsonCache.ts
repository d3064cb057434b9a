import { gzipSync, constants } from 'node:zlib';
import type { Request, Response } from 'express';
import type { SampledListResponse } from '@kubeglance/shared/api';

/**
 * List responses serialised (and gzipped, for clients that accept it) once per snapshot.
 * The store hands out the same `items` array until the sample or the inventory changes, so
 * a drilldown of thousands of pods opened by fifty screens costs one `JSON.stringify` and
 * one gzip, not fifty.
 */
interface Entry {
  key: string;
  body: Buffer;
  gzipped?: Buffer;
}

const cache = new WeakMap<object, Entry>();
/** Below this, compressing costs more than it saves. */
const GZIP_MIN_BYTES = 8 * 1024;

export function sendList<T>(req: Request, res: Response, list: SampledListResponse<T>): void {
  const key = `${list.timestampMs}|${list.stale}`;
  let entry = cache.get(list.items);
  if (!entry || entry.key !== key) {
    entry = { key, body: Buffer.from(JSON.stringify(list)) };
    cache.set(list.items, entry);
  }
  res.type('application/json').vary('accept-encoding');
  if (entry.body.length >= GZIP_MIN_BYTES && req.acceptsEncodings('gzip') === 'gzip') {
    entry.gzipped ??= gzipSync(entry.body, { level: constants.Z_BEST_SPEED });
    res.setHeader('content-encoding', 'gzip');
    res.send(entry.gzipped);
    return;
  }
  res.send(entry.body);
}
