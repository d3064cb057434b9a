/**
 * What an operator reads when metrics break, shaped like a kubeadm cluster with the
 * metrics-server release manifest (components.yaml, v0.7): the
 * `kube-system/extension-apiserver-authentication` ConfigMap the apiserver publishes, the
 * metrics-server Deployment with its args, and the container's klog lines.
 */
/** A Kubernetes object outside the core kinds the store holds. */
export type JsonObject = Record<string, unknown>;

export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2';

/** The args of the upstream manifest; `--kubelet-insecure-tls` is not among them. */
export function metricsServerArgs(resolutionMs: number): string[] {
  return [
    '--cert-dir=/tmp',
    '--secure-port=10250',
    '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
    '--kubelet-use-node-status-port',
    `--metric-resolution=${Math.max(1, Math.round(resolutionMs / 1000))}s`,
  ];
}

/** A placeholder certificate body: checks only look at which keys exist. */
const CA_PLACEHOLDER =
  '-----BEGIN CERTIFICATE-----\nMIIBsimulatedkubeglanceCA\n-----END CERTIFICATE-----\n';

/**
 * The ConfigMap kube-apiserver writes at start. Without `--requestheader-client-ca-file` (the
 * aggregation layer off) only `client-ca-file` is there.
 */
export function extensionAuthConfigMap(aggregationOn: boolean, created: string): JsonObject {
  const requestHeader = aggregationOn
    ? {
        'requestheader-allowed-names': '["front-proxy-client"]',
        'requestheader-client-ca-file': CA_PLACEHOLDER,
        'requestheader-extra-headers-prefix': '["X-Remote-Extra-"]',
        'requestheader-group-headers': '["X-Remote-Group"]',
        'requestheader-username-headers': '["X-Remote-User"]',
      }
    : {};
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'extension-apiserver-authentication',
      namespace: 'kube-system',
      uid: 'configmap-extension-apiserver-authentication',
      resourceVersion: '3',
      creationTimestamp: created,
    },
    data: { 'client-ca-file': CA_PLACEHOLDER, ...requestHeader },
  };
}

/** The metrics-server Deployment; `ready` is how many of its one replica are Ready. */
export function metricsServerDeployment(
  resolutionMs: number,
  ready: number,
  created: string,
): JsonObject {
  const labels = { 'k8s-app': 'metrics-server' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'metrics-server',
      namespace: 'kube-system',
      uid: 'deployment-metrics-server',
      resourceVersion: '4',
      generation: 1,
      creationTimestamp: created,
      labels,
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: 'metrics-server',
          priorityClassName: 'system-cluster-critical',
          containers: [
            {
              name: 'metrics-server',
              image: METRICS_SERVER_IMAGE,
              args: metricsServerArgs(resolutionMs),
              ports: [{ name: 'https', containerPort: 10250, protocol: 'TCP' }],
              readinessProbe: {
                httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' },
                initialDelaySeconds: 20,
                periodSeconds: 10,
                failureThreshold: 3,
              },
              resources: { requests: { cpu: '100m', memory: '200Mi' } },
            },
          ],
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas: 1,
      updatedReplicas: 1,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready === 0 ? { unavailableReplicas: 1 } : {}),
    },
  };
}

/** klog's header: `E1127 15:20:01.123456       1 file.go:123] `. */
function klog(level: 'I' | 'E', ms: number, where: string, text: string): string {
  const d = new Date(ms);
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
  const stamp =
    `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:` +
    `${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000`;
  return `${level}${stamp}       1 ${where}] ${text}`;
}

export interface LogInput {
  /** When the container started. */
  startedMs: number;
  nowMs: number;
  resolutionMs: number;
  /** Nodes whose scrape fails with the x509 error, with the address metrics-server uses. */
  x509: readonly { name: string; address: string }[];
  /** Whether the readiness probe fails (nothing stored yet). */
  unready: boolean;
  /** Only scrapes after this time are logged (the fault's start). */
  failingSinceMs: number;
}

/** At most this many scrape periods of errors are rendered (a real log rotates too). */
const MAX_PERIODS = 20;

/** The container log as `kubectl logs` prints it. */
export function metricsServerLog(input: LogInput): string {
  const { startedMs, nowMs, resolutionMs } = input;
  const lines = [
    klog(
      'I',
      startedMs,
      'serving.go:374',
      'Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)',
    ),
    klog(
      'I',
      startedMs + 400,
      'handler.go:275',
      'Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager',
    ),
    klog('I', startedMs + 600, 'secure_serving.go:213', 'Serving securely on [::]:10250'),
  ];
  const from = Math.max(startedMs + resolutionMs, input.failingSinceMs);
  const first = Math.max(
    Math.ceil(from / resolutionMs),
    Math.floor(nowMs / resolutionMs) - MAX_PERIODS,
  );
  for (let tick = first; tick * resolutionMs <= nowMs; tick++) {
    const at = tick * resolutionMs;
    input.x509.forEach(({ name, address }, i) => {
      const err =
        `Get \\"https://${address}:10250/metrics/resource\\": tls: failed to verify certificate: ` +
        `x509: cannot validate certificate for ${address} because it doesn't contain any IP SANs`;
      lines.push(
        klog('E', at + i, 'scraper.go:149', `"Failed to scrape node" err="${err}" node="${name}"`),
      );
    });
    if (input.unready) {
      lines.push(
        klog(
          'I',
          at + 500,
          'server.go:191',
          '"Failed probe" probe="metric-storage-ready" err="no metrics to serve"',
        ),
      );
    }
  }
  return lines.join('\n') + '\n';
}
