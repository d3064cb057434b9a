import type { Problem, ProblemCode } from '@kubeglance/shared/api';
import type { PhraseParams } from '@kubeglance/shared/phrase';
import { describePermission, grantingRule, missingPermission } from './permission.js';
import { UpstreamError } from './upstream.js';

/**
 * Turns upstream failures into plain-language problems with the fix, so the UI never
 * shows a raw `ApiException` dump or an empty page. Wording follows what operators see
 * from `kubectl top` and metrics-server, with the usual remedy.
 */

type Source = 'metrics' | 'inventory';

interface Explanation {
  code: ProblemCode;
  message: string;
  hint: string;
  /** What `message` and `hint` name, for browsers that say them in another language. */
  params?: PhraseParams;
}

const METRICS_SERVER_CHECK =
  'Check `kubectl get apiservice v1beta1.metrics.k8s.io` and `kubectl -n kube-system logs deploy/metrics-server`.';

const RBAC_FILE = 'deploy/kubernetes/rbac.yaml';

/** A 403 names the exact permission missing and the rule that grants it. */
function explainForbidden(e: UpstreamError, source: Source): Explanation {
  const code = source === 'metrics' ? 'metrics-forbidden' : 'inventory-forbidden';
  const p = missingPermission(e);
  if (!p) {
    const what =
      source === 'metrics' ? 'Reading metrics.k8s.io' : 'Reading nodes, pods or namespaces';
    return {
      code,
      message: `${what} is forbidden (403)${e.statusMessage ? `: ${e.statusMessage}` : ''}.`,
      hint: `Grant kubeglance the rules of ${RBAC_FILE}, or use a kubeconfig user that has them.`,
    };
  }
  const anonymous = p.user === 'system:anonymous';
  const resource = p.group ? `${p.resource}.${p.group}` : p.resource;
  return {
    code,
    // `namespace` is empty at the cluster scope; `rule` is what the hint tells to add.
    params: { user: p.user, verb: p.verb, resource, namespace: p.namespace, rule: grantingRule(p) },
    message: `Forbidden (403): User "${p.user}" may not ${describePermission(p)}.`,
    hint: anonymous
      ? 'The request arrived without an identity: the credentials were not accepted as a user, or the aggregation layer forwarded it anonymously (API server --requestheader-* flags).'
      : `Add the rule ${grantingRule(p)} to the ClusterRole kubeglance runs with (${RBAC_FILE}), or use a kubeconfig user that has it.`,
  };
}

function explainHttp(e: UpstreamError, source: Source): Explanation {
  const status = e.status ?? 0;
  if (status === 401) {
    return {
      code: 'unauthorized',
      message: 'The API server rejected kubeglance’s credentials (401 Unauthorized).',
      hint: 'Refresh the token in the kubeconfig (or the service-account token): kubeglance re-reads a changed kubeconfig file within seconds and reconnects, no restart needed.',
    };
  }
  if (status === 403) return explainForbidden(e, source);
  if (status === 429) {
    return {
      code: 'throttled',
      message: 'The API server is throttling requests (429 Too Many Requests).',
      hint: `kubeglance backs off and retries${e.retryAfterSeconds ? ` after ${e.retryAfterSeconds}s` : ''}; check API priority and fairness if it persists.`,
    };
  }
  if (source === 'metrics' && status === 404) {
    return {
      code: 'metrics-api-missing',
      message:
        'The metrics API (metrics.k8s.io) is not registered: metrics-server is not installed.',
      hint: 'Install metrics-server (kubectl apply -f its release manifest components.yaml, from kubernetes-sigs/metrics-server), then wait a minute for the first scrape.',
    };
  }
  if (source === 'metrics' && status === 503) {
    // The aggregator answers in plain text (`service unavailable`, `error trying to reach
    // service: …`); a Status object says the generic sentence. Quote what it said.
    const said =
      e.statusMessage?.split('\n')[0]?.trim() ||
      'the server is currently unable to handle the request';
    return {
      code: 'metrics-api-unavailable',
      message: `The metrics API is unavailable (503: ${said}).`,
      hint: `metrics-server is down or unreachable from the API server (aggregation layer not enabled, or its pod not ready). ${METRICS_SERVER_CHECK}`,
    };
  }
  return {
    code: 'upstream-error',
    message: `The API server answered ${status}${e.statusMessage ? `: ${e.statusMessage}` : ''}.`,
    hint: source === 'metrics' ? METRICS_SERVER_CHECK : 'Check the API server’s health.',
  };
}

function explain(e: unknown, source: Source): Explanation {
  if (!(e instanceof UpstreamError)) {
    return {
      code: 'upstream-error',
      message: `Unexpected response from the API server: ${e instanceof Error ? e.message : String(e)}`,
      hint: 'See the kubeglance log for details.',
    };
  }
  switch (e.kind) {
    case 'http':
      return explainHttp(e, source);
    case 'timeout':
      return {
        code: 'upstream-timeout',
        message: `The API server did not answer in time (${e.path}).`,
        hint: 'The cluster may be overloaded; kubeglance keeps the last data and retries.',
      };
    case 'tls':
      return {
        code: 'apiserver-unreachable',
        message: `TLS handshake with the API server failed (${e.message}).`,
        hint: 'Check certificate-authority-data and the server URL in the kubeconfig, or the in-cluster CA. kubeglance re-reads a changed kubeconfig file within seconds and reconnects with the new CA and credentials, no restart needed.',
      };
    case 'network':
      return {
        code: 'apiserver-unreachable',
        message: `Cannot reach the API server (${e.message}).`,
        hint: 'Check the server URL in the kubeconfig, the network path and that the API server is up.',
      };
    case 'parse':
      return {
        code: 'upstream-error',
        message: `The API server sent a response kubeglance could not read (${e.path}).`,
        hint: 'A proxy in front of the API server may be rewriting responses.',
      };
  }
}

/** A problem for an upstream failure; `sinceMs` is kept when the same code persists. */
export function problemFromError(
  e: unknown,
  source: Source,
  nowMs: number,
  previous?: Problem,
): Problem {
  const ex = explain(e, source);
  const detail =
    e instanceof UpstreamError
      ? `${e.path}: ${e.status ? `HTTP ${e.status} ` : ''}${e.reason ?? ''} ${e.statusMessage ?? e.message}`.trim()
      : undefined;
  const sinceMs = previous?.code === ex.code ? previous.sinceMs : nowMs;
  return detail === undefined ? { ...ex, sinceMs } : { ...ex, detail, sinceMs };
}

export function makeProblem(
  code: ProblemCode,
  message: string,
  hint: string,
  nowMs: number,
  previous?: Problem,
): Problem {
  return { code, message, hint, sinceMs: previous?.code === code ? previous.sinceMs : nowMs };
}
