/**
 * Discovery documents (legacy, unaggregated form). kubectl 1.32 first asks for aggregated
 * discovery (`as=APIGroupDiscoveryList`); client-go falls back to these shapes when the answer
 * is plain `application/json`, so serving only them keeps every client working.
 *
 * While `metrics-unavailable` is on, `/apis` omits metrics.k8s.io, as aggregated discovery
 * does for an APIService that is not Available; that is what makes `kubectl top` report
 * "Metrics API not available".
 */
import type { RequestContext } from './context.js';
import { metricsApiState } from './metricsAvailability.js';
import type { Router } from './router.js';
import { sendJson } from './respond.js';

export const KUBE_VERSION = { major: '1', minor: '31', gitVersion: 'v1.31.4' } as const;

const READ_VERBS = ['get', 'list', 'watch'];

interface GroupVersion {
  group: string;
  version: string;
  resources: Record<string, unknown>[];
}

export const METRICS_GROUP = 'metrics.k8s.io';

/** Every group/version the simulator serves, with its APIResourceList entries. */
const GROUP_VERSIONS: GroupVersion[] = [
  {
    group: 'apiregistration.k8s.io',
    version: 'v1',
    resources: [
      {
        name: 'apiservices',
        singularName: 'apiservice',
        namespaced: false,
        kind: 'APIService',
        verbs: ['get', 'list'],
        categories: ['api-extensions'],
      },
    ],
  },
  {
    group: 'authorization.k8s.io',
    version: 'v1',
    resources: [
      {
        name: 'selfsubjectaccessreviews',
        singularName: 'selfsubjectaccessreview',
        namespaced: false,
        kind: 'SelfSubjectAccessReview',
        verbs: ['create'],
      },
    ],
  },
  {
    group: METRICS_GROUP,
    version: 'v1beta1',
    resources: [
      {
        name: 'nodes',
        singularName: '',
        namespaced: false,
        kind: 'NodeMetrics',
        verbs: ['get', 'list'],
      },
      {
        name: 'pods',
        singularName: '',
        namespaced: true,
        kind: 'PodMetrics',
        verbs: ['get', 'list'],
      },
    ],
  },
];

const CORE_RESOURCES = [
  {
    name: 'namespaces',
    singularName: 'namespace',
    namespaced: false,
    kind: 'Namespace',
    verbs: READ_VERBS,
    shortNames: ['ns'],
  },
  {
    name: 'nodes',
    singularName: 'node',
    namespaced: false,
    kind: 'Node',
    verbs: READ_VERBS,
    shortNames: ['no'],
  },
  {
    name: 'pods',
    singularName: 'pod',
    namespaced: true,
    kind: 'Pod',
    verbs: READ_VERBS,
    shortNames: ['po'],
    categories: ['all'],
  },
];

function version({ res }: RequestContext): void {
  sendJson(res, 200, {
    ...KUBE_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-10T00:00:00Z',
    goVersion: 'go1.22.10',
    compiler: 'gc',
    platform: 'linux/amd64',
  });
}

function coreVersions({ res, req }: RequestContext): void {
  const serverAddress = req.socket.localAddress?.includes(':')
    ? `[${req.socket.localAddress}]:${req.socket.localPort}`
    : `${req.socket.localAddress}:${req.socket.localPort}`;
  sendJson(res, 200, {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  });
}

function groupJson({ group, version: v }: GroupVersion): Record<string, unknown> {
  const gv = { groupVersion: `${group}/${v}`, version: v };
  return { name: group, versions: [gv], preferredVersion: gv };
}

function groups({ res, deps }: RequestContext): void {
  const metricsDown = ['unavailable', 'missing'].includes(metricsApiState(deps));
  sendJson(res, 200, {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: GROUP_VERSIONS.filter((g) => !(metricsDown && g.group === METRICS_GROUP)).map(
      groupJson,
    ),
  });
}

function coreResources({ res }: RequestContext): void {
  sendJson(res, 200, { kind: 'APIResourceList', groupVersion: 'v1', resources: CORE_RESOURCES });
}

/** Register `/version`, the health probes, `/api`, `/api/v1`, `/apis`, `/apis/{group}` and `/apis/{group}/{version}`. */
export function addDiscoveryRoutes(router: Router): void {
  router.add('/version', { GET: version });
  for (const probe of ['/healthz', '/livez', '/readyz']) {
    router.add(probe, {
      GET: ({ res }) => {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': '2' });
        res.end('ok');
      },
    });
  }
  router.add('/api', { GET: coreVersions });
  router.add('/api/v1', { GET: coreResources });
  router.add('/apis', { GET: groups });
  for (const gv of GROUP_VERSIONS) {
    router.add(`/apis/${gv.group}`, {
      GET: ({ res }) =>
        sendJson(res, 200, { kind: 'APIGroup', apiVersion: 'v1', ...groupJson(gv) }),
    });
    router.add(`/apis/${gv.group}/${gv.version}`, {
      GET: ({ res }) =>
        sendJson(res, 200, {
          kind: 'APIResourceList',
          apiVersion: 'v1',
          groupVersion: `${gv.group}/${gv.version}`,
          resources: gv.resources,
        }),
    });
  }
}
