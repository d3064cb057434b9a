import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterInfo, ListResponse } from '@kubeglance/shared/api';
import { startSim } from '@kubeglance/sim/index';
import type { RunningServer } from '../src/server.js';
import { eventually, type Sim } from './harness.js';
import { serverWith } from './httpClient.js';

/**
 * Credentials rotated upstream: the kubeconfig file is rewritten to point at another
 * apiserver with a new CA and token (two simulators, same context name). The server must
 * report the TLS failure with a hint that it re-reads the file, then reconnect by itself.
 */
let a: Sim;
let b: Sim;
let server: RunningServer;
const dir = mkdtempSync(join(tmpdir(), 'kg-kubeconfig-'));
const file = join(dir, 'config');

/** Replaces the file the way editors and Secret mounts do: write aside, then rename. */
function rewrite(yaml: string): void {
  writeFileSync(`${file}.new`, yaml);
  renameSync(`${file}.new`, file);
}

beforeAll(async () => {
  a = await startSim({ name: 'rotate', nodes: 2, pods: 6, port: 0, resolutionMs: 1000, seed: 1 });
  b = await startSim({ name: 'rotate', nodes: 4, pods: 6, port: 0, resolutionMs: 1000, seed: 2 });
  expect(b.caPem).not.toBe(a.caPem);
  expect(b.token).not.toBe(a.token);
  writeFileSync(file, a.kubeconfig);
  server = await serverWith({ ...a, kubeconfigPath: file }, ['--resolution', '1s']);
});
afterAll(async () => {
  await server?.stop();
  await a?.stop();
  await b?.stop();
});

async function info(): Promise<ClusterInfo> {
  const res = await fetch(`${server.url}/api/v1/clusters`);
  return ((await res.json()) as ListResponse<ClusterInfo>).items[0]!;
}

describe('kubeconfig rewritten', () => {
  it('explains the TLS failure, then reconnects with the new CA and token', async () => {
    await eventually(async () => (await info()).status.state === 'ok', 30_000, 'healthy on a');
    // First the new address with the old CA: a TLS failure whose hint says what to do.
    rewrite(a.kubeconfig.replace(a.url, b.url));
    const broken = await eventually(
      async () => (await info()).status.problems.find((p) => p.code === 'apiserver-unreachable'),
      20_000,
      'TLS problem',
    );
    expect(broken.message).toMatch(/TLS|certificate/i);
    expect(broken.hint).toMatch(/re-reads a changed kubeconfig/);

    const fixedAt = Date.now();
    rewrite(b.kubeconfig);
    const healthy = await eventually(
      async () => {
        const c = await info();
        return c.status.state === 'ok' && c.server === b.url ? c : undefined;
      },
      20_000,
      'reconnected to b',
    );
    console.log(`reconnected ${((Date.now() - fixedAt) / 1000).toFixed(1)} s after the rewrite`);
    expect(healthy.status.problems).toEqual([]);
    const nodes = await fetch(`${server.url}/api/v1/clusters/rotate/nodes`);
    expect(((await nodes.json()) as { items: unknown[] }).items).toHaveLength(4);
  }, 90_000);
});
