import type { DiagnosticCheck, Fix } from '@kubeglance/shared/api';
import type { Facts } from '../facts.js';
import { evidence, fix } from '../phrase.js';
import { REQUIRED_RULES, ruleText } from '../rules.js';
import { notAllowed, readFailure, result } from './common.js';

export const INSTALL_COMMAND =
  'kubectl apply -f https://github.com/kubernetes-sigs/metrics-server/releases/latest/download/components.yaml';

const POD_COMMANDS = [
  fix(
    'pod-status',
    'See why the metrics-server pod is not ready (events, readiness probe, image pulls).',
    {
      command: 'kubectl -n kube-system describe pod -l k8s-app=metrics-server',
    },
  ),
  fix('pod-logs', 'Read its log.', {
    command: 'kubectl -n kube-system logs deploy/metrics-server',
  }),
];

const NETWORK_FIXES: Fix[] = [
  fix(
    'network-firewall',
    'The API server cannot reach the metrics-server pod: allow traffic from the control-plane nodes to the pod network on port 10250 (firewall, security groups; an iptables FORWARD policy of DROP on the control-plane node).',
    {
      command: 'sudo iptables -P FORWARD ACCEPT',
    },
  ),
  fix(
    'network-hostnetwork',
    'Or run metrics-server with hostNetwork: true, so the API server reaches it on the node’s address.',
    {
      command: `kubectl -n kube-system patch deployment metrics-server --type=json -p '[{"op":"add","path":"/spec/template/spec/hostNetwork","value":true}]'`,
    },
  ),
  fix(
    'network-aggregator-routing',
    'When the control plane cannot route to Service IPs (no kube-proxy there), start kube-apiserver with --enable-aggregator-routing=true.',
  ),
];

function fixesFor(reason: string, message: string): { code: string; text: string; fix: Fix[] } {
  if (reason === 'MissingEndpoints') {
    return {
      code: 'missing-endpoints',
      text: 'The metrics-server Service has no ready endpoint: its pod is not ready.',
      fix: POD_COMMANDS,
    };
  }
  if (reason === 'ServiceNotFound') {
    return {
      code: 'service-not-found',
      text: 'The APIService points at a metrics-server Service that does not exist.',
      fix: [
        fix('reinstall', 'Reinstall metrics-server (its manifest creates the Service).', {
          command: INSTALL_COMMAND,
        }),
      ],
    };
  }
  if (reason === 'FailedDiscoveryCheck' && /timeout|deadline exceeded/i.test(message)) {
    return {
      code: 'timeout',
      text: 'The API server cannot reach metrics-server (i/o timeout).',
      fix: NETWORK_FIXES,
    };
  }
  return {
    code: 'discovery-failed',
    text: `The API server’s discovery request to metrics-server fails (${reason}).`,
    fix: [...POD_COMMANDS, ...NETWORK_FIXES],
  };
}

/** Link 4: is the metrics APIService registered and Available? */
export function checkApiService(f: Facts): DiagnosticCheck {
  const a = f.apiService;
  const name = `${f.pipeline.metricsApiVersion}.metrics.k8s.io`;
  if (a.kind === 'denied')
    return notAllowed('apiservice', `the APIService ${name}`, ruleText(REQUIRED_RULES.at(-1)!), {
      name,
    });
  if (a.kind === 'error') {
    return result('apiservice', {
      status: 'unknown',
      code: 'unreadable',
      text: 'Cannot tell: the APIService could not be read.',
      evidence: readFailure(`GET apiservices/${name}`, a),
    });
  }
  const condition = a.value;
  if (condition === null) {
    return result('apiservice', {
      status: 'fail',
      code: 'missing',
      text: 'The metrics API is not registered: metrics-server is not installed.',
      evidence: [
        evidence('apiservice-404', `GET apiservices/${name}`, '404 NotFound'),
        ...readFailure(f.metricsRequest, f.metrics),
      ],
      fix: [
        fix('install', 'Install metrics-server, then allow a minute for its first scrapes.', {
          command: INSTALL_COMMAND,
        }),
      ],
    });
  }
  const verbatim = evidence(
    'condition',
    'Available condition',
    `status=${condition.status} reason=${condition.reason ?? ''}\n${condition.message ?? ''}`,
  );
  if (condition.status === 'True') {
    return result('apiservice', {
      status: 'ok',
      code: 'ok',
      text: 'The APIService is Available.',
      evidence: [verbatim],
    });
  }
  const reason = condition.reason ?? 'Unknown';
  const what = fixesFor(reason, condition.message ?? '');
  return result('apiservice', {
    status: 'fail',
    code: what.code,
    params: { reason },
    text: what.text,
    evidence: [verbatim, ...readFailure(f.metricsRequest, f.metrics)],
    fix: what.fix,
  });
}
