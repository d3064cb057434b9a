import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagnosticCheck, DiagnosticsReport } from '@kubeglance/shared/api';
import { startSim } from '@kubeglance/sim/index';
import type { RunningServer } from '../src/server.js';
import { eventually, type Sim } from './harness.js';
import { serverWith } from './httpClient.js';

/**
 * The first link of the chain, broken the three ways people meet: a rejected token (401), an
 * untrusted certificate (the kubeconfig's CA is not the server's) and an apiserver that does
 * not answer. Each is named with the upstream error verbatim and its fix; mending the
 * kubeconfig (or the apiserver) turns the link green without a restart.
 */
let a: Sim;
let other: Sim;
let server: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'kg-diag-apiserver-'));
const file = join(dir, 'config');

/** Replaces the file the way editors and Secret mounts do: write aside, then rename. */
function rewrite(yaml: string): void {
  writeFileSync(`${file}.new`, yaml);
  renameSync(`${file}.new`, file);
}

async function apiserverCheck(): Promise<DiagnosticCheck> {
  // On demand (rate-limited to one run per 5 s): the scheduled run is a minute apart while ok.
  const res = await fetch(`${server.url}/api/v1/clusters/${a.name}/diagnostics?refresh=1`);
  expect(res.status).toBe(200);
  const report = (await res.json()) as DiagnosticsReport;
  return report.checks.find((c) => c.id === 'apiserver')!;
}

async function waitApiserver(code: string): Promise<DiagnosticCheck> {
  return eventually(
    async () => {
      const c = await apiserverCheck();
      return c.summary.code === code ? c : undefined;
    },
    40_000,
    `apiserver check ${code}`,
  );
}

const evidenceText = (c: DiagnosticCheck) => c.evidence.map((e) => e.value).join('\n');
const fixText = (c: DiagnosticCheck) =>
  c.fix.map((f) => `${f.text.text}\n${f.command ?? ''}`).join('\n');

beforeAll(async () => {
  a = await startSim({ name: 'diag-api', nodes: 2, pods: 6, port: 0, resolutionMs: 1000, seed: 3 });
  other = await startSim({ name: 'other', nodes: 1, pods: 2, port: 0, resolutionMs: 1000 });
  expect(other.caPem).not.toBe(a.caPem);
  writeFileSync(file, a.kubeconfig);
  server = await serverWith({ ...a, kubeconfigPath: file }, ['--resolution', '1s']);
});
afterAll(async () => {
  await server?.stop();
  await a?.stop();
  await other?.stop();
});

describe('apiserver link', () => {
  it('is ok while the API server answers', async () => {
    const c = await waitApiserver('apiserver.ok');
    expect(c.status).toBe('ok');
  });

  it('401: names the rejected credentials, then recovers when the kubeconfig is mended', async () => {
    expect(a.kubeconfig).toContain(a.token);
    rewrite(a.kubeconfig.replace(a.token, 'expired-token'));
    const c = await waitApiserver('apiserver.unauthorized');
    expect(c.status).toBe('fail');
    expect(evidenceText(c)).toMatch(/401/);
    expect(fixText(c)).toContain('kubectl config view --minify');
    rewrite(a.kubeconfig);
    await waitApiserver('apiserver.ok');
  }, 90_000);

  it('x509: names the untrusted certificate when the kubeconfig pins another CA', async () => {
    // The other simulator's kubeconfig (its CA) pointed at this one's address.
    rewrite(other.kubeconfig.replace(other.url, a.url).replaceAll(other.name, a.name));
    const c = await waitApiserver('apiserver.tls');
    expect(c.status).toBe('fail');
    expect(evidenceText(c)).toMatch(/certificate|self[- ]signed|issuer/i);
    expect(fixText(c)).toContain('certificate-authority-data');
    rewrite(a.kubeconfig);
    await waitApiserver('apiserver.ok');
  }, 90_000);

  it('unreachable: names the refused connection and kubectl cluster-info, recovers with the apiserver', async () => {
    a.faults.set('apiserver-down');
    try {
      const c = await waitApiserver('apiserver.unreachable');
      expect(c.status).toBe('fail');
      expect(evidenceText(c)).toMatch(/ECONNREFUSED|connect/);
      expect(fixText(c)).toContain('kubectl cluster-info');
    } finally {
      a.faults.clear('apiserver-down');
    }
    await waitApiserver('apiserver.ok');
  }, 90_000);
});
