import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS, parsePrometheusTarget, prometheusUrlFor } from './options.js';
import {
  allocationQuery,
  coverageLookback,
  coverageQueries,
  cpuQuery,
  flavorFrom,
  memoryQuery,
  stepFor,
  windowFor,
} from './queries.js';

const resource = flavorFrom([{ __name__: 'x', metrics_path: '/metrics/resource', node: 'a' }], []);
const cadvisor = flavorFrom([], [{ __name__: 'x', metrics_path: '/metrics/cadvisor', id: '/' }]);

describe('coverage and kube-state-metrics', () => {
  it('counts nodes summed in the window against nodes seen in the lookback', () => {
    expect(coverageLookback(1_200_000)).toBe(3_600_000);
    expect(coverageLookback(3_600_000)).toBe(10_800_000);
    expect(coverageQueries(resource, DEFAULT_LABELS, 1_200_000, 3_600_000)).toEqual({
      reporting:
        'count(rate(node_cpu_usage_seconds_total{metrics_path="/metrics/resource"}[1200s]))',
      total:
        'count(max_over_time(node_cpu_usage_seconds_total{metrics_path="/metrics/resource"}[3600s]))',
    });
  });

  it('sums KSM v2 requests/limits by resource and unit in each scope', () => {
    expect(
      allocationQuery(DEFAULT_LABELS, { scope: 'node', name: 'n1' }, 'requests', 'cpu', 60_000),
    ).toBe(
      'sum(avg_over_time(kube_pod_container_resource_requests{resource="cpu",unit="core",node="n1"}[60s]))',
    );
    const key = { scope: 'pod' as const, namespace: 'ns', pod: 'p' };
    expect(allocationQuery(DEFAULT_LABELS, key, 'limits', 'memory', 60_000)).toBe(
      'sum(avg_over_time(kube_pod_container_resource_limits{resource="memory",unit="byte",namespace="ns",pod="p"}[60s]))',
    );
  });
});

describe('PromQL for each scope', () => {
  it('reads node series for cluster and node scopes, matching the metrics_path found', () => {
    expect(resource).toEqual({ kind: 'resource', matchers: ['metrics_path="/metrics/resource"'] });
    expect(cpuQuery(resource, DEFAULT_LABELS, { scope: 'cluster' }, 120_000)).toBe(
      'sum(rate(node_cpu_usage_seconds_total{metrics_path="/metrics/resource"}[120s]))',
    );
    expect(memoryQuery(resource, DEFAULT_LABELS, { scope: 'node', name: 'n1' }, 60_000)).toBe(
      'sum(avg_over_time(node_memory_working_set_bytes{metrics_path="/metrics/resource",node="n1"}[60s]))',
    );
  });

  it('sums container series for namespace, pod and container, with configurable labels', () => {
    const labels = { ...DEFAULT_LABELS, namespace: 'kubernetes_namespace', pod: 'pod_name' };
    const key = { scope: 'container' as const, namespace: 'ns', pod: 'p-1', name: 'app' };
    expect(cpuQuery(resource, labels, key, 60_000)).toBe(
      'sum(rate(container_cpu_usage_seconds_total{metrics_path="/metrics/resource",kubernetes_namespace="ns",pod_name="p-1",container="app"}[60s]))',
    );
  });

  it('falls back to cAdvisor: root cgroup for nodes, no pause or pod-level cgroups', () => {
    expect(cadvisor.kind).toBe('cadvisor');
    expect(cpuQuery(cadvisor, DEFAULT_LABELS, { scope: 'node', name: 'n1' }, 60_000)).toContain(
      'container_cpu_usage_seconds_total{metrics_path="/metrics/cadvisor",id="/",node="n1"}',
    );
    expect(
      memoryQuery(cadvisor, DEFAULT_LABELS, { scope: 'namespace', namespace: 'x' }, 60_000),
    ).toContain('{metrics_path="/metrics/cadvisor",container!="",container!="POD",namespace="x"}');
  });

  it('matches no metrics_path when the series do not all carry the same one', () => {
    expect(flavorFrom([{ node: 'a' }, { node: 'b', metrics_path: '/x' }], []).matchers).toEqual([]);
  });

  it('quotes label values', () => {
    expect(cpuQuery(resource, DEFAULT_LABELS, { scope: 'node', name: 'a"b\\c' }, 60_000)).toContain(
      'node="a\\"b\\\\c"',
    );
  });
});

describe('step and window', () => {
  it('keeps every range at or under 1,000 points', () => {
    const h = 3_600_000;
    expect(stepFor(6 * h)).toBe(30_000);
    expect(stepFor(24 * h)).toBe(120_000);
    expect(stepFor(7 * 24 * h)).toBe(900_000);
    expect(stepFor(30 * 24 * h)).toBe(3_600_000);
    for (const r of [6, 24, 168, 720]) expect((r * h) / stepFor(r * h)).toBeLessThanOrEqual(1000);
  });

  it('spans at least four scrape intervals', () => {
    expect(windowFor(30_000, 30_000)).toBe(120_000);
    expect(windowFor(900_000, 30_000)).toBe(900_000);
  });
});

describe('--prometheus values', () => {
  it('takes URL or CONTEXT=URL (contexts may hold : and /)', () => {
    expect(parsePrometheusTarget('http://p:9090/')).toEqual({
      context: undefined,
      url: 'http://p:9090',
    });
    const arn = 'arn:aws:eks:eu-west-1:1:cluster/prod';
    expect(parsePrometheusTarget(`${arn}=https://thanos/q`)).toEqual({
      context: arn,
      url: 'https://thanos/q',
    });
    expect(() => parsePrometheusTarget('prometheus:9090')).toThrow(/http/);
  });

  it('a cluster uses its own URL, else the unqualified one', () => {
    const targets = [
      parsePrometheusTarget('http://all'),
      parsePrometheusTarget('prod=http://prod'),
    ];
    expect(prometheusUrlFor(targets, 'prod')).toBe('http://prod');
    expect(prometheusUrlFor(targets, 'dev')).toBe('http://all');
    expect(prometheusUrlFor(targets.slice(1), 'dev')).toBeUndefined();
  });
});
