import { Router, type Request } from 'express';
import type { HelloEvent } from '@kubeglance/shared/api';
import type { ClusterRegistry } from '../../pipeline/registry.js';
import { HttpError, methodNotAllowed } from '../errors.js';
import type { StreamLimits } from '../security/limits.js';
import { parse, streamQuery } from '../params.js';
import { encodeEvent, type Broadcaster } from '../sse/broadcaster.js';
import { snapshotFrame } from '../sse/snapshotFrames.js';

/**
 * `GET /api/v1/stream?clusters=a,b`: a `hello` event (naming clusters that are not configured) (server version, for reload on
 * redeploy), one `snapshot` per cluster, then `sample` and `status` events as they happen.
 */
export function streamRouter(
  registry: ClusterRegistry,
  broadcaster: Broadcaster,
  hello: Omit<HelloEvent, 'clusters' | 'serverNowMs' | 'unknown'>,
  limits: StreamLimits,
): Router {
  const router = Router();
  const wantedOf = (req: Request) => {
    const q = parse(streamQuery, req.query, 'query');
    if (q.clusters === undefined) return { known: registry.names(), unknown: [] };
    const wanted = q.clusters.split(',').filter((c) => c.length > 0);
    if (wanted.length === 0) {
      throw new HttpError(400, 'invalid-query', 'invalid query "clusters": names no cluster', {
        field: 'clusters',
      });
    }
    // One wrong name must not blank the others: unknown clusters are named in `hello` and
    // the stream carries the rest. Only a request naming no configured cluster is refused.
    const unknown = wanted.filter((c) => !registry.get(c));
    const known = wanted.filter((c) => registry.get(c));
    if (known.length === 0) {
      throw new HttpError(
        404,
        'unknown-cluster',
        `cluster(s) not configured: ${unknown.join(', ')}`,
        { cluster: unknown.join(', ') },
      );
    }
    return { known, unknown };
  };
  // HEAD: the headers a GET would get, without opening (or counting) a stream.
  router.head('/', (req, res) => {
    wantedOf(req);
    res.writeHead(200, SSE_HEADERS).end();
  });
  router.get('/', (req, res) => {
    const { known, unknown } = wantedOf(req);
    limits.admit(req, res);
    // Compressed once per event for all clients (sharedGzip.ts): a sample event of 5,000
    // nodes shrinks several times over, at one deflate per event, not one per client.
    const gzip = req.acceptsEncodings('gzip') === 'gzip';
    res.writeHead(200, gzip ? { ...SSE_HEADERS, 'content-encoding': 'gzip' } : SSE_HEADERS);
    const client = broadcaster.add(res, new Set(known), gzip);
    broadcaster.send(client, RETRY);
    const event: HelloEvent = { ...hello, serverNowMs: Date.now(), clusters: known, unknown };
    broadcaster.send(client, encodeEvent('hello', event));
    for (const name of known) {
      const view = registry.get(name)?.view;
      if (view) broadcaster.send(client, snapshotFrame(view.snapshot()));
    }
  });
  router.all('/', methodNotAllowed(['GET', 'HEAD']));
  return router;
}

const RETRY = Buffer.from('retry: 3000\n\n');

const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};
