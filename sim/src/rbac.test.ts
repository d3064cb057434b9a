import { describe, expect, it } from 'vitest';
import { isAllowed, policyFromDocuments } from './rbac.js';
import type { RequestAttributes } from './http/requestInfo.js';

const SA = 'system:serviceaccount:kubeglance:kubeglance';
const docs = [
  {
    kind: 'ClusterRole',
    metadata: { name: 'reader' },
    rules: [
      { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
      { apiGroups: ['x.io'], resources: ['things'], resourceNames: ['one'], verbs: ['get'] },
      { nonResourceURLs: ['/metrics'], verbs: ['get'] },
    ],
  },
  {
    kind: 'ClusterRoleBinding',
    metadata: { name: 'reader' },
    roleRef: { kind: 'ClusterRole', name: 'reader' },
    subjects: [{ kind: 'ServiceAccount', name: 'kubeglance', namespace: 'kubeglance' }],
  },
  {
    kind: 'Role',
    metadata: { name: 'logs', namespace: 'kube-system' },
    rules: [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get'] }],
  },
  {
    kind: 'RoleBinding',
    metadata: { name: 'logs', namespace: 'kube-system' },
    roleRef: { kind: 'Role', name: 'logs' },
    subjects: [{ kind: 'Group', name: 'system:serviceaccounts:kubeglance' }],
  },
  { kind: 'ServiceAccount', metadata: { name: 'ignored' } },
];
const r = (verb: string, group: string, resource: string, more: Partial<RequestAttributes> = {}) =>
  ({
    kind: 'resource',
    verb,
    group,
    resource,
    namespace: '',
    subresource: '',
    name: '',
    ...more,
  }) as RequestAttributes;

describe('RBAC policy', () => {
  const policy = policyFromDocuments(SA, docs);

  it('allows what a bound ClusterRole grants, everywhere', () => {
    expect(isAllowed(policy, r('list', '', 'pods'))).toBe(true);
    expect(isAllowed(policy, r('get', '', 'pods', { namespace: 'a', name: 'p' }))).toBe(true);
    expect(isAllowed(policy, r('watch', '', 'pods'))).toBe(false);
    expect(isAllowed(policy, r('list', '', 'secrets'))).toBe(false);
    expect(isAllowed(policy, r('list', 'apps', 'pods'))).toBe(false);
  });

  it('honours resourceNames', () => {
    expect(isAllowed(policy, r('get', 'x.io', 'things', { name: 'one' }))).toBe(true);
    expect(isAllowed(policy, r('get', 'x.io', 'things', { name: 'two' }))).toBe(false);
    expect(isAllowed(policy, r('list', 'x.io', 'things'))).toBe(false);
  });

  it('limits a RoleBinding to its namespace and subresources to their own rule', () => {
    const log = (namespace: string) =>
      r('get', '', 'pods', { namespace, name: 'm', subresource: 'log' });
    expect(isAllowed(policy, log('kube-system'))).toBe(true);
    expect(isAllowed(policy, log('default'))).toBe(false);
  });

  it('gives every authenticated user self reviews and discovery, and nothing to other users', () => {
    expect(isAllowed(policy, r('create', 'authorization.k8s.io', 'selfsubjectaccessreviews'))).toBe(
      true,
    );
    expect(
      isAllowed(policy, { kind: 'nonResource', verb: 'get', path: '/apis/metrics.k8s.io' }),
    ).toBe(true);
    expect(isAllowed(policy, { kind: 'nonResource', verb: 'get', path: '/metrics' })).toBe(true);
    expect(isAllowed(policy, { kind: 'nonResource', verb: 'get', path: '/logs' })).toBe(false);
    const other = policyFromDocuments('someone-else', docs);
    expect(isAllowed(other, r('list', '', 'pods'))).toBe(false);
    expect(isAllowed(other, { kind: 'nonResource', verb: 'get', path: '/version' })).toBe(true);
  });
});
