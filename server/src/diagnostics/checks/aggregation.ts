import type { DiagnosticCheck, Evidence } from '@kubeglance/shared/api';
import { denied } from '../access.js';
import type { Facts } from '../facts.js';
import { evidence, fix } from '../phrase.js';
import { CONFIGMAP_RULE, ruleText } from '../rules.js';
import { notAllowed, notChecked, readFailure, result } from './common.js';

const REQUESTHEADER_KEY = 'requestheader-client-ca-file';
const METRICS_LIST = { verb: 'list', group: 'metrics.k8s.io', resource: 'nodes' };

const KUBEADM_FLAGS = `# /etc/kubernetes/manifests/kube-apiserver.yaml (kubeadm), under the kube-apiserver command:
- --requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt
- --requestheader-allowed-names=front-proxy-client
- --requestheader-extra-headers-prefix=X-Remote-Extra-
- --requestheader-group-headers=X-Remote-Group
- --requestheader-username-headers=X-Remote-User
- --proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt
- --proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key
# only when the control plane cannot reach Service IPs (no kube-proxy there):
- --enable-aggregator-routing=true
`;

/** The remedies for an apiserver started without the aggregation layer, per distribution. */
export const AGGREGATION_FIXES = [
  fix(
    'aggregation-kubeadm',
    'kubeadm: add the front-proxy flags to the kube-apiserver static pod manifest; the kubelet restarts it.',
    { yaml: KUBEADM_FLAGS },
  ),
  fix(
    'aggregation-k3s',
    'k3s: the aggregation layer is on by default; remove any --kube-apiserver-arg that overrides requestheader or proxy-client flags, then restart k3s.',
    { command: 'sudo systemctl restart k3s' },
  ),
  fix(
    'aggregation-managed',
    'Managed clusters (EKS, GKE, AKS): the provider configures the aggregation layer; open a support case if the ConfigMap lacks requestheader keys.',
  ),
];

function configMapEvidence(f: Facts): Evidence[] {
  const c = f.configMapKeys;
  if (c.kind === 'ok') {
    return [
      evidence(
        'configmap-keys',
        'kube-system/extension-apiserver-authentication keys',
        c.value.join('\n'),
      ),
    ];
  }
  if (c.kind === 'denied')
    return [evidence('missing-rule', 'ConfigMap not readable; missing RBAC rule', c.rule)];
  return readFailure('kube-system/extension-apiserver-authentication', c);
}

/** Link 3: does the apiserver authenticate requests it proxies to metrics-server? */
export function checkAggregation(f: Facts): DiagnosticCheck {
  const m = f.metrics;
  const c = f.configMapKeys;
  const keyMissing = c.kind === 'ok' && !c.value.includes(REQUESTHEADER_KEY);
  const anonymous = m.kind === 'denied' && /system:anonymous/.test(m.message ?? '');
  const rbacDenies = denied(f.access, METRICS_LIST);
  if ((anonymous && !rbacDenies) || keyMissing) {
    return result('aggregation', {
      status: 'fail',
      code: 'off',
      text: 'The API server’s aggregation layer is not configured: metrics-server sees requests as system:anonymous.',
      evidence: [
        ...(m.kind === 'denied'
          ? [evidence('metrics-403', `${f.metricsRequest} → 403`, m.message ?? m.rule)]
          : []),
        ...(anonymous
          ? [
              evidence(
                'ssar-allowed',
                'SelfSubjectAccessReview',
                `${ruleText(METRICS_LIST)}: allowed`,
              ),
            ]
          : []),
        ...configMapEvidence(f),
        ...(keyMissing ? [evidence('key-missing', 'Missing key', REQUESTHEADER_KEY)] : []),
      ],
      fix: AGGREGATION_FIXES,
    });
  }
  if (m.kind === 'denied' && rbacDenies) return notChecked('aggregation', 'rbac');
  if (m.kind === 'ok') {
    return result('aggregation', {
      status: 'ok',
      code: 'ok',
      text: 'Requests reach metrics-server authenticated through the aggregation layer.',
      evidence: configMapEvidence(f),
    });
  }
  if (c.kind === 'ok') {
    return result('aggregation', {
      status: 'ok',
      code: 'configured',
      text: `The aggregation layer is configured (${REQUESTHEADER_KEY} is published).`,
      evidence: configMapEvidence(f),
    });
  }
  if (c.kind === 'denied')
    return notAllowed(
      'aggregation',
      'the ConfigMap kube-system/extension-apiserver-authentication',
      ruleText(CONFIGMAP_RULE),
    );
  return result('aggregation', {
    status: 'unknown',
    code: 'unreadable',
    text: 'Cannot tell: the ConfigMap kube-system/extension-apiserver-authentication could not be read.',
    evidence: configMapEvidence(f),
  });
}
