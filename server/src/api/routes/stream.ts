import { Router } from 'express';
import type { HelloEvent } from '@kubeglance/shared/api';
import type { ClusterRegistry } from '../../pipeline/registry.js';
import { HttpError } from '../errors.js';
import { parse, streamQuery } from '../params.js';
import { encodeEvent, type Broadcaster } from '../sse/broadcaster.js';
import { snapshotFrame } from '../sse/snapshotFrames.js';

/**
 * `GET /api/v1/stream?clusters=a,b`: a `hello` event (server version, for reload on
 * redeploy), one `snapshot` per cluster, then `sample` and `status` events as they happen.
 */
export function streamRouter(
  registry: ClusterRegistry,
  broadcaster: Broadcaster,
  hello: Omit<HelloEvent, 'clusters' | 'serverNowMs'>,
): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const q = parse(streamQuery, req.query, 'query');
    const wanted = q.clusters
      ? q.clusters.split(',').filter((c) => c.length > 0)
      : registry.names();
    const unknown = wanted.filter((c) => !registry.get(c));
    if (unknown.length > 0) {
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
    const client = broadcaster.add(res, new Set(wanted));
    broadcaster.send(
      client,
      encodeEvent('hello', { ...hello, serverNowMs: Date.now(), clusters: wanted }),
    );
    for (const name of wanted) {
      const view = registry.get(name)?.view;
      if (view) broadcaster.send(client, snapshotFrame(view.snapshot()));
    }
  });
  return router;
}
