import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { Registry } from 'prom-client';
import type { HelloEvent } from '@kubeglance/shared/api';
import type { ClusterRegistry } from '../pipeline/registry.js';
import { errorHandler, unknownRoute } from './errors.js';
import { clustersRouter } from './routes/clusters.js';
import { diagnosticsRouter } from './routes/diagnostics.js';
import { healthRouter } from './routes/health.js';
import { streamRouter } from './routes/stream.js';
import type { Broadcaster } from './sse/broadcaster.js';

export interface AppDeps {
  clusters: ClusterRegistry;
  broadcaster: Broadcaster;
  prom: Registry;
  hello: Omit<HelloEvent, 'clusters' | 'serverNowMs' | 'unknown'>;
  /** Built web app; API-only when absent. */
  staticDir: string | undefined;
  logError: (err: unknown) => void;
}

/** The HTTP surface: JSON API, SSE, health, Prometheus metrics and the SPA. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(healthRouter(deps.clusters));
  app.get('/metrics', async (_req, res) => {
    res.type(deps.prom.contentType).send(await deps.prom.metrics());
  });
  app.use('/api/v1/clusters', diagnosticsRouter(deps.clusters));
  app.use('/api/v1/clusters', clustersRouter(deps.clusters));
  app.use('/api/v1/stream', streamRouter(deps.clusters, deps.broadcaster, deps.hello));
  app.use('/api', unknownRoute);
  if (deps.staticDir && existsSync(join(deps.staticDir, 'index.html'))) {
    const dir = deps.staticDir;
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes (/noc, /clusters/...) all load the SPA shell.
    app.get(/^\/(?!api\/).*/, (_req, res) => {
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(dir, 'index.html'));
    });
  }
  app.use(unknownRoute);
  app.use(errorHandler(deps.logError));
  return app;
}
