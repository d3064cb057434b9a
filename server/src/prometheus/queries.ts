import type { HistoryScope } from '@kubeglance/shared/api';
import type { PrometheusLabels } from './options.js';

/**
 * Which series hold the kubelet's resource usage. `resource`: the kubelet's
 * `/metrics/resource` (node_/container_ …_usage_seconds_total, …_working_set_bytes; what
 * metrics-server reads, so the numbers agree). `cadvisor`: the fallback when only
 * `/metrics/cadvisor` is scraped (the same container metric names; the node is the root
 * cgroup `id="/"`, and pause/pod-level cgroups are excluded by `container!=""`/`"POD"`).
 */
export interface SeriesFlavor {
  kind: 'resource' | 'cadvisor';
  /** Matchers that pick this flavor's series (e.g. `metrics_path="/metrics/resource"`). */
  matchers: string[];
}

export interface ScopeKey {
  scope: HistoryScope;
  name?: string | undefined;
  namespace?: string | undefined;
  pod?: string | undefined;
}

const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Whether the scope is a node-level sum (node series) or a sum of container series. */
const nodeLevel = (scope: HistoryScope) => scope === 'cluster' || scope === 'node';

function selector(flavor: SeriesFlavor, labels: PrometheusLabels, key: ScopeKey): string[] {
  const m = [...flavor.matchers];
  if (nodeLevel(key.scope)) {
    if (flavor.kind === 'cadvisor') m.push('id="/"');
    if (key.scope === 'node') m.push(`${labels.node}=${quote(key.name ?? '')}`);
    return m;
  }
  if (flavor.kind === 'cadvisor') m.push(`${labels.container}!=""`, `${labels.container}!="POD"`);
  m.push(`${labels.namespace}=${quote(key.namespace ?? '')}`);
  if (key.scope === 'pod' || key.scope === 'container')
    m.push(`${labels.pod}=${quote(key.pod ?? '')}`);
  if (key.scope === 'container') m.push(`${labels.container}=${quote(key.name ?? '')}`);
  return m;
}

function metricName(flavor: SeriesFlavor, scope: HistoryScope, what: 'cpu' | 'memory'): string {
  const prefix = nodeLevel(scope) && flavor.kind === 'resource' ? 'node' : 'container';
  return what === 'cpu'
    ? `${prefix}_cpu_usage_seconds_total`
    : `${prefix}_memory_working_set_bytes`;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)}s`;

/**
 * CPU in cores averaged over each window ending at a point: the mean of what metrics-server
 * reported in that window (its value is the same counter's rate over one scrape interval).
 */
export function cpuQuery(
  flavor: SeriesFlavor,
  labels: PrometheusLabels,
  key: ScopeKey,
  windowMs: number,
): string {
  const sel = selector(flavor, labels, key).join(',');
  return `sum(rate(${metricName(flavor, key.scope, 'cpu')}{${sel}}[${seconds(windowMs)}]))`;
}

/** Working-set bytes averaged over the same windows as CPU (one meaning for both charts). */
export function memoryQuery(
  flavor: SeriesFlavor,
  labels: PrometheusLabels,
  key: ScopeKey,
  windowMs: number,
): string {
  const sel = selector(flavor, labels, key).join(',');
  return `sum(avg_over_time(${metricName(flavor, key.scope, 'memory')}{${sel}}[${seconds(windowMs)}]))`;
}

/**
 * The sum of kube-state-metrics' container requests or limits in a scope, averaged over the
 * window (`kube_pod_container_resource_requests|limits`, v2 labels: `resource`, `unit`; the
 * pod's node in `node`). Empty when kube-state-metrics is not scraped.
 */
export function allocationQuery(
  labels: PrometheusLabels,
  key: ScopeKey,
  kind: 'requests' | 'limits',
  what: 'cpu' | 'memory',
  windowMs: number,
): string {
  const m = [`resource="${what}"`, `unit="${what === 'cpu' ? 'core' : 'byte'}"`];
  if (key.scope === 'node') m.push(`${labels.node}=${quote(key.name ?? '')}`);
  if (!nodeLevel(key.scope)) m.push(`${labels.namespace}=${quote(key.namespace ?? '')}`);
  if (key.scope === 'pod' || key.scope === 'container')
    m.push(`${labels.pod}=${quote(key.pod ?? '')}`);
  if (key.scope === 'container') m.push(`${labels.container}=${quote(key.name ?? '')}`);
  const metric = `kube_pod_container_resource_${kind}`;
  return `sum(avg_over_time(${metric}{${m.join(',')}}[${seconds(windowMs)}]))`;
}

/**
 * Cluster coverage per point: how many nodes the CPU sum at that point includes (node series
 * with a rate in the window), and how many nodes were known then (node series with any sample
 * in `lookbackMs` before the point). A node that stops reporting stays "known" for the
 * lookback, so its absence marks the sum partial instead of reading as a drop in usage.
 */
export function coverageQueries(
  flavor: SeriesFlavor,
  labels: PrometheusLabels,
  windowMs: number,
  lookbackMs: number,
): { reporting: string; total: string } {
  const key: ScopeKey = { scope: 'cluster' };
  const sel = selector(flavor, labels, key).join(',');
  const cpu = metricName(flavor, 'cluster', 'cpu');
  return {
    reporting: `count(rate(${cpu}{${sel}}[${seconds(windowMs)}]))`,
    total: `count(max_over_time(${cpu}{${sel}}[${seconds(lookbackMs)}]))`,
  };
}

/** How far back a node counts as known: three windows, at least an hour. */
export function coverageLookback(windowMs: number): number {
  return Math.max(3 * windowMs, 3_600_000);
}

/**
 * Picks the flavor from what the store holds: the label sets of `node_cpu_usage_seconds_total`
 * (resource) or of cAdvisor's root cgroup (fallback). When every series carries a
 * `metrics_path` label (kube-prometheus-stack and our scrape config add it), it is matched too,
 * so resource and cAdvisor series of the same name are never summed together.
 */
export function flavorFrom(
  resource: Record<string, string>[],
  cadvisor: Record<string, string>[],
): SeriesFlavor {
  const kind = resource.length > 0 || cadvisor.length === 0 ? 'resource' : 'cadvisor';
  const sets = kind === 'resource' ? resource : cadvisor;
  const path = sets[0]?.metrics_path;
  const uniform = path !== undefined && sets.every((s) => s.metrics_path === path);
  return { kind, matchers: uniform ? [`metrics_path=${quote(path)}`] : [] };
}

/** Step ladder: the smallest one that keeps a range at or under ~1,000 points. */
const STEPS_S = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
export const MAX_POINTS = 1000;

export function stepFor(rangeMs: number): number {
  const wanted = rangeMs / MAX_POINTS / 1000;
  return 1000 * (STEPS_S.find((s) => s >= wanted) ?? STEPS_S[STEPS_S.length - 1]!);
}

/** The rate window for a step: the step itself, but at least 4 scrape intervals. */
export function windowFor(stepMs: number, scrapeIntervalMs: number): number {
  return Math.max(stepMs, 4 * scrapeIntervalMs);
}
