import { UpstreamError } from './upstream.js';

/**
 * The one RBAC permission a 403 says kubeglance lacks, read from the apiserver's Status
 * message (`… User "u" cannot list resource "nodes" in API group "" at the cluster scope`)
 * or, for a watch (whose 403 body client-node drops), from the watched path.
 */
export interface MissingPermission {
  user?: string;
  verb: string;
  group: string;
  /** Plural resource, with `/subresource` when there is one. */
  resource: string;
  /** Empty at the cluster scope. */
  namespace: string;
}

const DENIAL =
  /User "([^"]*)" cannot (\S+) resource "([^"]+)" in API group "([^"]*)" (?:in the namespace "([^"]+)"|at the cluster scope)/;

function fromPath(path: string, verb: string): MissingPermission | undefined {
  const m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)(?:\/namespaces\/([^/]+))?\/([^/]+)$/.exec(path);
  if (!m) return undefined;
  return { verb, group: m[1] ?? '', resource: m[3] as string, namespace: m[2] ?? '' };
}

export function missingPermission(e: unknown): MissingPermission | undefined {
  if (!(e instanceof UpstreamError) || e.status !== 403) return undefined;
  const m = DENIAL.exec(e.statusMessage ?? '');
  if (m) {
    const [, user, verb, resource, group, namespace] = m as unknown as string[];
    return { user, verb: verb!, resource: resource!, group: group!, namespace: namespace ?? '' };
  }
  return e.verb ? fromPath(e.path, e.verb) : undefined;
}

/** `watch nodes at the cluster scope`, `list pods.metrics.k8s.io in the namespace "a"`. */
export function describePermission(p: MissingPermission): string {
  const what = p.group ? `${p.resource}.${p.group}` : p.resource;
  const scope = p.namespace ? `in the namespace "${p.namespace}"` : 'at the cluster scope';
  return `${p.verb} ${what} ${scope}`;
}

/** The RBAC rule that grants it, in the flow style of deploy/kubernetes/rbac.yaml. */
export function grantingRule(p: MissingPermission): string {
  return `{apiGroups: ["${p.group}"], resources: [${p.resource}], verbs: [${p.verb}]}`;
}
