import type { DiagnosticCheck, Evidence } from '@kubeglance/shared/api';
import type { Facts } from '../facts.js';
import { evidence, fix } from '../phrase.js';
import { OPTIONAL_RULES, REQUIRED_RULES, ruleKey, rulesYaml, ruleText } from '../rules.js';
import { result } from './common.js';

/** The 403s kubeglance's own reads got, each naming the user the API server saw. */
function forbiddenSeen(f: Facts): Evidence[] {
  const seen = f.pipeline.status.problems
    .filter((p) => p.code.endsWith('-forbidden'))
    .map((p) => p.message);
  return seen.length
    ? [evidence('forbidden-seen', '403 answers to kubeglance', seen.join('\n'))]
    : [];
}

/** Link 2: may kubeglance do what it needs? One SelfSubjectAccessReview per rule and verb. */
export function checkRbac(f: Facts): DiagnosticCheck {
  const a = f.access;
  if (a.kind !== 'ok') {
    const rule = 'create selfsubjectaccessreviews.authorization.k8s.io';
    return result('rbac', {
      status: 'unknown',
      code: 'no-review',
      params: { rule },
      text: `Cannot tell: the API server refused SelfSubjectAccessReview (${rule}).`,
      evidence: [
        evidence(
          'review-failed',
          'POST selfsubjectaccessreviews',
          a.kind === 'denied' ? `403 ${a.message ?? ''}`.trim() : a.message,
        ),
      ],
      missingRule: rule,
    });
  }
  const missing = REQUIRED_RULES.filter((r) => a.value.get(ruleKey(r))?.allowed === false);
  const optionalMissing = OPTIONAL_RULES.filter((r) => a.value.get(ruleKey(r))?.allowed === false);
  const optionalNote = optionalMissing.length
    ? [
        evidence(
          'optional-denied',
          'Optional diagnostics reads not granted',
          optionalMissing.map(ruleText).join('\n'),
        ),
      ]
    : [];
  if (missing.length === 0) {
    return result('rbac', {
      status: 'ok',
      code: 'ok',
      params: { rules: REQUIRED_RULES.length },
      text: `All ${REQUIRED_RULES.length} permissions kubeglance needs are granted.`,
      evidence: optionalNote,
      fix: optionalMissing.length
        ? [
            fix(
              'optional-role',
              'Optional: let the diagnostics read metrics-server’s ConfigMap, Deployment and logs in kube-system.',
              { yaml: rulesYaml(optionalMissing, 'kubeglance-diagnostics') },
            ),
          ]
        : [],
    });
  }
  return result('rbac', {
    status: 'fail',
    code: 'denied',
    params: { count: missing.length, rules: missing.map(ruleText).join('; ') },
    text: `${missing.length} permission(s) kubeglance needs are denied: ${missing.map(ruleText).join('; ')}.`,
    evidence: [
      evidence('denied', 'SelfSubjectAccessReview: denied', missing.map(ruleText).join('\n')),
      ...forbiddenSeen(f),
      ...optionalNote,
    ],
    fix: [
      fix(
        'add-rules',
        'Add the missing rules to kubeglance’s ClusterRole (deploy/kubernetes), or use a kubeconfig user that has them.',
        {
          yaml: rulesYaml(missing, 'kubeglance'),
        },
      ),
    ],
  });
}
