import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/i18n';
import { describeError, errorDetail, isNotFound, shouldRetry } from './errors';
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

describe('describeError in other languages', () => {
  afterEach(() => setLanguage('en', false));
  const noProm = new ApiError(
    400,
    'prometheus-not-configured',
    'range=7d needs a Prometheus: kubeglance keeps only the last hour in memory; start it with --prometheus URL',
    { range: '7d' },
  );

  it('says what the code means with its parameters, the English kept for the details', () => {
    expect(describeError(noProm)).toMatch(/^request failed \(400\): range=7d needs a Prometheus/);
    expect(errorDetail(noProm)).toBeUndefined();
    setLanguage('zh-CN', false);
    expect(describeError(noProm)).toBe(
      '请求失败（400）：7d 范围需要 Prometheus：kubeglance 只在内存中保留最近一小时的数据；请使用 --prometheus URL 启动',
    );
    expect(errorDetail(noProm)).toBe(noProm.message);
    setLanguage('ja', false);
    const unknown = new ApiError(404, 'unknown-cluster', 'cluster "x" is not configured', {
      cluster: 'x',
    });
    expect(describeError(unknown)).toBe(
      'リクエストに失敗しました（404）：「x」という名前のクラスターは設定されていません',
    );
  });

  it('a code without words here shows the server’s message, marked as English', () => {
    setLanguage('ja', false);
    expect(describeError(new ApiError(418, 'teapot', 'short and stout'))).toBe(
      'リクエストに失敗しました（418）：short and stout（サーバーの英語のメッセージ）',
    );
    // A proxy's status line says nothing the heading does not.
    expect(describeError(new ApiError(502, 'http-502', 'Bad Gateway'))).toBe(
      'リクエストに失敗しました（502）',
    );
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
