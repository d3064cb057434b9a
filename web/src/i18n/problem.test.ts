/**
 * Pipeline problems said in each language: a 403 names the user and the permission everywhere,
 * watch-churn and malformed-metrics say their detail lines (kinds, counts, items and reasons),
 * and what this build cannot say falls back to the server's English.
 */
import type { Problem } from '@kubeglance/shared/api';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from './i18n';
import { problemHint, problemMessage } from './problem';
import { problemDetail } from './problemDetail';

afterEach(() => setLanguage('en', false));

const forbidden = (user: string, namespace = ''): Problem => ({
  code: 'metrics-forbidden',
  message: `Forbidden (403): User "${user}" may not list nodes.metrics.k8s.io at the cluster scope.`,
  hint: 'Add the rule … (deploy/kubernetes/rbac.yaml), or use a kubeconfig user that has it.',
  params: {
    user,
    verb: 'list',
    resource: 'nodes.metrics.k8s.io',
    namespace,
    rule: '{apiGroups: ["metrics.k8s.io"], resources: [nodes], verbs: [list]}',
  },
  sinceMs: 0,
});

const churn: Problem = {
  code: 'watch-churn',
  message: 'Watches keep expiring or failing: relists of pods (3), nodes (2) in the last 120 s.',
  hint: '…',
  detail: 'pods: 3 relists; nodes: 2 relists',
  details: [
    { code: 'watch-churn.relists', params: { kind: 'pods', n: 3 }, text: 'pods: 3 relists' },
    { code: 'watch-churn.relists', params: { kind: 'nodes', n: 2 }, text: 'nodes: 2 relists' },
  ],
  params: { kinds: { names: ['pods', 'nodes'], total: 2 }, seconds: 120 },
  sinceMs: 0,
};

const malformed: Problem = {
  code: 'malformed-metrics',
  message: 'The metrics API sent items kubeglance could not use: …',
  hint: '…',
  detail: 'pod a/x: null timestamp\nnode n1: quantity-out-of-range "18446744073709551615n"',
  details: [
    {
      code: 'malformed-metrics.null-timestamp',
      params: { kind: 'pod', name: 'a/x' },
      text: 'pod a/x: null timestamp',
    },
    {
      code: 'malformed-metrics.quantity-out-of-range',
      params: { kind: 'node', name: 'n1', value: '"18446744073709551615n"' },
      text: 'node n1: quantity-out-of-range "18446744073709551615n"',
    },
  ],
  params: { dropped: 2, duplicates: 1 },
  sinceMs: 0,
};

describe('403 problems name the user and the permission in every language', () => {
  it('English is the server’s sentence', () => {
    expect(problemMessage(forbidden('kg'))).toContain('User "kg" may not list');
  });

  it('zh-CN and ja say the user, verb, resource and scope, and the rule to add', () => {
    setLanguage('zh-CN', false);
    expect(problemMessage(forbidden('kg'))).toBe(
      '禁止访问（403）：用户“kg”无权在集群范围内对 nodes.metrics.k8s.io 执行 list。',
    );
    expect(problemHint(forbidden('kg'))).toContain(
      '{apiGroups: ["metrics.k8s.io"], resources: [nodes], verbs: [list]}',
    );
    setLanguage('ja', false);
    expect(problemMessage(forbidden('kg', 'team-a'))).toBe(
      'アクセス拒否（403）：ユーザー「kg」にはNamespace「team-a」の nodes.metrics.k8s.io に対する list の権限がありません。',
    );
    // Anonymous: the identity got lost on the way, no rule would help.
    expect(problemHint(forbidden('system:anonymous'))).toMatch(/--requestheader-\*/);
  });
});

describe('detail lines', () => {
  it('English keeps the server’s detail verbatim', () => {
    expect(problemDetail(churn)).toEqual({ text: churn.detail, verbatim: true });
  });

  it('watch-churn: kinds and counts in the language on screen', () => {
    setLanguage('zh-CN', false);
    expect(problemMessage(churn)).toBe(
      'watch 反复过期或失败：最近 120 秒内重新列举了 Pod和节点，kubeglance 正在退避。',
    );
    expect(problemMessage(churn)).not.toMatch(/pods|nodes/);
    expect(problemDetail(churn)).toEqual({
      text: 'Pod：重新列举 3 次\n节点：重新列举 2 次',
      verbatim: false,
    });
    setLanguage('ja', false);
    expect(problemDetail(churn)?.text).toBe('Pod：再リスト 3 回\nノード：再リスト 2 回');
  });

  it('malformed-metrics: counts, items and reasons; values as sent', () => {
    setLanguage('ja', false);
    expect(problemMessage(malformed)).toContain('2 件を除外し、重複 1 件');
    expect(problemDetail(malformed)).toEqual({
      text: 'Pod a/x：タイムスタンプが null\nノード n1：範囲外の数量 "18446744073709551615n"',
      verbatim: false,
    });
  });

  it('a line this build cannot say shows the server’s English detail, verbatim', () => {
    setLanguage('zh-CN', false);
    const newer = {
      ...malformed,
      details: [{ code: 'malformed-metrics.new-reason', params: {}, text: 'x' }],
    };
    expect(problemDetail(newer)).toEqual({ text: malformed.detail, verbatim: true });
  });
});
