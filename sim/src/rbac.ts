/**
 * RBAC as kube-apiserver's authorizer applies it, from ClusterRole/Role/ClusterRoleBinding/
 * RoleBinding YAML: a request is allowed when a binding whose subjects include the user
 * grants a matching rule (ClusterRoleBindings everywhere, RoleBindings in their namespace).
 * Every authenticated user also has what the default `system:basic-user`,
 * `system:discovery` and `system:public-info-viewer` roles give (self access reviews,
 * discovery and health paths). Denials are worded by `forbidden()` in http/status.ts.
 */
import { readFileSync } from 'node:fs';
import { loadAll } from 'js-yaml';
import { z } from 'zod';
import type { RequestAttributes } from './http/requestInfo.js';

const list = z.array(z.string()).optional().default([]);
const ruleSchema = z.object({
  apiGroups: list,
  resources: list,
  resourceNames: list,
  nonResourceURLs: list,
  verbs: z.array(z.string()),
});
export type PolicyRule = z.infer<typeof ruleSchema>;

const meta = z.object({ name: z.string(), namespace: z.string().optional() });
const roleSchema = z.object({
  kind: z.enum(['ClusterRole', 'Role']),
  metadata: meta,
  rules: z.array(ruleSchema).nullish(),
});
const bindingSchema = z.object({
  kind: z.enum(['ClusterRoleBinding', 'RoleBinding']),
  metadata: meta,
  roleRef: z.object({ kind: z.enum(['ClusterRole', 'Role']), name: z.string() }),
  subjects: z
    .array(z.object({ kind: z.string(), name: z.string(), namespace: z.string().optional() }))
    .nullish(),
});

/** A set of roles and bindings, evaluated for one user. */
export interface RbacPolicy {
  /** The user the simulator's bearer token authenticates as. */
  user: string;
  /** Rules that apply cluster-wide, and per namespace. */
  clusterRules: PolicyRule[];
  namespaceRules: Map<string, PolicyRule[]>;
}

/** What every authenticated user may do in a default cluster (bootstrap roles). */
const AUTHENTICATED_RULES: PolicyRule[] = [
  {
    apiGroups: ['authorization.k8s.io'],
    resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
    resourceNames: [],
    nonResourceURLs: [],
    verbs: ['create'],
  },
  {
    apiGroups: [],
    resources: [],
    resourceNames: [],
    nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/version', '/version/'],
    verbs: ['get'],
  },
  {
    apiGroups: [],
    resources: [],
    resourceNames: [],
    nonResourceURLs: ['/healthz', '/livez', '/readyz', '/openapi', '/openapi/*'],
    verbs: ['get'],
  },
];

function userOf(subject: { kind: string; name: string; namespace?: string | undefined }): string[] {
  if (subject.kind === 'User') return [subject.name];
  if (subject.kind === 'ServiceAccount')
    return [`system:serviceaccount:${subject.namespace ?? 'default'}:${subject.name}`];
  return [];
}

/** The groups Kubernetes puts a user in (service accounts get their namespace's group). */
function groupsOf(user: string): string[] {
  const sa = /^system:serviceaccount:([^:]+):/.exec(user);
  return [
    'system:authenticated',
    ...(sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`] : []),
  ];
}

/** Build the policy of `user` from YAML documents (other kinds are ignored). */
export function policyFromDocuments(user: string, docs: unknown[]): RbacPolicy {
  const roles = new Map<string, PolicyRule[]>();
  const bindings: z.infer<typeof bindingSchema>[] = [];
  for (const doc of docs) {
    const kind = (doc as { kind?: unknown } | null)?.kind;
    if (kind === 'ClusterRole' || kind === 'Role') {
      const r = roleSchema.parse(doc);
      const key = `${r.kind}/${r.kind === 'Role' ? (r.metadata.namespace ?? 'default') : ''}/${r.metadata.name}`;
      roles.set(key, r.rules ?? []);
    } else if (kind === 'ClusterRoleBinding' || kind === 'RoleBinding') {
      bindings.push(bindingSchema.parse(doc));
    }
  }
  const groups = groupsOf(user);
  const policy: RbacPolicy = {
    user,
    clusterRules: [...AUTHENTICATED_RULES],
    namespaceRules: new Map(),
  };
  for (const b of bindings) {
    const subjects = b.subjects ?? [];
    const bound = subjects.some(
      (s) => userOf(s).includes(user) || (s.kind === 'Group' && groups.includes(s.name)),
    );
    if (!bound) continue;
    const ns = b.kind === 'RoleBinding' ? (b.metadata.namespace ?? 'default') : '';
    const key = `${b.roleRef.kind}/${b.roleRef.kind === 'Role' ? ns : ''}/${b.roleRef.name}`;
    const rules = roles.get(key) ?? [];
    if (b.kind === 'ClusterRoleBinding') policy.clusterRules.push(...rules);
    else policy.namespaceRules.set(ns, [...(policy.namespaceRules.get(ns) ?? []), ...rules]);
  }
  return policy;
}

/** Parse RBAC files (multi-document YAML) into the policy of `user`. */
export function loadPolicy(user: string, files: readonly string[]): RbacPolicy {
  const docs = files.flatMap((f) => loadAll(readFileSync(f, 'utf8')));
  return policyFromDocuments(user, docs);
}

const has = (values: string[], v: string): boolean => values.includes('*') || values.includes(v);

function ruleAllows(rule: PolicyRule, a: RequestAttributes): boolean {
  if (!has(rule.verbs, a.verb)) return false;
  if (a.kind === 'nonResource') {
    return rule.nonResourceURLs.some(
      (u) => u === '*' || u === a.path || (u.endsWith('*') && a.path.startsWith(u.slice(0, -1))),
    );
  }
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  return (
    has(rule.apiGroups, a.group) &&
    (has(rule.resources, resource) ||
      (a.subresource !== '' && rule.resources.includes(`*/${a.subresource}`))) &&
    (rule.resourceNames.length === 0 || rule.resourceNames.includes(a.name))
  );
}

/** Is the request allowed? Namespaced rules apply only to requests in their namespace. */
export function isAllowed(policy: RbacPolicy, a: RequestAttributes): boolean {
  if (policy.clusterRules.some((r) => ruleAllows(r, a))) return true;
  if (a.kind !== 'resource' || !a.namespace) return false;
  return (policy.namespaceRules.get(a.namespace) ?? []).some((r) => ruleAllows(r, a));
}
