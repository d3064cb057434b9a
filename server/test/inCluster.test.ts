import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterInfo,
  ListResponse,
  SampledListResponse,
  NodeRow,
} from '@kubeglance/shared/api';
import { startSim } from '@kubeglance/sim/index';
import { parseConfig } from '../src/config.js';
import { inClusterAvailable } from '../src/kube/clusterTargets.js';
import { startServer, type RunningServer } from '../src/server.js';
import { eventually, simGet, type Sim } from './harness.js';

/**
 * In-cluster mode as a pod runs it: no kubeconfig, the API server from
 * KUBERNETES_SERVICE_HOST/PORT, the token and CA from the service-account files (moved to a
 * temp dir with KUBEGLANCE_SERVICEACCOUNT_DIR, the one test-only setting).
 */
let sim: Sim;
let server: RunningServer;
let saDir: string;
let home: string;

beforeAll(async () => {
  sim = await startSim({ name: 'incluster', nodes: 3, pods: 20, resolutionMs: 1000, port: 0 });
  saDir = mkdtempSync(join(tmpdir(), 'kg-sa-'));
  home = mkdtempSync(join(tmpdir(), 'kg-home-'));
  writeFileSync(join(saDir, 'token'), sim.token);
  writeFileSync(join(saDir, 'ca.crt'), sim.caPem);
  writeFileSync(join(saDir, 'namespace'), 'kubeglance');
  const config = parseConfig(['--port', '0', '--log-level', 'silent'], {});
  server = await startServer(config, {
    HOME: home,
    KUBERNETES_SERVICE_HOST: '127.0.0.1',
    KUBERNETES_SERVICE_PORT: new URL(sim.url).port,
    KUBEGLANCE_SERVICEACCOUNT_DIR: saDir,
  });
});

afterAll(async () => {
  await server?.stop();
  await sim?.stop();
  rmSync(saDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

describe('in-cluster mode', () => {
  it('finds the API server from the service env and trusts it with the pod CA', async () => {
    const res = await fetch(`${server.url}/api/v1/clusters`);
    const body = (await res.json()) as ListResponse<ClusterInfo>;
    expect(body.items.map((c) => [c.name, c.simulated, c.server])).toEqual([
      ['in-cluster', false, sim.url],
    ]);
  });

  it('reads nodes and metrics with the service-account token', async () => {
    const nodes = await eventually(
      async () => {
        const res = await fetch(`${server.url}/api/v1/clusters/in-cluster/nodes`);
        const body = (await res.json()) as SampledListResponse<NodeRow>;
        return body.items.length === 3 && body.items.every((n) => n.metricsAvailable) && body;
      },
      20_000,
      'node rows with metrics',
    );
    expect(nodes.items.every((n) => (n.cpu.usageMillicores ?? 0) > 0)).toBe(true);
    const log = await simGet<{ items: { path: string; status: number | null }[] }>(
      sim,
      '/_sim/requests',
    );
    const paths = new Set(log.items.filter((r) => r.status === 200).map((r) => r.path));
    expect(paths).toContain('/api/v1/nodes');
    expect(paths).toContain('/apis/metrics.k8s.io/v1beta1/nodes');
    expect(log.items.some((r) => r.status === 401)).toBe(false);
  });

  it('is not chosen without the token file', () => {
    expect(
      inClusterAvailable({
        KUBERNETES_SERVICE_HOST: '127.0.0.1',
        KUBEGLANCE_SERVICEACCOUNT_DIR: saDir,
      }),
    ).toBe(true);
    expect(
      inClusterAvailable({
        KUBERNETES_SERVICE_HOST: '127.0.0.1',
        KUBEGLANCE_SERVICEACCOUNT_DIR: home,
      }),
    ).toBe(false);
    expect(inClusterAvailable({ KUBEGLANCE_SERVICEACCOUNT_DIR: saDir })).toBe(false);
  });
});
