/**
 * The Prometheus link (only with `--prometheus`): does the store answer, and does it hold the
 * kubelet series kubeglance reads for 6h…30d? Not part of the metrics chain (live data works
 * without it), so it is appended after the chain and named as failing only when the chain is
 * fine.
 */
import type { DiagnosticCheck, DiagnosticsReport, Evidence } from '@kubeglance/shared/api';
import { PrometheusError, type PrometheusClient } from '../../prometheus/client.js';
import type { PrometheusLabels } from '../../prometheus/options.js';
import { evidence, fix } from '../phrase.js';
import { result } from './common.js';

/** What the check needs of a cluster's Prometheus. */
export interface PrometheusProbeTarget {
  client: PrometheusClient;
  labels: PrometheusLabels;
}

const LOOKBACK_MS = 3_600_000;
const SCRAPE_CONFIG = 'deploy/prometheus/kubelet-resource.yml';

/** Series kubeglance reads, in the order it prefers them. */
/** Each family's evidence label code says its name in every language. */
const SERIES = [
  {
    code: 'prometheus-resource',
    name: 'kubelet /metrics/resource',
    match: 'node_cpu_usage_seconds_total',
  },
  {
    code: 'prometheus-cadvisor',
    name: 'cAdvisor (fallback)',
    match: 'container_cpu_usage_seconds_total{id="/"}',
  },
  {
    code: 'prometheus-ksm',
    name: 'kube-state-metrics requests (optional)',
    match: 'kube_pod_container_resource_requests',
  },
] as const;

function errorText(err: unknown): string {
  if (err instanceof PrometheusError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/** Probes the store (a `query`, then `series` of each family over the last hour). */
export async function checkPrometheus(
  target: PrometheusProbeTarget,
  nowMs: number,
): Promise<DiagnosticCheck> {
  const { client, labels } = target;
  const url = evidence('url', 'Prometheus URL', client.baseUrl);
  try {
    await client.query('vector(1)');
  } catch (err) {
    const status = err instanceof PrometheusError ? err.status : undefined;
    return result('prometheus', {
      status: 'fail',
      code: 'unreachable',
      params: { url: client.baseUrl },
      text: `Prometheus at ${client.baseUrl} does not answer: charts beyond the in-memory hour cannot be drawn.`,
      evidence: [
        url,
        status
          ? evidence('answer', `HTTP ${status}`, errorText(err), { status })
          : evidence('connection-error', 'Connection error', errorText(err)),
      ],
      fix: [
        fix(
          'reach',
          'Check that the URL is reachable from kubeglance and serves /api/v1/query (for kube-prometheus-stack: its Prometheus Service, port 9090), and the --prometheus-token-file / --prometheus-user / --prometheus-ca-file options.',
          { command: `curl -sS '${client.baseUrl}/api/v1/query?query=vector(1)'` },
        ),
      ],
    });
  }
  const counts: Evidence[] = [];
  const found: number[] = [];
  for (const s of SERIES) {
    const sets = await client.series(s.match, nowMs - LOOKBACK_MS, nowMs).catch(() => undefined);
    const nodes = new Set(sets?.map((x) => x[labels.node]).filter(Boolean));
    found.push(sets?.length ?? 0);
    // The counts are kubeglance's words, so they go in the label (translated); the value is
    // the series selector, verbatim.
    counts.push(
      sets === undefined
        ? evidence('prometheus-failed', `${s.name}: series query failed`, s.match, {
            family: s.code,
          })
        : evidence(
            s.code,
            `${s.name}: ${sets.length} series in the last hour${s.code === 'prometheus-ksm' ? '' : `, ${nodes.size} nodes by label ${labels.node}`}`,
            s.match,
            { series: sets.length, nodes: nodes.size, label: labels.node },
          ),
    );
  }
  const [resource = 0, cadvisor = 0] = found;
  if (resource === 0 && cadvisor === 0) {
    return result('prometheus', {
      status: 'fail',
      code: 'no-kubelet-series',
      params: { url: client.baseUrl },
      text: `Prometheus answers but holds no kubelet CPU series from the last hour: long ranges stay empty.`,
      evidence: [url, ...counts],
      fix: [
        fix(
          'scrape',
          `Scrape every kubelet's /metrics/resource: add the job in ${SCRAPE_CONFIG} (with deploy/prometheus/rbac.yaml); kube-prometheus-stack scrapes it already.`,
          { command: `kubectl apply -f deploy/prometheus/rbac.yaml` },
        ),
        fix(
          'labels',
          'If the series exist under other label names, tell kubeglance which: --prometheus-node-label, --prometheus-namespace-label, --prometheus-pod-label, --prometheus-container-label.',
        ),
      ],
    });
  }
  return result('prometheus', {
    status: 'ok',
    code: 'ok',
    params: { url: client.baseUrl },
    text: `Prometheus at ${client.baseUrl} answers and holds the kubelet ${resource > 0 ? '/metrics/resource' : 'cAdvisor'} series.`,
    evidence: [url, ...counts],
  });
}

/** The report with the Prometheus check after the chain (failing link only if none other). */
export function withPrometheusCheck(
  report: DiagnosticsReport,
  check: DiagnosticCheck,
): DiagnosticsReport {
  const checks = [...report.checks, check];
  const status =
    report.status === 'failing' || check.status === 'fail'
      ? 'failing'
      : report.status === 'degraded' || check.status === 'warn'
        ? 'degraded'
        : 'ok';
  const chainFails = report.checks.some((c) => c.status === 'fail');
  const failing = chainFails
    ? report.failing
    : check.status === 'fail'
      ? check.id
      : (report.failing ?? (check.status === 'warn' ? check.id : null));
  return { ...report, status, failing, checks };
}
