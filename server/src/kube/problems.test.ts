import { describe, expect, it } from 'vitest';
import { problemFromError } from './problems.js';
import { UpstreamError } from './upstream.js';

const http = (status: number, message?: string) =>
  new UpstreamError({
    kind: 'http',
    message: `HTTP ${status}`,
    path: '/apis/metrics.k8s.io/v1beta1/nodes',
    status,
    statusMessage: message,
  });

describe('problemFromError', () => {
  it.each([
    [
      http(503, 'the server is currently unable to handle the request'),
      'metrics',
      'metrics-api-unavailable',
      /503/,
    ],
    [http(404), 'metrics', 'metrics-api-missing', /not installed/],
    [
      http(403, 'nodes.metrics.k8s.io is forbidden: User "system:anonymous" cannot list'),
      'metrics',
      'metrics-forbidden',
      /system:anonymous/,
    ],
    [http(403), 'inventory', 'inventory-forbidden', /forbidden/],
    [http(401), 'metrics', 'unauthorized', /401/],
    [http(429), 'inventory', 'throttled', /429/],
    [
      new UpstreamError({
        kind: 'network',
        message: 'ECONNREFUSED: connect',
        path: '/api/v1/pods',
      }),
      'inventory',
      'apiserver-unreachable',
      /ECONNREFUSED/,
    ],
    [
      new UpstreamError({
        kind: 'tls',
        message: 'DEPTH_ZERO_SELF_SIGNED_CERT: x',
        path: '/api/v1/pods',
      }),
      'inventory',
      'apiserver-unreachable',
      /TLS/,
    ],
    [
      new UpstreamError({ kind: 'timeout', message: 'no answer', path: '/api/v1/pods' }),
      'metrics',
      'upstream-timeout',
      /in time/,
    ],
  ] as const)('%s (%s) → %s', (err, source, code, text) => {
    const p = problemFromError(err, source, 1000);
    expect(p.code).toBe(code);
    expect(p.message).toMatch(text);
    expect(p.hint.length).toBeGreaterThan(10);
  });

  it('keeps sinceMs while the same problem persists and resets it when it changes', () => {
    const first = problemFromError(http(503), 'metrics', 1000);
    expect(problemFromError(http(503), 'metrics', 5000, first).sinceMs).toBe(1000);
    expect(problemFromError(http(403), 'metrics', 5000, first).sinceMs).toBe(5000);
  });
});

describe('403 hints', () => {
  it('name the manifest that exists in this repository', () => {
    for (const source of ['metrics', 'inventory'] as const) {
      const p = problemFromError(http(403), source, 0);
      expect(p.hint).toContain('deploy/kubernetes/rbac.yaml');
      expect(p.hint).not.toMatch(/deploy\/rbac\.yaml/);
    }
  });

  it('carry the user and the permission as params, for browsers in other languages', () => {
    const denied = (message: string) =>
      problemFromError(http(403, `x is forbidden: ${message}`), 'metrics', 0);
    const cluster = denied(
      'User "system:serviceaccount:mon:kg" cannot list resource "nodes" in API group "metrics.k8s.io" at the cluster scope',
    );
    expect(cluster.params).toEqual({
      user: 'system:serviceaccount:mon:kg',
      verb: 'list',
      resource: 'nodes.metrics.k8s.io',
      namespace: '',
      rule: '{apiGroups: ["metrics.k8s.io"], resources: [nodes], verbs: [list]}',
    });
    const core = problemFromError(
      http(403, 'User "u" cannot watch resource "pods" in API group "" in the namespace "a"'),
      'inventory',
      0,
    );
    expect(core.code).toBe('inventory-forbidden');
    expect(core.params).toMatchObject({
      user: 'u',
      verb: 'watch',
      resource: 'pods',
      namespace: 'a',
    });
    // Nothing to name when the apiserver's words are not the usual ones.
    expect(problemFromError(http(403), 'metrics', 0).params).toBeUndefined();
  });
});
