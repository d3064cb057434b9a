/**
 * The request pipeline, in the apiserver's order: log, (slow fault), authenticate, (throttle
 * and metrics-unavailable faults), route, handle. Every failure becomes a Status response
 * (the aggregator's own 503s are plain text, as kube-aggregator writes them); no request can
 * crash the process.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { SimDeps } from './context.js';
import { addAggregationRoutes } from './aggregation.js';
import { AggregatorError, sendAggregatorError, serviceUnavailableText } from './aggregatorError.js';
import { isAuthorized } from './auth.js';
import { authorize } from './rbac.js';
import { addControlRoutes } from './control.js';
import { addCoreRoutes } from './core.js';
import { addDiscoveryRoutes, METRICS_GROUP } from './discovery.js';
import { addKubeletRoutes } from './kubeletMetrics.js';
import { addKubeStateMetricsRoutes } from './kubeStateMetrics.js';
import { addKubeSystemRoutes } from './kubeSystem.js';
import { metricsApiState } from './metricsAvailability.js';
import { addMetricsRoutes } from './metrics.js';
import { sendStatus } from './respond.js';
import { normalisePath, Router, type Method } from './router.js';
import {
  ApiError,
  internalError,
  methodNotAllowed,
  pathNotFound,
  tooManyRequests,
  unauthorized,
} from './status.js';

/** Every route the simulator serves. */
export function createRouter(): Router {
  const router = new Router();
  addDiscoveryRoutes(router);
  addCoreRoutes(router);
  addMetricsRoutes(router);
  addKubeletRoutes(router);
  addKubeStateMetricsRoutes(router);
  addAggregationRoutes(router);
  addKubeSystemRoutes(router);
  addControlRoutes(router);
  return router;
}

export function isControlPath(path: string): boolean {
  return path === '/_sim' || path.startsWith('/_sim/');
}

/** Wait `ms`, or less if the client goes away first. */
function delay(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done(): void {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

async function handle(
  deps: SimDeps,
  router: Router,
  controlOnly: boolean,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://sim.invalid');
  const path = normalisePath(url.pathname);
  const control = isControlPath(path);
  if (!control) {
    const entry = deps.requestLog.record({
      method: req.method ?? 'GET',
      path,
      query: url.search.slice(1),
      timeMs: Date.now(),
      userAgent: req.headers['user-agent'] ?? '',
    });
    res.once('close', () => (entry.status = res.headersSent ? res.statusCode : null));
  }
  if (controlOnly && !control) throw new ApiError(pathNotFound());
  const { faults } = deps;
  if (!control && faults.has('slow')) await delay(deps.slowMs, res);
  if (res.destroyed) return;
  if (!isAuthorized(req, deps.token)) throw new ApiError(unauthorized());
  if (!control && deps.rbac) authorize(deps.rbac, req.method ?? 'GET', path, url.searchParams);
  if (!control) {
    if (faults.has('throttle')) throw new ApiError(tooManyRequests(1), { 'Retry-After': '1' });
    if (path === `/apis/${METRICS_GROUP}` || path.startsWith(`/apis/${METRICS_GROUP}/`)) {
      const state = metricsApiState(deps);
      if (state === 'unavailable') throw serviceUnavailableText();
      if (state === 'missing') throw new ApiError(pathNotFound());
    }
  }
  const match = router.match(path);
  if (!match) throw new ApiError(pathNotFound());
  const method = (req.method === 'HEAD' ? 'GET' : req.method) as Method;
  const handler = match.route.methods[method];
  if (!handler) {
    const allow = Object.keys(match.route.methods).join(', ');
    throw new ApiError(methodNotAllowed(), { Allow: allow });
  }
  await handler({ req, res, path, query: url.searchParams, params: match.params, deps });
}

/**
 * The `https.Server` request listener. With `controlOnly`, everything but `/_sim` is 404 (the
 * optional separate control port).
 */
export function createRequestListener(
  deps: SimDeps,
  options: { controlOnly?: boolean } = {},
): RequestListener {
  const router = createRouter();
  const controlOnly = options.controlOnly ?? false;
  return (req, res) => {
    handle(deps, router, controlOnly, req, res).catch((err: unknown) => {
      if (err instanceof ApiError) {
        sendStatus(res, err.status, err.headers);
        return;
      }
      if (err instanceof AggregatorError) {
        sendAggregatorError(res, err);
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(
        `kubeglance-sim: ${req.method} ${req.url}: ${err instanceof Error ? err.stack : message}\n`,
      );
      if (res.headersSent) res.destroy();
      else sendStatus(res, internalError(message));
    });
  };
}
