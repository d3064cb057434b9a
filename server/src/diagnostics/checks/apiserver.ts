import type { DiagnosticCheck } from '@kubeglance/shared/api';
import { UpstreamError } from '../../kube/upstream.js';
import type { Facts } from '../facts.js';
import { evidence, fix } from '../phrase.js';
import { result } from './common.js';

/** Link 1: can kubeglance reach and authenticate to the API server at all? */
export function checkApiserver(f: Facts): DiagnosticCheck {
  const v = f.version;
  if (v.kind === 'ok') {
    return result('apiserver', {
      status: 'ok',
      code: 'ok',
      params: { version: v.value },
      text: `The API server answers (${v.value}).`,
      evidence: [evidence('version', 'GET /version', v.value)],
    });
  }
  const e = v.kind === 'error' ? v.error : undefined;
  const seen = evidence('error', 'GET /version', v.kind === 'error' ? v.error.message : 'HTTP 403');
  if (e instanceof UpstreamError && e.status === 401) {
    return result('apiserver', {
      status: 'fail',
      code: 'unauthorized',
      text: 'The API server rejects kubeglance’s credentials (401 Unauthorized).',
      evidence: [seen],
      fix: [
        fix(
          'refresh-token',
          'Refresh the token in the kubeconfig (it may have expired), or the service-account token; kubeglance re-reads a changed kubeconfig within seconds.',
          {
            command: 'kubectl config view --minify -o jsonpath="{.users[0].user}"',
          },
        ),
      ],
    });
  }
  if (e instanceof UpstreamError && e.kind === 'tls') {
    return result('apiserver', {
      status: 'fail',
      code: 'tls',
      text: 'The API server’s certificate is not trusted (TLS handshake failed).',
      evidence: [seen],
      fix: [
        fix(
          'ca',
          'Set certificate-authority-data in the kubeconfig to the cluster CA (or the in-cluster ca.crt).',
        ),
      ],
    });
  }
  if (e instanceof UpstreamError && (e.kind === 'network' || e.kind === 'timeout')) {
    return result('apiserver', {
      status: 'fail',
      code: 'unreachable',
      text: 'The API server cannot be reached.',
      evidence: [seen],
      fix: [
        fix(
          'server-url',
          'Check the server URL in the kubeconfig, the network path (VPN, firewall) and that the API server is up.',
          {
            command: 'kubectl cluster-info',
          },
        ),
      ],
    });
  }
  return result('apiserver', {
    status: 'fail',
    code: 'error',
    text: 'The API server answered /version with an error.',
    evidence: [seen],
    fix: [
      fix('apiserver-health', 'Check the API server’s health.', {
        command: 'kubectl get --raw /readyz?verbose',
      }),
    ],
  });
}
