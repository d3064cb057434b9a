import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { HelloEvent } from '@kubeglance/shared/api';
import type { ClusterRegistry } from '../pipeline/registry.js';
import { accessLog } from './accessLog.js';
import { errorHandler, unknownRoute } from './errors.js';
import { clustersRouter } from './routes/clusters.js';
import { diagnosticsRouter } from './routes/diagnostics.js';
import { healthRouter } from './routes/health.js';
import { streamRouter } from './routes/stream.js';
import { loginRouter, requireAuth, type AuthOptions } from './security/auth.js';
import { securityHeaders } from './security/headers.js';
import { hostCheck } from './security/hostCheck.js';
import { apiRateLimit, StreamLimits } from './security/limits.js';
import type { Broadcaster } from './sse/broadcaster.js';

export interface SecurityOptions {
  auth: AuthOptions;
  allowedHosts: readonly string[];
  frameAncestors: readonly string[];
  metricsAuth: boolean;
  rateLimitPerMin: number;
  maxStreams: number;
  maxStreamsPerClient: number;
}

export interface AppDeps {
  clusters: ClusterRegistry;
  broadcaster: Broadcaster;
  prom: Registry;
  hello: Omit<HelloEvent, 'clusters' | 'serverNowMs' | 'unknown'>;
  /** Built web app; API-only when absent. */
  staticDir: string | undefined;
  log: Logger;
  security: SecurityOptions;
}

/**
 * The HTTP surface: JSON API, SSE, health, Prometheus metrics and the SPA. Every request
 * passes the host check and gets the security headers; everything but `/healthz`,
 * `/readyz` and the login form (and `/metrics` with `--metrics-auth no`) needs a viewer.
 */
export function createApp(deps: AppDeps): Express {
  const { security } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', (addr: string) => security.auth.isTrustedProxy(addr));
  app.use(hostCheck(security.allowedHosts));
  app.use(securityHeaders(security.frameAncestors));
  app.use(accessLog(deps.log));
  app.use(healthRouter(deps.clusters));
  app.use(loginRouter(security.auth));
  const metrics: RequestHandler = async (_req, res) => {
    res.type(deps.prom.contentType).send(await deps.prom.metrics());
  };
  if (!security.metricsAuth) app.get('/metrics', metrics);
  app.use(requireAuth(security.auth));
  if (security.metricsAuth) app.get('/metrics', metrics);
  app.use('/api', apiRateLimit(security.rateLimitPerMin));
  app.use('/api/v1/clusters', diagnosticsRouter(deps.clusters));
  app.use('/api/v1/clusters', clustersRouter(deps.clusters));
  const streams = new StreamLimits(security.maxStreams, security.maxStreamsPerClient);
  app.use('/api/v1/stream', streamRouter(deps.clusters, deps.broadcaster, deps.hello, streams));
  app.use('/api', unknownRoute);
  if (deps.staticDir && existsSync(join(deps.staticDir, 'index.html'))) {
    const dir = deps.staticDir;
    app.use(express.static(dir, { index: false, maxAge: '1h' }));
    // Client-side routes (/noc, /clusters/...) all load the SPA shell; API-looking paths
    // (`//api/...`, `/api%2fv1...`) do not.
    app.get(/^\/(?!\/).*/, (req, res, next) => {
      if (looksLikeApi(req.path)) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(join(dir, 'index.html'));
    });
  }
  app.use(unknownRoute);
  app.use(errorHandler((err) => deps.log.error({ err }, 'request failed')));
  return app;
}

function looksLikeApi(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return true;
  }
  return /^\/+api(\/|\\|$)/i.test(decoded) || decoded.startsWith('//');
}
