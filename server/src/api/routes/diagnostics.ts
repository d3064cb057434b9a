import { Router } from 'express';
import { z } from 'zod';
import type { ClusterRegistry } from '../../pipeline/registry.js';
import { HttpError } from '../errors.js';
import { clusterParams, parse } from '../params.js';

const diagnosticsQuery = z
  .object({ refresh: z.enum(['0', '1', 'true', 'false']).optional() })
  .strict();

/**
 * `GET /api/v1/clusters/:cluster/diagnostics[?refresh=1]`: the latest chain checks; with
 * `refresh=1` a new run, unless one finished less than 5 s ago (then that one is returned).
 */
export function diagnosticsRouter(registry: ClusterRegistry): Router {
  const router = Router();
  router.get('/:cluster/diagnostics', async (req, res, next) => {
    try {
      const { refresh } = parse(diagnosticsQuery, req.query, 'query');
      const { cluster } = parse(clusterParams, req.params, 'path');
      const entry = registry.get(cluster);
      if (!entry)
        throw new HttpError(404, 'unknown-cluster', `cluster "${cluster}" is not configured`, {
          cluster,
        });
      const runner = entry.pipeline.diagnostics;
      const report =
        refresh === '1' || refresh === 'true' ? await runner.refresh() : await runner.report();
      res.setHeader('cache-control', 'no-store');
      res.json(report);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
