import type {
  CheckStatus,
  DiagnosticCheck,
  DiagnosticCheckId,
  Evidence,
  Fix,
} from '@kubeglance/shared/api';
import type { PhraseParams } from '@kubeglance/shared/phrase';
import type { Read } from '../reads.js';
import { evidence, phrase } from '../phrase.js';

/** English titles of the links, in chain order. */
export const TITLES: Record<DiagnosticCheckId, string> = {
  apiserver: 'API server',
  rbac: 'RBAC for kubeglance',
  aggregation: 'Aggregation layer',
  apiservice: 'APIService v1beta1.metrics.k8s.io',
  warmup: 'metrics-server pod and warm-up',
  'kubelet-scrape': 'Kubelet scrape',
  freshness: 'Freshness',
  pods: 'Pods with metrics',
  prometheus: 'Prometheus (long-range history)',
};

const DOCS = 'docs/troubleshooting.md';

export interface CheckInput {
  status: CheckStatus;
  code: string;
  params?: PhraseParams;
  text: string;
  evidence?: Evidence[];
  fix?: Fix[];
  missingRule?: string;
}

export function result(id: DiagnosticCheckId, input: CheckInput): DiagnosticCheck {
  return {
    id,
    status: input.status,
    title: TITLES[id],
    summary: phrase(`${id}.${input.code}`, input.params ?? {}, input.text),
    evidence: input.evidence ?? [],
    fix: input.fix ?? [],
    docs: `${DOCS}#${id}`,
    ...(input.missingRule ? { missingRule: input.missingRule } : {}),
  };
}

/** `unknown` because a read was not allowed: names the rule that would show it. */
export function notAllowed(
  id: DiagnosticCheckId,
  what: string,
  rule: string,
  params: PhraseParams = {},
): DiagnosticCheck {
  return result(id, {
    status: 'unknown',
    // `what` is English: translations say it per link (`<link>.not-allowed`) and take the rule.
    code: 'not-allowed',
    params: { ...params, rule },
    text: `Cannot tell: kubeglance may not read ${what}. The rule "${rule}" (the optional kube-system Role in deploy/) would show it.`,
    evidence: [evidence('missing-rule', 'Missing RBAC rule', rule)],
    missingRule: rule,
  });
}

/** `unknown` because a link further out is broken. */
export function notChecked(id: DiagnosticCheckId, because: DiagnosticCheckId): DiagnosticCheck {
  return result(id, {
    status: 'unknown',
    code: 'not-checked',
    params: { because },
    text: `Not checked: the ${TITLES[because]} link must work first.`,
  });
}

/** The evidence line for a read that failed for another reason than RBAC. */
export function readFailure(label: string, r: Read<unknown>): Evidence[] {
  if (r.kind === 'ok') return [];
  if (r.kind === 'denied')
    return [evidence('forbidden', label, `403 Forbidden: ${r.message ?? r.rule}`)];
  return [evidence('read-failed', label, `${r.status ? `HTTP ${r.status}: ` : ''}${r.message}`)];
}
