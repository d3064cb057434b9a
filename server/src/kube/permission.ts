import { UpstreamError } from './upstream.js';

/**
 * The one RBAC permission a 403 says kubeglance lacks, read from the apiserver's Status
 * message (`… User "u" cannot list resource "nodes" in API group "" at the cluster scope`).
 */
export interface MissingPermission {
  user: string;
  verb: string;
  group: string;
  /** Plural resource, with `/subresource` when there is one. */
  resource: string;
  /** Empty at the cluster scope. */
  namespace: string;
}

const DENIAL =
  /User "([^"]*)" cannot (\S+) resource "([^"]+)" in API group "([^"]*)" (?:in the namespace "([^"]+)"|at the cluster scope)/;

export function missingPermission(e: unknown): MissingPermission | undefined {
  if (!(e instanceof UpstreamError) || e.status !== 403) return undefined;
  const m = DENIAL.exec(e.statusMessage ?? '');
  if (!m) return undefined;
  const [, user = '', verb = '', resource = '', group = '', namespace = ''] = m;
  return { user, verb, resource, group, namespace };
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
