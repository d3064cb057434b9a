/**
 * The kube-system objects an operator (and kubeglance's diagnostics) reads when metrics break:
 * the `extension-apiserver-authentication` ConfigMap, the metrics-server Deployment, and pod
 * logs (`/api/v1/namespaces/{ns}/pods/{name}/log`, plain text as the kubelet streams it).
 */
import type { ServerResponse } from 'node:http';
import {
  extensionAuthConfigMap,
  metricsServerDeployment,
  metricsServerLog,
} from '../model/metricsServer.js';
import type { Handler, RequestContext, SimDeps } from './context.js';
import { metricsServerReady, warmingUp, x509Nodes } from './metricsAvailability.js';
import { sendJson } from './respond.js';
import type { Router } from './router.js';
import { ApiError, badRequest, failure, forbidden, notFound } from './status.js';

type Json = Record<string, unknown>;

/** Who RBAC denials name when the optional Role is not bound (the dashboard's user). */
const DASHBOARD_USER = 'kubeglance';

/**
 * Whether a request for these attributes needs the optional diagnostics Role (get the
 * ConfigMap, the Deployment, pod logs in kube-system) and it is not bound. Also used by
 * SelfSubjectAccessReview.
 */
export function deniedWithoutRole(
  deps: SimDeps,
  attrs: { namespace?: unknown; resource?: unknown; subresource?: unknown },
): boolean {
  if (deps.diagnosticsRole !== false || attrs.namespace !== 'kube-system') return false;
  return (
    attrs.resource === 'configmaps' ||
    attrs.resource === 'deployments' ||
    (attrs.resource === 'pods' && attrs.subresource === 'log')
  );
}

function denyWithoutRole(
  ctx: RequestContext,
  resource: string,
  group: string,
  subresource?: string,
): void {
  const { namespace, name } = ctx.params as { namespace: string; name?: string };
  if (!deniedWithoutRole(ctx.deps, { namespace, resource, subresource })) return;
  const verb = name === undefined ? 'list' : 'get';
  if (subresource === undefined) {
    throw new ApiError(
      forbidden({
        user: DASHBOARD_USER,
        verb,
        resource,
        group,
        namespace,
        ...(name ? { name } : {}),
      }),
    );
  }
  throw new ApiError(
    failure(
      403,
      'Forbidden',
      `${resource} "${name}" is forbidden: User "${DASHBOARD_USER}" cannot ${verb} resource "${resource}/${subresource}" in API group "${group}" in the namespace "${namespace}"`,
      { name: name ?? '', kind: resource },
    ),
  );
}

const getConfigMap: Handler = (ctx) => {
  denyWithoutRole(ctx, 'configmaps', '');
  const { namespace, name } = ctx.params as { namespace: string; name: string };
  if (namespace !== 'kube-system' || name !== 'extension-apiserver-authentication') {
    throw new ApiError(notFound('configmaps', name));
  }
  const aggregationOn = !ctx.deps.faults.has('aggregation-off');
  sendJson(ctx.res, 200, extensionAuthConfigMap(aggregationOn, ctx.deps.startedAt.toISOString()));
};

function deploymentFor(ctx: RequestContext): Json | undefined {
  const { deps } = ctx;
  if (deps.faults.has('apiservice-missing')) return undefined;
  const ready = metricsServerReady(deps) ? 1 : 0;
  return metricsServerDeployment(
    deps.cluster.metrics.resolutionMs,
    ready,
    deps.startedAt.toISOString(),
  );
}

const getDeployment: Handler = (ctx) => {
  denyWithoutRole(ctx, 'deployments', 'apps');
  const { namespace, name } = ctx.params as { namespace: string; name: string };
  const deployment =
    namespace === 'kube-system' && name === 'metrics-server' ? deploymentFor(ctx) : undefined;
  if (!deployment) throw new ApiError(notFound('deployments.apps', name, 'deployments'));
  sendJson(ctx.res, 200, deployment);
};

const listDeployments: Handler = (ctx) => {
  denyWithoutRole(ctx, 'deployments', 'apps');
  const { namespace } = ctx.params as { namespace: string };
  const deployment = namespace === 'kube-system' ? deploymentFor(ctx) : undefined;
  sendJson(ctx.res, 200, {
    kind: 'DeploymentList',
    apiVersion: 'apps/v1',
    metadata: { resourceVersion: '4' },
    items: deployment ? [deployment] : [],
  });
};

function sendText(res: ServerResponse, text: string): void {
  res.writeHead(200, {
    'Content-Type': 'text/plain',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** `tailLines=N`: the last N lines, as the kubelet applies it. */
function tail(text: string, raw: string | null): string {
  if (raw === null || raw === '') return text;
  if (!/^\d+$/.test(raw)) throw new ApiError(badRequest(`tailLines: Invalid value: "${raw}"`));
  const lines = text.split('\n').slice(0, -1);
  const kept = lines.slice(Math.max(0, lines.length - Number(raw)));
  return kept.length === 0 ? '' : kept.join('\n') + '\n';
}

function nodeAddress(ctx: RequestContext, name: string): string {
  const node = ctx.deps.cluster.store.get('nodes', undefined, name);
  const addresses = ((node?.status as Json | undefined)?.addresses as Json[] | undefined) ?? [];
  const internal = addresses.find((a) => a.type === 'InternalIP');
  return typeof internal?.address === 'string' ? internal.address : name;
}

function containerStartedMs(pod: Json): number | undefined {
  const statuses =
    ((pod.status as Json | undefined)?.containerStatuses as Json[] | undefined) ?? [];
  const started = ((statuses[0]?.state as Json | undefined)?.running as Json | undefined)
    ?.startedAt;
  return typeof started === 'string' ? Date.parse(started) : undefined;
}

const getLog: Handler = (ctx) => {
  denyWithoutRole(ctx, 'pods', '', 'log');
  const { namespace, name } = ctx.params as { namespace: string; name: string };
  const { deps } = ctx;
  const pod = deps.cluster.store.get('pods', namespace, name);
  if (!pod) throw new ApiError(notFound('pods', name));
  if (pod.metadata.labels?.['k8s-app'] !== 'metrics-server') {
    sendText(ctx.res, '');
    return;
  }
  const now = Date.now();
  const { faults } = deps;
  const failingSince = Math.min(
    faults.since('kubelet-x509-all') ?? now,
    faults.since('kubelet-x509-some') ?? now,
    faults.since('missing-endpoints') ?? now,
    warmingUp(deps, now) ? deps.startedAt.getTime() : now,
  );
  const text = metricsServerLog({
    startedMs: containerStartedMs(pod as unknown as Json) ?? deps.startedAt.getTime(),
    nowMs: now,
    resolutionMs: deps.cluster.metrics.resolutionMs,
    x509: x509Nodes(deps).map((n) => ({ name: n, address: nodeAddress(ctx, n) })),
    unready: !metricsServerReady(deps, now),
    failingSinceMs: failingSince,
  });
  sendText(ctx.res, tail(text, ctx.query.get('tailLines')));
};

/** Register the ConfigMap, Deployment and pod-log paths. */
export function addKubeSystemRoutes(router: Router): void {
  router.add('/api/v1/namespaces/:namespace/configmaps/:name', { GET: getConfigMap });
  router.add('/apis/apps/v1/namespaces/:namespace/deployments', { GET: listDeployments });
  router.add('/apis/apps/v1/namespaces/:namespace/deployments/:name', { GET: getDeployment });
  router.add('/api/v1/namespaces/:namespace/pods/:name/log', { GET: getLog });
}
