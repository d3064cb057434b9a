/**
 * The RBAC rules kubeglance needs (the ClusterRole shipped with the manifests) and the ones
 * only the diagnostics use (the optional Role in kube-system), as SelfSubjectAccessReview
 * attributes, one per verb, and as the YAML a cluster admin would add.
 */

export interface Rule {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const core = (resource: string) =>
  ['get', 'list', 'watch'].map((verb) => ({ verb, group: '', resource }));
const metrics = (resource: string) =>
  ['get', 'list'].map((verb) => ({ verb, group: 'metrics.k8s.io', resource }));

/** What the dashboard cannot work without. */
export const REQUIRED_RULES: readonly Rule[] = [
  ...core('nodes'),
  ...core('pods'),
  ...core('namespaces'),
  ...metrics('nodes'),
  ...metrics('pods'),
  {
    verb: 'get',
    group: 'apiregistration.k8s.io',
    resource: 'apiservices',
    name: 'v1beta1.metrics.k8s.io',
  },
];

export const CONFIGMAP_RULE: Rule = {
  verb: 'get',
  group: '',
  resource: 'configmaps',
  namespace: 'kube-system',
  name: 'extension-apiserver-authentication',
};
export const DEPLOYMENT_RULE: Rule = {
  verb: 'get',
  group: 'apps',
  resource: 'deployments',
  namespace: 'kube-system',
  name: 'metrics-server',
};
export const LOGS_RULE: Rule = {
  verb: 'get',
  group: '',
  resource: 'pods',
  subresource: 'log',
  namespace: 'kube-system',
};

/** Reads only the diagnostics make (optional Role in kube-system). */
export const OPTIONAL_RULES: readonly Rule[] = [CONFIGMAP_RULE, DEPLOYMENT_RULE, LOGS_RULE];

/** `get pods/log in namespace kube-system`, `list nodes.metrics.k8s.io`. */
export function ruleText(r: Rule): string {
  const resource = `${r.resource}${r.subresource ? `/${r.subresource}` : ''}${r.group ? `.${r.group}` : ''}`;
  const name = r.name ? ` "${r.name}"` : '';
  return `${r.verb} ${resource}${name}${r.namespace ? ` in namespace ${r.namespace}` : ''}`;
}

export function ruleKey(r: Rule): string {
  return [r.verb, r.group, r.resource, r.subresource ?? '', r.namespace ?? '', r.name ?? ''].join(
    '|',
  );
}

/** The SelfSubjectAccessReview spec asking about one rule. */
export function reviewSpec(r: Rule): unknown {
  return {
    resourceAttributes: {
      verb: r.verb,
      group: r.group,
      resource: r.resource,
      ...(r.subresource ? { subresource: r.subresource } : {}),
      ...(r.namespace ? { namespace: r.namespace } : {}),
      ...(r.name ? { name: r.name } : {}),
    },
  };
}

/** The rules grouped into a ClusterRole (cluster-wide ones) or Role (namespaced) as YAML. */
export function rulesYaml(rules: readonly Rule[], roleName: string): string {
  const namespaced = rules.every((r) => r.namespace !== undefined);
  const groups = new Map<string, Rule[]>();
  for (const r of rules) {
    const key = `${r.group}|${r.resource}${r.subresource ? `/${r.subresource}` : ''}|${r.name ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const lines = [
    'apiVersion: rbac.authorization.k8s.io/v1',
    `kind: ${namespaced ? 'Role' : 'ClusterRole'}`,
    'metadata:',
    `  name: ${roleName}`,
    ...(namespaced ? [`  namespace: ${rules[0]?.namespace ?? 'kube-system'}`] : []),
    'rules:',
  ];
  for (const [key, group] of groups) {
    const [apiGroup, resource, name] = key.split('|') as [string, string, string];
    lines.push(`  - apiGroups: ["${apiGroup}"]`);
    lines.push(`    resources: ["${resource}"]`);
    if (name) lines.push(`    resourceNames: ["${name}"]`);
    lines.push(`    verbs: [${[...new Set(group.map((r) => `"${r.verb}"`))].join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}
