import { Router } from 'express';
import type { HelloEvent } from '@kubeglance/shared/api';
import type { ClusterRegistry } from '../../pipeline/registry.js';
import { HttpError } from '../errors.js';
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
): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const q = parse(streamQuery, req.query, 'query');
    const wanted = q.clusters
      ? q.clusters.split(',').filter((c) => c.length > 0)
      : registry.names();
    // One wrong name must not blank the others: unknown clusters are named in `hello` and
    // the stream carries the rest. Only a request naming no configured cluster is refused.
    const unknown = wanted.filter((c) => !registry.get(c));
    const known = wanted.filter((c) => registry.get(c));
    if (known.length === 0 && unknown.length > 0) {
      throw new HttpError(
        404,
        'unknown-cluster',
        `cluster(s) not configured: ${unknown.join(', ')}`,
      );
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const client = broadcaster.add(res, new Set(known));
    const event: HelloEvent = { ...hello, serverNowMs: Date.now(), clusters: known, unknown };
    broadcaster.send(client, encodeEvent('hello', event));
    for (const name of known) {
      const view = registry.get(name)?.view;
      if (view) broadcaster.send(client, snapshotFrame(view.snapshot()));
    }
  });
  return router;
}
