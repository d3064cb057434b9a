import { describe, expect, it } from 'vitest';
import { LOGS_RULE, REQUIRED_RULES, reviewSpec, rulesYaml, ruleText } from './rules.js';

describe('rules', () => {
  it('names a rule as a person would read it', () => {
    expect(ruleText(LOGS_RULE)).toBe('get pods/log in namespace kube-system');
    expect(ruleText({ verb: 'list', group: 'metrics.k8s.io', resource: 'nodes' })).toBe(
      'list nodes.metrics.k8s.io',
    );
  });

  it('asks about one verb per review, with the subresource and namespace', () => {
    expect(reviewSpec(LOGS_RULE)).toEqual({
      resourceAttributes: {
        verb: 'get',
        group: '',
        resource: 'pods',
        subresource: 'log',
        namespace: 'kube-system',
      },
    });
  });

  it('renders missing cluster-wide rules as a ClusterRole, verbs grouped per resource', () => {
    const metrics = REQUIRED_RULES.filter((r) => r.group === 'metrics.k8s.io');
    expect(rulesYaml(metrics, 'kubeglance')).toBe(
      [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRole',
        'metadata:',
        '  name: kubeglance',
        'rules:',
        '  - apiGroups: ["metrics.k8s.io"]',
        '    resources: ["nodes"]',
        '    verbs: ["get", "list"]',
        '  - apiGroups: ["metrics.k8s.io"]',
        '    resources: ["pods"]',
        '    verbs: ["get", "list"]',
        '',
      ].join('\n'),
    );
  });

  it('renders namespaced rules as a Role in their namespace', () => {
    const yaml = rulesYaml([LOGS_RULE], 'kubeglance-diagnostics');
    expect(yaml).toContain('kind: Role\n');
    expect(yaml).toContain('  namespace: kube-system\n');
    expect(yaml).toContain('resources: ["pods/log"]');
  });
});
