/**
 * metrics.k8s.io/v1beta1, shaped exactly like metrics-server's answers: lists carry
 * `metadata: {}` and bare items; single objects add kind/apiVersion.
 *
 * Which sample is served: metrics-server answers from its last completed scrape, so we serve
 * the most recent *completed* resolution period, tick = floor(now / resolution) - 1. Under
 * `metrics-stale` the tick is frozen at the one that was current when the fault was set.
 */
import type { MetricsSample, NodeMetricsItem, PodMetricsItem } from '../model/types.js';
import type { Handler, RequestContext } from './context.js';
import { METRICS_GROUP } from './discovery.js';
import { metricsApiState, unscrapedNodes } from './metricsAvailability.js';
import { SelectorParseError, matchesLabels, parseLabelSelector } from './labels.js';
import { sendJson, sendList } from './respond.js';
import type { Router } from './router.js';
import { ApiError, badRequest, forbidden, notFound, serviceUnavailable } from './status.js';

const API_VERSION = `${METRICS_GROUP}/v1beta1`;
const BASE = `/apis/${API_VERSION}`;
/** The identity RBAC denials name (the simulator has no user database). */
export const FORBIDDEN_USER = 'system:anonymous';

/** The tick `sampleAt` is called with now (see the module comment). */
export function servedTick(ctx: RequestContext, now = Date.now()): number {
  const { resolutionMs } = ctx.deps.cluster.metrics;
  const staleSince = ctx.deps.faults.since('metrics-stale');
  return Math.floor((staleSince ?? now) / resolutionMs) - 1;
}

/** Fault gates shared by every metrics path: 503 while unavailable, 403 while forbidden. */
function gate(ctx: RequestContext, resource: 'nodes' | 'pods', verb: 'get' | 'list'): void {
  const state = metricsApiState(ctx.deps);
  if (state === 'unavailable') throw new ApiError(serviceUnavailable());
  if (state === 'forbidden') {
    throw new ApiError(
      forbidden({
        user: FORBIDDEN_USER,
        verb,
        resource,
        group: METRICS_GROUP,
        namespace: ctx.params.namespace,
        name: ctx.params.name,
      }),
    );
  }
}

/** The labelSelector as a predicate, or undefined when it selects everything. */
function labelFilter(
  ctx: RequestContext,
): ((labels: Record<string, string> | undefined) => boolean) | undefined {
  try {
    const requirements = parseLabelSelector(ctx.query.get('labelSelector') ?? '');
    if (requirements.length === 0) return undefined;
    return (labels) => matchesLabels(requirements, labels);
  } catch (err) {
    if (err instanceof SelectorParseError) throw new ApiError(badRequest(err.message));
    throw err;
  }
}

/** The current sample without the nodes metrics-server cannot scrape (and their pods). */
function sample(ctx: RequestContext): MetricsSample {
  const { cluster } = ctx.deps;
  const raw = cluster.metrics.sampleAt(servedTick(ctx));
  const missing = unscrapedNodes(ctx.deps);
  if (missing.size === 0) return raw;
  const { store } = cluster;
  const nodeOf = (p: PodMetricsItem): unknown =>
    store.get('pods', p.metadata.namespace, p.metadata.name)?.spec?.nodeName;
  return {
    ...raw,
    nodes: raw.nodes.filter((n) => !missing.has(n.metadata.name)),
    pods: raw.pods.filter((p) => !missing.has(nodeOf(p) as string)),
  };
}

function podLabels(ctx: RequestContext, item: PodMetricsItem): Record<string, string> | undefined {
  return (
    item.metadata.labels ??
    ctx.deps.cluster.store.get('pods', item.metadata.namespace, item.metadata.name)?.metadata.labels
  );
}

const listNodes: Handler = async (ctx) => {
  gate(ctx, 'nodes', 'list');
  const accept = labelFilter(ctx);
  const { store } = ctx.deps.cluster;
  const all = sample(ctx).nodes;
  const items = accept
    ? all.filter((n) =>
        accept(
          n.metadata.labels ?? store.get('nodes', undefined, n.metadata.name)?.metadata.labels,
        ),
      )
    : all;
  await sendList<NodeMetricsItem>(
    ctx.res,
    { kind: 'NodeMetricsList', apiVersion: API_VERSION, metadata: {} },
    'items',
    items,
  );
};

const getNode: Handler = (ctx) => {
  gate(ctx, 'nodes', 'get');
  const name = ctx.params.name as string;
  const item = sample(ctx).nodes.find((n) => n.metadata.name === name);
  if (!item) throw new ApiError(notFound(`nodemetrics.${METRICS_GROUP}`, name, 'nodemetrics'));
  sendJson(ctx.res, 200, { kind: 'NodeMetrics', apiVersion: API_VERSION, ...item });
};

const listPods: Handler = async (ctx) => {
  gate(ctx, 'pods', 'list');
  const accept = labelFilter(ctx);
  const ns = ctx.params.namespace;
  const all = sample(ctx).pods;
  const items =
    ns === undefined && !accept
      ? all
      : all.filter(
          (p) =>
            (ns === undefined || p.metadata.namespace === ns) &&
            (!accept || accept(podLabels(ctx, p))),
        );
  await sendList<PodMetricsItem>(
    ctx.res,
    { kind: 'PodMetricsList', apiVersion: API_VERSION, metadata: {} },
    'items',
    items,
  );
};

const getPod: Handler = (ctx) => {
  gate(ctx, 'pods', 'get');
  const ns = ctx.params.namespace as string;
  const name = ctx.params.name as string;
  const item = sample(ctx).pods.find(
    (p) => p.metadata.namespace === ns && p.metadata.name === name,
  );
  if (!item)
    throw new ApiError(notFound(`podmetrics.${METRICS_GROUP}`, `${ns}/${name}`, 'podmetrics'));
  sendJson(ctx.res, 200, { kind: 'PodMetrics', apiVersion: API_VERSION, ...item });
};

/** Register the NodeMetrics and PodMetrics list/get paths. */
export function addMetricsRoutes(router: Router): void {
  router.add(`${BASE}/nodes`, { GET: listNodes });
  router.add(`${BASE}/nodes/:name`, { GET: getNode });
  router.add(`${BASE}/pods`, { GET: listPods });
  router.add(`${BASE}/namespaces/:namespace/pods`, { GET: listPods });
  router.add(`${BASE}/namespaces/:namespace/pods/:name`, { GET: getPod });
}
