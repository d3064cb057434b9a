import type { Problem, ProblemCode } from '@kubeglance/shared/api';
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
}

const METRICS_SERVER_CHECK =
  'Check `kubectl get apiservice v1beta1.metrics.k8s.io` and `kubectl -n kube-system logs deploy/metrics-server`.';

function explainHttp(e: UpstreamError, source: Source): Explanation {
  const status = e.status ?? 0;
  if (status === 401) {
    return {
      code: 'unauthorized',
      message: 'The API server rejected kubeglance’s credentials (401 Unauthorized).',
      hint: 'Refresh the token in the kubeconfig (or the service-account token): kubeglance re-reads a changed kubeconfig file within seconds and reconnects, no restart needed.',
    };
  }
  if (status === 403) {
    return source === 'metrics'
      ? {
          code: 'metrics-forbidden',
          message: `Reading metrics.k8s.io is forbidden (403)${e.statusMessage ? `: ${e.statusMessage}` : ''}.`,
          hint: 'Grant get/list on nodes and pods in API group metrics.k8s.io (see the ClusterRole in deploy/kubernetes/rbac.yaml), or use a kubeconfig user that has it.',
        }
      : {
          code: 'inventory-forbidden',
          message: `Listing nodes, pods or namespaces is forbidden (403)${e.statusMessage ? `: ${e.statusMessage}` : ''}.`,
          hint: 'Grant get/list/watch on nodes, pods and namespaces (see the ClusterRole in deploy/kubernetes/rbac.yaml).',
        };
  }
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
