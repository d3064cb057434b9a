/**
 * The Prometheus diagnostics check against a real Prometheus: one that scrapes the simulator's
 * kubelets (ok, then stopped), and one that runs but scrapes nothing kubeglance reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticCheck, DiagnosticsReport } from '@kubeglance/shared/api';
import { startSim } from '@kubeglance/sim/index';
import { parseConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { eventually, type Sim } from './harness.js';
import { startPrometheus, type RunningProm } from './prometheusHarness.js';

let sim: Sim;
/** Scrapes every kubelet's /metrics/resource. */
let scraping: RunningProm;
/** Up, but without any scrape job. */
let empty: RunningProm;
let withSeries: RunningServer;
let withoutSeries: RunningServer;

async function kubeglance(url: string): Promise<RunningServer> {
  const args = ['--kubeconfig', sim.kubeconfigPath, '--port', '0', '--log-level', 'silent'];
  return startServer(
    parseConfig([...args, '--static-dir', '/nonexistent', '--prometheus', url], {}),
    {},
  );
}

/** A fresh run's Prometheus check (`?refresh=1`; runs closer than 5 s reuse the last). */
async function promCheck(
  server: RunningServer,
): Promise<{ r: DiagnosticsReport; c: DiagnosticCheck }> {
  const res = await fetch(`${server.url}/api/v1/clusters/${sim.name}/diagnostics?refresh=1`);
  expect(res.status).toBe(200);
  const r = (await res.json()) as DiagnosticsReport;
  const c = r.checks.find((x) => x.id === 'prometheus');
  if (!c) throw new Error(`no prometheus check in ${r.checks.map((x) => x.id).join(',')}`);
  return { r, c };
}

const text = (c: DiagnosticCheck) =>
  [
    ...c.evidence.map((e) => `${e.label.text}: ${e.value}`),
    ...c.fix.map((f) => `${f.text.text} ${f.command ?? ''}`),
  ].join('\n');

beforeAll(async () => {
  sim = await startSim({
    name: 'promdiag',
    nodes: 2,
    pods: 8,
    namespaces: 2,
    seed: 3,
    resolutionMs: 2000,
    churnPerMinute: 0,
    port: 0,
  });
  const live = { backfillMs: 0, backfillStepMs: 60_000, scrapeIntervalMs: 2000 };
  [scraping, empty] = await Promise.all([
    startPrometheus(sim, live),
    startPrometheus(sim, { ...live, scrapeKubelets: false }),
  ]);
  [withSeries, withoutSeries] = await Promise.all([
    kubeglance(scraping.url),
    kubeglance(empty.url),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([withSeries, withoutSeries].map((s) => s?.stop()));
  for (const p of [scraping, empty]) {
    await p?.stop();
    await p?.dispose();
  }
  await sim?.stop();
});

describe('diagnostics: Prometheus', () => {
  it('ok once the kubelet series are scraped, with the URL and the series found', async () => {
    const { r, c } = await eventually(
      async () => {
        const got = await promCheck(withSeries);
        // Both kubelets scraped at least once.
        return got.c.status === 'ok' && /: 2 series/.test(text(got.c)) ? got : undefined;
      },
      60_000,
      'the Prometheus check ok with both nodes',
    );
    expect(c.summary.code).toBe('prometheus.ok');
    expect(c.evidence[0]).toMatchObject({ value: scraping.url });
    expect(text(c)).toMatch(
      /kubelet \/metrics\/resource: 2 series in the last hour, 2 nodes by label node: node_cpu_usage_seconds_total$/m,
    );
    // After the metrics chain, not one of its links.
    expect(r.checks.at(-1)?.id).toBe('prometheus');
    expect(r.checks.length).toBeGreaterThan(1);
  }, 90_000);

  it('fails with the verbatim error and the fix when Prometheus answers nothing kubeglance reads', async () => {
    const { r, c } = await promCheck(withoutSeries);
    expect(c.status).toBe('fail');
    expect(c.summary.code).toBe('prometheus.no-kubelet-series');
    const t = text(c);
    expect(t).toContain(`Prometheus URL: ${empty.url}`);
    expect(t).toMatch(
      /: 0 series in the last hour, 0 nodes by label node: node_cpu_usage_seconds_total$/m,
    );
    const resource = c.evidence.find((e) => e.label.code === 'evidence.prometheus-resource');
    expect(resource?.label.params).toEqual({ series: 0, nodes: 0, label: 'node' });
    expect(t).toContain('deploy/prometheus/kubelet-resource.yml');
    expect(t).toContain('--prometheus-node-label');
    expect(r.status).toBe('failing');
    // The metrics chain itself is fine, so this is the link to fix.
    expect(r.failing).toBe('prometheus');
  });

  it('fails naming the connection error once Prometheus is stopped', async () => {
    await scraping.stop();
    const { r, c } = await eventually(
      async () => {
        const got = await promCheck(withSeries);
        return got.c.status === 'fail' ? got : undefined;
      },
      30_000,
      'the Prometheus check failing',
    );
    expect(c.summary.code).toBe('prometheus.unreachable');
    const answer = c.evidence.find((e) => e.label.text === 'Connection error');
    expect(answer?.value).toBe(
      `${scraping.url}: connect ECONNREFUSED ${new URL(scraping.url).host}`,
    );
    expect(text(c)).toContain(`curl -sS '${scraping.url}/api/v1/query?query=vector(1)'`);
    expect(r.failing).toBe('prometheus');
  }, 60_000);
});
