import { Router } from 'express';
import type { ClusterRegistry } from '../../pipeline/registry.js';
import { methodNotAllowed } from '../errors.js';

/**
 * `/healthz`: the process is alive. `/readyz`: every cluster's informers have synced and
 * its metrics pipeline has produced a sample or a known failure (a cluster whose metrics
 * API is broken is "ready": kubeglance can explain that, which is its job).
 */
export function healthRouter(registry: ClusterRegistry): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const clusters = registry.pipelines().map((p) => {
      const s = p.status();
      const ready = s.inventorySynced && (s.lastSampleMs !== null || s.problems.length > 0);
      return { name: p.name, ready, state: s.state };
    });
    const ready = clusters.every((c) => c.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not-ready', clusters });
  });
  router.all(['/healthz', '/readyz'], methodNotAllowed(['GET', 'HEAD']));
  return router;
}
