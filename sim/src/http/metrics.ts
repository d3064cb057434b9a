/**
 * metrics.k8s.io/v1beta1, shaped exactly like metrics-server's answers: lists carry
 * `metadata: {}` and bare items; single objects add kind/apiVersion.
 *
 * Which sample is served: metrics-server answers from its last completed scrape, so we serve
 * the most recent *completed* resolution period, tick = floor(now / resolution) - 1. Under
 * `metrics-stale` the tick is frozen at the one that was current when the fault was set.
 * With several replicas (the HA chart), consecutive requests go to the next replica in turn,
 * each serving its own scrape (offset by resolution / replicas), as a Service would spread
 * them.
 */
import type { MetricsSample, NodeMetricsItem, PodMetricsItem } from '../model/types.js';
import { serviceUnavailableText } from './aggregatorError.js';
import type { Handler, RequestContext } from './context.js';
import { METRICS_GROUP } from './discovery.js';
import { FieldSelectorError, parseFieldSelector, type FieldRequirement } from './fields.js';
import { metricsApiState } from './metricsAvailability.js';
import { SelectorParseError, matchesLabels, parseLabelSelector } from './labels.js';
import { applyMetricsFaults } from './metricsFaults.js';
import { metricsTable } from './metricsTable.js';
import { sendJson, sendList } from './respond.js';
import type { Router } from './router.js';
import { acceptedTableVersion } from './table.js';
import { ApiError, badRequest, forbidden, notFound } from './status.js';

const API_VERSION = `${METRICS_GROUP}/v1beta1`;
const BASE = `/apis/${API_VERSION}`;
/** The identity RBAC denials name (the simulator has no user database). */
export const FORBIDDEN_USER = 'system:anonymous';

/** Metrics requests answered so far per simulator (which replica answers next). */
const requestCounts = new WeakMap<object, number>();

/** The replica answering this request: round robin over the replicas. */
function nextReplica(ctx: RequestContext): number {
  const { replicas } = ctx.deps.cluster.metrics;
  const count = requestCounts.get(ctx.deps) ?? 0;
  requestCounts.set(ctx.deps, count + 1);
  return count % replicas;
}

/** The tick replica `replica` serves now (see the module comment). */
export function servedTick(ctx: RequestContext, now = Date.now(), replica = 0): number {
  const { resolutionMs, replicas } = ctx.deps.cluster.metrics;
  const staleSince = ctx.deps.faults.since('metrics-stale');
  const offset = Math.round((replica * resolutionMs) / replicas);
  return Math.floor(((staleSince ?? now) - offset) / resolutionMs) - 1;
}

/** Fault gates shared by every metrics path: 503 while unavailable, 403 while forbidden. */
function gate(ctx: RequestContext, resource: 'nodes' | 'pods', verb: 'get' | 'list'): void {
  const state = metricsApiState(ctx.deps);
  if (state === 'unavailable') throw serviceUnavailableText();
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

/**
 * The fieldSelector as a predicate over (namespace, name), or undefined when it selects
 * everything. metrics-server filters on the object-meta fields only; any other field label
 * is refused by the apiserver's default conversion (`field label not supported`).
 */
function fieldFilter(
  ctx: RequestContext,
): ((item: { metadata: { name: string; namespace?: string } }) => boolean) | undefined {
  let requirements: FieldRequirement[];
  try {
    requirements = parseFieldSelector(ctx.query.get('fieldSelector') ?? '');
  } catch (err) {
    if (err instanceof FieldSelectorError) throw new ApiError(badRequest(err.message));
    throw err;
  }
  if (requirements.length === 0) return undefined;
  for (const { field } of requirements) {
    if (field !== 'metadata.name' && field !== 'metadata.namespace') {
      throw new ApiError(badRequest(`field label not supported: ${field}`));
    }
  }
  return ({ metadata }) =>
    requirements.every(({ field, operator, value }) => {
      const actual = field === 'metadata.name' ? metadata.name : (metadata.namespace ?? '');
      return (actual === value) === (operator === '=');
    });
}

/** The current sample of the replica answering, with the metrics faults applied. */
function sample(ctx: RequestContext): MetricsSample {
  const { cluster } = ctx.deps;
  const replica = nextReplica(ctx);
  const raw = cluster.metrics.sampleAt(servedTick(ctx, Date.now(), replica), replica);
  return applyMetricsFaults(raw, ctx.deps);
}

function podLabels(ctx: RequestContext, item: PodMetricsItem): Record<string, string> | undefined {
  return (
    item.metadata.labels ??
    ctx.deps.cluster.store.get('pods', item.metadata.namespace, item.metadata.name)?.metadata.labels
  );
}

/** Sends a list as JSON or, when the client asked for one, as metrics-server's Table. */
async function sendMetricsList<T extends NodeMetricsItem | PodMetricsItem>(
  ctx: RequestContext,
  kind: 'NodeMetricsList' | 'PodMetricsList',
  items: readonly T[],
): Promise<void> {
  const tableVersion = acceptedTableVersion(ctx.req);
  if (tableVersion) {
    sendJson(ctx.res, 200, metricsTable(items, tableVersion));
    return;
  }
  await sendList<T>(ctx.res, { kind, apiVersion: API_VERSION, metadata: {} }, 'items', items);
}

function sendMetricsItem(
  ctx: RequestContext,
  kind: 'NodeMetrics' | 'PodMetrics',
  item: NodeMetricsItem | PodMetricsItem,
): void {
  const tableVersion = acceptedTableVersion(ctx.req);
  if (tableVersion) sendJson(ctx.res, 200, metricsTable([item], tableVersion));
  else sendJson(ctx.res, 200, { kind, apiVersion: API_VERSION, ...item });
}

const listNodes: Handler = async (ctx) => {
  gate(ctx, 'nodes', 'list');
  const accept = labelFilter(ctx);
  const fields = fieldFilter(ctx);
  const { store } = ctx.deps.cluster;
  const items = sample(ctx).nodes.filter(
    (n) =>
      (!fields || fields(n)) &&
      (!accept ||
        accept(
          n.metadata.labels ?? store.get('nodes', undefined, n.metadata.name)?.metadata.labels,
        )),
  );
  await sendMetricsList(ctx, 'NodeMetricsList', items);
};

const getNode: Handler = (ctx) => {
  gate(ctx, 'nodes', 'get');
  const name = ctx.params.name as string;
  // Like metrics-server: the node must exist (else the lister's `nodes "x" not found`).
  if (!ctx.deps.cluster.store.get('nodes', undefined, name)) {
    throw new ApiError(notFound('nodes', name));
  }
  const item = sample(ctx).nodes.find((n) => n.metadata.name === name);
  if (!item) throw new ApiError(notFound(`nodemetrics.${METRICS_GROUP}`, name, 'nodemetrics'));
  sendMetricsItem(ctx, 'NodeMetrics', item);
};

const listPods: Handler = async (ctx) => {
  gate(ctx, 'pods', 'list');
  const accept = labelFilter(ctx);
  const fields = fieldFilter(ctx);
  const ns = ctx.params.namespace;
  const all = sample(ctx).pods;
  const items =
    ns === undefined && !accept && !fields
      ? all
      : all.filter(
          (p) =>
            (ns === undefined || p.metadata.namespace === ns) &&
            (!fields || fields(p)) &&
            (!accept || accept(podLabels(ctx, p))),
        );
  await sendMetricsList(ctx, 'PodMetricsList', items);
};

const getPod: Handler = (ctx) => {
  gate(ctx, 'pods', 'get');
  const ns = ctx.params.namespace as string;
  const name = ctx.params.name as string;
  // Like metrics-server: the pod must exist (else `pods "x" not found`); a pod without
  // metrics is `podmetrics.metrics.k8s.io "ns/x" not found`.
  if (!ctx.deps.cluster.store.get('pods', ns, name)) throw new ApiError(notFound('pods', name));
  const item = sample(ctx).pods.find(
    (p) => p.metadata.namespace === ns && p.metadata.name === name,
  );
  if (!item)
    throw new ApiError(notFound(`podmetrics.${METRICS_GROUP}`, `${ns}/${name}`, 'podmetrics'));
  sendMetricsItem(ctx, 'PodMetrics', item);
};

/** Register the NodeMetrics and PodMetrics list/get paths. */
export function addMetricsRoutes(router: Router): void {
  router.add(`${BASE}/nodes`, { GET: listNodes });
  router.add(`${BASE}/nodes/:name`, { GET: getNode });
  router.add(`${BASE}/pods`, { GET: listPods });
  router.add(`${BASE}/namespaces/:namespace/pods`, { GET: listPods });
  router.add(`${BASE}/namespaces/:namespace/pods/:name`, { GET: getPod });
}
