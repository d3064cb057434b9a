import { describe, expect, it } from 'vitest';
import { describeError, isNotFound, shouldRetry } from './errors';
import { ApiError, clusterPath, queryString } from './http';

describe('describeError', () => {
  it('explains the metrics API being unavailable', () => {
    const err = new ApiError(503, 'metrics-api-unavailable', 'the metrics API is not available');
    expect(describeError(err)).toBe(
      'metrics API unavailable (503): the metrics API is not available',
    );
  });

  it('explains forbidden and unreachable', () => {
    expect(describeError(new ApiError(403, 'metrics-forbidden', 'no RBAC'))).toBe(
      'forbidden (403): no RBAC',
    );
    expect(describeError(new ApiError(0, 'network', 'x'))).toMatch(/cannot be reached/);
  });

  it('falls back for unknown statuses and plain errors', () => {
    expect(describeError(new ApiError(418, 'teapot', 'short and stout'))).toBe(
      'request failed (418): short and stout',
    );
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('??')).toBe('something went wrong');
  });
});

describe('shouldRetry', () => {
  it('retries transient failures up to three times', () => {
    expect(shouldRetry(0, new ApiError(503, 'x', 'y'))).toBe(true);
    expect(shouldRetry(0, new ApiError(0, 'network', 'y'))).toBe(true);
    expect(shouldRetry(3, new ApiError(503, 'x', 'y'))).toBe(false);
  });

  it('does not retry client errors', () => {
    expect(shouldRetry(0, new ApiError(404, 'not-found', 'y'))).toBe(false);
    expect(isNotFound(new ApiError(404, 'not-found', 'y'))).toBe(true);
  });
});

describe('paths', () => {
  it('escapes every segment and skips empty parameters', () => {
    expect(clusterPath('kind/dev', 'namespaces', 'a b', 'pods')).toBe(
      '/clusters/kind%2Fdev/namespaces/a%20b/pods',
    );
    expect(queryString({ sort: 'cpu', limit: 10, namespace: undefined, name: '' })).toBe(
      '?sort=cpu&limit=10',
    );
    expect(queryString({})).toBe('');
  });
});
