/**
 * The APIs a dashboard uses to explain *why* metrics fail: the metrics APIService's
 * Available condition (apiregistration.k8s.io) and SelfSubjectAccessReview
 * (authorization.k8s.io). Both follow the active faults.
 */
import type { Handler, RequestContext } from './context.js';
import { readJsonBody } from './body.js';
import { metricsAvailableCondition } from './apiServiceStatus.js';
import { METRICS_GROUP } from './discovery.js';
import { deniedWithoutRole } from './kubeSystem.js';
import { sendJson } from './respond.js';
import type { Router } from './router.js';
import { ApiError, badRequest, notFound } from './status.js';

const METRICS_APISERVICE = 'v1beta1.metrics.k8s.io';

type Json = Record<string, unknown>;

function localApiService(group: string, version: string, created: string): Json {
  const name = group ? `${version}.${group}` : version;
  return {
    kind: 'APIService',
    apiVersion: 'apiregistration.k8s.io/v1',
    metadata: {
      name,
      uid: `apiservice-${name}`,
      resourceVersion: '1',
      creationTimestamp: created,
      labels: { 'kube-aggregator.kubernetes.io/automanaged': 'onstart' },
    },
    spec: { group, version, groupPriorityMinimum: 18000, versionPriority: 15 },
    status: {
      conditions: [
        {
          type: 'Available',
          status: 'True',
          lastTransitionTime: created,
          reason: 'Local',
          message: 'Local APIServices are always available',
        },
      ],
    },
  };
}

function metricsApiService(ctx: RequestContext): Json | undefined {
  const condition = metricsAvailableCondition(ctx.deps);
  if (!condition) return undefined;
  const created = ctx.deps.startedAt.toISOString();
  return {
    kind: 'APIService',
    apiVersion: 'apiregistration.k8s.io/v1',
    metadata: {
      name: METRICS_APISERVICE,
      uid: 'apiservice-v1beta1.metrics.k8s.io',
      resourceVersion: '2',
      creationTimestamp: created,
      labels: { 'k8s-app': 'metrics-server' },
    },
    spec: {
      service: { namespace: 'kube-system', name: 'metrics-server', port: 443 },
      group: METRICS_GROUP,
      version: 'v1beta1',
      insecureSkipTLSVerify: true,
      groupPriorityMinimum: 100,
      versionPriority: 100,
    },
    status: { conditions: [condition] },
  };
}

function allApiServices(ctx: RequestContext): Json[] {
  const created = ctx.deps.startedAt.toISOString();
  return [
    localApiService('', 'v1', created),
    localApiService('apiregistration.k8s.io', 'v1', created),
    localApiService('authorization.k8s.io', 'v1', created),
    metricsApiService(ctx),
  ].filter((s): s is Json => s !== undefined);
}

const listApiServices: Handler = (ctx) => {
  sendJson(ctx.res, 200, {
    kind: 'APIServiceList',
    apiVersion: 'apiregistration.k8s.io/v1',
    metadata: { resourceVersion: '2' },
    items: allApiServices(ctx),
  });
};

const getApiService: Handler = (ctx) => {
  const name = ctx.params.name as string;
  const found = allApiServices(ctx).find((s) => (s.metadata as Json).name === name);
  if (!found)
    throw new ApiError(notFound('apiservices.apiregistration.k8s.io', name, 'apiservices'));
  sendJson(ctx.res, 200, found);
};

const createAccessReview: Handler = async (ctx) => {
  const body = (await readJsonBody(ctx.req)) as Json | undefined;
  const spec = body?.spec as Json | undefined;
  if (
    !spec ||
    typeof spec !== 'object' ||
    (!spec.resourceAttributes && !spec.nonResourceAttributes)
  ) {
    throw new ApiError(
      badRequest(
        'SelfSubjectAccessReview.authorization.k8s.io is invalid: spec: Invalid value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
      ),
    );
  }
  const attrs = (spec.resourceAttributes as Json | undefined) ?? {};
  const denied =
    (ctx.deps.faults.has('metrics-forbidden') && attrs.group === METRICS_GROUP) ||
    deniedWithoutRole(ctx.deps, attrs);
  const status = denied
    ? { allowed: false }
    : {
        allowed: true,
        reason:
          'RBAC: allowed by ClusterRoleBinding "kubeglance-sim" of ClusterRole "cluster-admin"',
      };
  sendJson(ctx.res, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status,
  });
};

/** Register the apiregistration and authorization paths. */
export function addAggregationRoutes(router: Router): void {
  router.add('/apis/apiregistration.k8s.io/v1/apiservices', { GET: listApiServices });
  router.add('/apis/apiregistration.k8s.io/v1/apiservices/:name', { GET: getApiService });
  router.add('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    POST: createAccessReview,
  });
}
