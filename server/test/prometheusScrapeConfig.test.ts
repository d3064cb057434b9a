/**
 * The shipped deploy/prometheus/kubelet-resource.yml, run by a real Prometheus against the
 * simulator with only what a test cannot have substituted: the apiserver address of the proxy
 * target, the service-account token and CA file paths, and node discovery. Debian's
 * Prometheus is built without Kubernetes service discovery, so `kubernetes_sd_configs` (role
 * node) becomes static targets carrying exactly the labels that discovery gives each node
 * (`__address__` = the kubelet's address, `instance` and `__meta_kubernetes_node_name` = the
 * node name); every relabel rule of the file then runs unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, dump } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMemoryBytes } from '@kubeglance/shared/quantity';
import { startSim } from '@kubeglance/sim/index';
import { eventually, type Sim } from './harness.js';
import { startPrometheus, type RunningProm } from './prometheusHarness.js';

const SHIPPED = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../deploy/prometheus/kubelet-resource.yml',
);
const IN_CLUSTER_CA = '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt';
const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const IN_CLUSTER_APISERVER = 'kubernetes.default.svc:443';

let sim: Sim;
let prom: RunningProm;

interface Job {
  job_name: string;
  tls_config: { ca_file: string };
  authorization: { credentials_file: string };
  kubernetes_sd_configs: Record<string, unknown>[];
  relabel_configs: { replacement?: string }[];
}

/** The shipped file with the in-cluster address, token and CA replaced; nothing else. */
function substituted(dir: string): string {
  const text = readFileSync(SHIPPED, 'utf8');
  const doc = load(text) as { scrape_configs: Job[] };
  const ca = join(dir, 'ca.pem');
  const token = join(dir, 'token');
  const host = new URL(sim.url).host;
  let replaced = 0;
  for (const job of doc.scrape_configs) {
    expect(job.tls_config.ca_file).toBe(IN_CLUSTER_CA);
    expect(job.authorization.credentials_file).toBe(IN_CLUSTER_TOKEN);
    job.tls_config.ca_file = ca;
    job.authorization.credentials_file = token;
    expect(job.kubernetes_sd_configs).toEqual([{ role: 'node' }]);
    delete (job as Partial<Job>).kubernetes_sd_configs;
    (job as Job & { static_configs: unknown[] }).static_configs = sim.cluster.store
      .list('nodes')
      .map((n, i) => ({
        targets: [`10.0.0.${i + 1}:10250`],
        labels: { instance: n.metadata.name, __meta_kubernetes_node_name: n.metadata.name },
      }));
    for (const r of job.relabel_configs) {
      if (r.replacement === IN_CLUSTER_APISERVER) {
        r.replacement = host;
        replaced++;
      }
    }
  }
  expect(replaced).toBe(1);
  return dump(doc);
}

async function instant(
  query: string,
): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const res = await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent(query)}`);
  const body = (await res.json()) as {
    data: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  return body.data.result;
}

beforeAll(async () => {
  sim = await startSim({
    name: 'promconfig',
    nodes: 3,
    pods: 10,
    namespaces: 2,
    seed: 4,
    resolutionMs: 5000,
    churnPerMinute: 0,
    port: 0,
  });
  prom = await startPrometheus(sim, {
    backfillMs: 0,
    backfillStepMs: 60_000,
    scrapeIntervalMs: 30_000,
    configFor: substituted,
  });
}, 120_000);

afterAll(async () => {
  await prom?.stop();
  await prom?.dispose();
  await sim?.stop();
});

describe('deploy/prometheus/kubelet-resource.yml', () => {
  it('scrapes every node through the apiserver proxy, with the labels kubeglance reads', async () => {
    const nodes = sim.cluster.store
      .list('nodes')
      .map((n) => n.metadata.name)
      .sort();
    // The shipped interval is 30 s: every target scraped once within about a minute.
    const up = await eventually(
      async () => {
        const r = await instant('up{job="kubelet"}');
        return r.length === nodes.length && r.every((x) => x.value[1] === '1') ? r : undefined;
      },
      75_000,
      'every kubelet target up',
    );
    expect(up.map((x) => x.metric.node).sort()).toEqual(nodes);
    const cpu = await instant('node_cpu_usage_seconds_total');
    expect(cpu.map((x) => x.metric.node).sort()).toEqual(nodes);
    for (const { metric } of cpu) {
      expect(metric).toMatchObject({ job: 'kubelet', metrics_path: '/metrics/resource' });
      expect(metric.instance).toBe(metric.node);
    }
    const containers = await instant('container_memory_working_set_bytes');
    const pods = sim.cluster.store.list('pods').filter((p) => p.status?.phase === 'Running');
    expect(containers.length).toBeGreaterThanOrEqual(pods.length);
    for (const { metric } of containers) {
      expect(metric.namespace && metric.pod && metric.container && metric.node).toBeTruthy();
    }
    // The values are the simulator's: a node's working set at the scraped timestamp.
    const mem = await instant('node_memory_working_set_bytes');
    for (const { metric, value } of mem) {
      const tick = Math.round((value[0] * 1000) / sim.cluster.metrics.resolutionMs);
      const scraped = (
        await instant(`timestamp(node_memory_working_set_bytes{node="${metric.node}"})`)
      )[0]!.value[1];
      const at = Math.round((Number(scraped) * 1000) / sim.cluster.metrics.resolutionMs);
      const node = sim.cluster.metrics
        .sampleAt(at)
        .nodes.find((n) => n.metadata.name === metric.node)!;
      expect(Number(value[1]), `${metric.node} @tick ${at} (query tick ${tick})`).toBe(
        parseMemoryBytes(node.usage.memory),
      );
    }
  }, 90_000);
});
