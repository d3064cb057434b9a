/**
 * The authorization step of the request pipeline: with an RBAC policy loaded (`--rbac`),
 * a request its rules do not allow is answered 403 with the apiserver's wording, naming
 * the user, verb, resource, group and scope. Without a policy everything is allowed.
 */
import { isAllowed, type RbacPolicy } from '../rbac.js';
import { requestAttributes } from './requestInfo.js';
import { ApiError, forbidden, forbiddenPath } from './status.js';

export function authorize(
  policy: RbacPolicy,
  method: string,
  path: string,
  query: URLSearchParams,
): void {
  const a = requestAttributes(method, path, query);
  if (isAllowed(policy, a)) return;
  if (a.kind === 'nonResource') throw new ApiError(forbiddenPath(policy.user, a.verb, a.path));
  throw new ApiError(
    forbidden({
      user: policy.user,
      verb: a.verb,
      resource: a.resource,
      group: a.group,
      ...(a.namespace ? { namespace: a.namespace } : {}),
      ...(a.name ? { name: a.name } : {}),
      ...(a.subresource ? { subresource: a.subresource } : {}),
    }),
  );
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A SelfSubjectAccessReview's answer under the policy (`spec` as the client sent it). */
export function reviewAllowed(policy: RbacPolicy, spec: Record<string, unknown>): boolean {
  const r = spec.resourceAttributes as Record<string, unknown> | undefined;
  if (r) {
    return isAllowed(policy, {
      kind: 'resource',
      verb: str(r.verb),
      group: str(r.group),
      namespace: str(r.namespace),
      resource: str(r.resource),
      subresource: str(r.subresource),
      name: str(r.name),
    });
  }
  const n = spec.nonResourceAttributes as Record<string, unknown> | undefined;
  return isAllowed(policy, { kind: 'nonResource', verb: str(n?.verb), path: str(n?.path) });
}
