import type { DiagnosticCheck, Evidence, Fix } from '@kubeglance/shared/api';
import type { Facts } from '../facts.js';
import { englishNames, evidence, fix, listNames } from '../phrase.js';
import { LOGS_RULE, ruleText } from '../rules.js';
import { notAllowed, notChecked, result } from './common.js';
import { scrapeFailures, type ScrapeCause, type ScrapeFailure } from './scrapeLog.js';

const patchArg = (arg: string): string =>
  `kubectl -n kube-system patch deployment metrics-server --type=json -p '[{"op":"add","path":"/spec/template/spec/containers/0/args/-","value":"${arg}"}]'`;

const SERVER_TLS_BOOTSTRAP = `# KubeletConfiguration on every node (kubeadm: kubectl -n kube-system edit cm kubelet-config), then restart the kubelets
apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
serverTLSBootstrap: true
`;

const FIXES: Record<ScrapeCause, Fix[]> = {
  x509: [
    fix(
      'kubelet-signed-certs',
      'Preferred: give the kubelets serving certificates signed by the cluster CA (serverTLSBootstrap), then approve their CSRs.',
      {
        yaml: SERVER_TLS_BOOTSTRAP,
        command: 'kubectl get csr && kubectl certificate approve <csr-name>',
      },
    ),
    fix(
      'kubelet-insecure-tls',
      'Or run metrics-server with --kubelet-insecure-tls. Risk: it then accepts any certificate on port 10250, so whoever can intercept that traffic can feed it false metrics. Acceptable in a lab, not in production.',
      { command: patchArg('--kubelet-insecure-tls') },
    ),
  ],
  address: [
    fix(
      'address-types',
      'metrics-server uses an address the nodes cannot be reached at: prefer their InternalIP.',
      { command: patchArg('--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname') },
    ),
  ],
  port: [
    fix(
      'open-10250',
      'Allow metrics-server’s pod network to reach every node on TCP 10250 (the kubelet’s port): firewall, security groups, network policies.',
    ),
  ],
  other: [
    fix('read-log', 'Read metrics-server’s log for the scrape error.', {
      command: 'kubectl -n kube-system logs deploy/metrics-server',
    }),
  ],
};

function fixesFor(failures: readonly ScrapeFailure[]): Fix[] {
  const causes = [...new Set(failures.map((x) => x.cause))];
  return (causes.length ? causes : (['x509', 'address', 'port'] as ScrapeCause[])).flatMap(
    (c) => FIXES[c],
  );
}

function argsEvidence(f: Facts): Evidence[] {
  if (f.deploymentArgs.kind !== 'ok') return [];
  const relevant = f.deploymentArgs.value.filter((a) => /^--kubelet-/.test(a));
  // None set: the label says so in words; the value is the flag pattern looked for.
  return relevant.length > 0
    ? [evidence('args', 'metrics-server kubelet args', relevant.join('\n'))]
    : [evidence('args-none', 'metrics-server kubelet args: none set', '--kubelet-*')];
}

function logEvidence(failures: readonly ScrapeFailure[]): Evidence[] {
  if (failures.length === 0) return [];
  return [
    evidence(
      'scrape-errors',
      'metrics-server log',
      failures
        .slice(0, 5)
        .map((x) => x.line)
        .join('\n'),
    ),
  ];
}

/** Link 6: does metrics-server scrape every kubelet? */
export function checkKubeletScrape(f: Facts): DiagnosticCheck {
  if (!f.pipeline.status.inventorySynced) {
    return result('kubelet-scrape', {
      status: 'unknown',
      code: 'not-synced',
      text: 'Not checked yet: the node list is still loading.',
    });
  }
  const readyNodes = [...f.pipeline.inventory.nodes.values()]
    .filter((n) => n.ready)
    .map((n) => n.name)
    .sort();
  const failures = f.log?.kind === 'ok' ? scrapeFailures(f.log.value) : [];
  const logMissing: Evidence[] =
    f.log?.kind === 'denied'
      ? [evidence('missing-rule', 'metrics-server log not readable; missing RBAC rule', f.log.rule)]
      : [];
  if (f.metrics.kind === 'ok') {
    const have = f.metrics.value.timestamps;
    const missing = readyNodes.filter((n) => !have.has(n));
    if (missing.length === 0) {
      return result('kubelet-scrape', {
        status: 'ok',
        code: 'ok',
        params: { nodes: readyNodes.length },
        text: `Every ready node (${readyNodes.length}) has metrics.`,
        evidence: argsEvidence(f),
      });
    }
    const relevant = failures.filter((x) => missing.includes(x.node));
    return result('kubelet-scrape', {
      status: 'fail',
      code: 'some-missing',
      params: { missing: missing.length, nodes: readyNodes.length, names: listNames(missing) },
      text: `${missing.length} of ${readyNodes.length} nodes have no metrics (${englishNames(listNames(missing))}): metrics-server cannot scrape their kubelets.`,
      evidence: [
        evidence('missing-nodes', 'Nodes absent from NodeMetrics', missing.join('\n')),
        ...logEvidence(relevant),
        ...logMissing,
        ...argsEvidence(f),
      ],
      fix: fixesFor(relevant),
      ...(f.log?.kind === 'denied' ? { missingRule: f.log.rule } : {}),
    });
  }
  if (f.log === null) return notChecked('kubelet-scrape', 'warmup');
  if (f.log.kind === 'denied')
    return notAllowed('kubelet-scrape', 'metrics-server’s log', ruleText(LOGS_RULE));
  if (f.log.kind === 'error') {
    return result('kubelet-scrape', {
      status: 'unknown',
      code: 'unreadable',
      text: 'Cannot tell: metrics-server’s log could not be read.',
      evidence: [evidence('read-failed', 'metrics-server log', f.log.message)],
    });
  }
  if (failures.length === 0) {
    return result('kubelet-scrape', {
      status: 'ok',
      code: 'no-errors',
      text: 'metrics-server’s log shows no kubelet scrape errors.',
      evidence: argsEvidence(f),
    });
  }
  const failing = new Set(failures.map((x) => x.node));
  const all = readyNodes.length > 0 && readyNodes.every((n) => failing.has(n));
  return result('kubelet-scrape', {
    status: 'fail',
    code: all ? 'all-failing' : 'some-failing',
    params: { failing: failing.size, nodes: readyNodes.length },
    text: all
      ? `metrics-server cannot scrape any kubelet (${failing.size} of ${readyNodes.length} nodes fail), so it has nothing to serve: 503 until this is fixed.`
      : `metrics-server fails to scrape ${failing.size} of ${readyNodes.length} nodes.`,
    evidence: [...logEvidence(failures), ...argsEvidence(f)],
    fix: fixesFor(failures),
  });
}
