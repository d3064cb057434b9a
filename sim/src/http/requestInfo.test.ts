import { describe, expect, it } from 'vitest';
import { requestAttributes } from './requestInfo.js';

const q = (s = '') => new URLSearchParams(s);
const res = (verb: string, group: string, resource: string, more: object = {}) => ({
  kind: 'resource',
  verb,
  group,
  namespace: '',
  resource,
  subresource: '',
  name: '',
  ...more,
});

describe('requestAttributes (the apiserver RequestInfoFactory rules)', () => {
  it.each([
    ['GET', '/api/v1/nodes', '', res('list', '', 'nodes')],
    ['GET', '/api/v1/nodes', 'watch=true', res('watch', '', 'nodes')],
    ['GET', '/api/v1/watch/pods', '', res('watch', '', 'pods')],
    ['GET', '/api/v1/nodes/n1', '', res('get', '', 'nodes', { name: 'n1' })],
    ['GET', '/api/v1/namespaces/a/pods', '', res('list', '', 'pods', { namespace: 'a' })],
    [
      'GET',
      '/api/v1/namespaces/kube-system/pods/ms-1/log',
      '',
      res('get', '', 'pods', { namespace: 'kube-system', name: 'ms-1', subresource: 'log' }),
    ],
    [
      'GET',
      '/api/v1/namespaces/kube-system',
      '',
      res('get', '', 'namespaces', { namespace: 'kube-system', name: 'kube-system' }),
    ],
    [
      'GET',
      '/api/v1/namespaces/x/status',
      '',
      res('get', '', 'namespaces', { namespace: 'x', name: 'x', subresource: 'status' }),
    ],
    ['GET', '/apis/metrics.k8s.io/v1beta1/pods', '', res('list', 'metrics.k8s.io', 'pods')],
    [
      'GET',
      '/apis/apps/v1/namespaces/kube-system/deployments/metrics-server',
      '',
      res('get', 'apps', 'deployments', { namespace: 'kube-system', name: 'metrics-server' }),
    ],
    [
      'GET',
      '/api/v1/pods',
      'watch=1&fieldSelector=metadata.name%3Dp1',
      res('watch', '', 'pods', { name: 'p1' }),
    ],
    [
      'POST',
      '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      '',
      res('create', 'authorization.k8s.io', 'selfsubjectaccessreviews'),
    ],
    [
      'DELETE',
      '/api/v1/namespaces/a/pods',
      '',
      res('deletecollection', '', 'pods', { namespace: 'a' }),
    ],
  ])('%s %s?%s', (method, path, query, expected) => {
    expect(requestAttributes(method, path, q(query))).toEqual(expected);
  });

  it.each([
    '/api',
    '/api/v1',
    '/apis',
    '/apis/metrics.k8s.io',
    '/apis/metrics.k8s.io/v1beta1',
    '/version',
    '/healthz',
  ])('treats %s as a non-resource path', (path) => {
    expect(requestAttributes('GET', path, q())).toEqual({ kind: 'nonResource', verb: 'get', path });
  });
});
