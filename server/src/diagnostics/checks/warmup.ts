import type { DiagnosticCheck } from '@kubeglance/shared/api';
import type { Facts } from '../facts.js';
import { evidence, fix } from '../phrase.js';
import { notChecked, readFailure, result } from './common.js';

/** metrics-server's default `--metric-resolution`. */
const DEFAULT_RESOLUTION_S = 15;
/** Readiness probe delay and scheduling slack on top of the two scrapes. */
const GRACE_MS = 30_000;

/** `--metric-resolution` from the Deployment's args, when readable. */
export function metricResolutionSeconds(f: Facts): { seconds: number; known: boolean } {
  if (f.deploymentArgs.kind !== 'ok') return { seconds: DEFAULT_RESOLUTION_S, known: false };
  const arg = f.deploymentArgs.value.find((a) => a.startsWith('--metric-resolution='));
  const m = arg ? /^--metric-resolution=(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(arg) : null;
  if (!m) return { seconds: DEFAULT_RESOLUTION_S, known: f.deploymentArgs.kind === 'ok' };
  const factor = { ms: 0.001, s: 1, m: 60 }[(m[2] ?? 's') as 'ms' | 's' | 'm'];
  return { seconds: Number(m[1]) * factor, known: true };
}

/** Link 5: is the metrics-server pod ready, or still within its first two scrapes? */
export function checkWarmup(f: Facts): DiagnosticCheck {
  if (f.apiService.kind === 'ok' && f.apiService.value === null)
    return notChecked('warmup', 'apiservice');
  const p = f.pods;
  if (p.kind !== 'ok') {
    return result('warmup', {
      status: 'unknown',
      code: 'unreadable',
      text: 'Cannot tell: the metrics-server pods in kube-system could not be listed.',
      evidence: readFailure('GET pods -n kube-system -l k8s-app=metrics-server', p),
      ...(p.kind === 'denied' ? { missingRule: p.rule } : {}),
    });
  }
  const pod = p.value[0];
  if (!pod) {
    return result('warmup', {
      status: 'unknown',
      code: 'no-pod',
      text: 'No pod labelled k8s-app=metrics-server in kube-system (a Helm install labels app.kubernetes.io/name=metrics-server).',
    });
  }
  const { seconds, known } = metricResolutionSeconds(f);
  const expectMs = 2 * seconds * 1000;
  const podEvidence = evidence(
    'pod',
    'metrics-server pod',
    `${pod.name} phase=${pod.phase} ready=${pod.ready}${pod.startedMs ? ` started=${new Date(pod.startedMs).toISOString()}` : ''}${pod.notReadyWhy ? `\n${pod.notReadyWhy}` : ''}`,
  );
  const resolutionEvidence = known
    ? evidence('resolution', '--metric-resolution', `${seconds}s`)
    : evidence('resolution-assumed', '--metric-resolution (assumed default)', `${seconds}s`);
  if (pod.ready) {
    return result('warmup', {
      status: 'ok',
      code: 'ready',
      params: { pod: pod.name },
      text: `metrics-server (${pod.name}) is ready.`,
      evidence: [podEvidence],
    });
  }
  const ageMs = pod.startedMs === null ? null : f.nowMs - pod.startedMs;
  if (ageMs !== null && ageMs < expectMs + GRACE_MS) {
    const left = Math.max(0, Math.ceil((expectMs - ageMs) / 1000));
    return result('warmup', {
      status: 'warn',
      code: 'warming',
      params: { seconds: left, expected: Math.round(expectMs / 1000) },
      text: `metrics-server started ${Math.round(ageMs / 1000)} s ago and is warming up: it answers after two scrapes (about ${Math.round(expectMs / 1000)} s), ${left} s to go.`,
      evidence: [podEvidence, resolutionEvidence],
      fix: [
        fix('wait', 'Wait; nothing to do. If it is not ready after a minute, read its log.', {
          command: 'kubectl -n kube-system logs deploy/metrics-server',
        }),
      ],
    });
  }
  const tail = f.log?.kind === 'ok' ? f.log.value.trimEnd().split('\n').slice(-5).join('\n') : null;
  return result('warmup', {
    status: 'fail',
    code: 'not-ready',
    params: { pod: pod.name },
    text: `The metrics-server pod ${pod.name} is not ready.`,
    evidence: [podEvidence, ...(tail ? [evidence('log-tail', 'Last log lines', tail)] : [])],
    fix: [
      fix('pod-status', 'See why it is not ready (events, readiness probe, image pulls).', {
        command: 'kubectl -n kube-system describe pod -l k8s-app=metrics-server',
      }),
      fix('pod-logs', 'Read its log.', {
        command: 'kubectl -n kube-system logs deploy/metrics-server',
      }),
    ],
  });
}
