/**
 * The shipped RBAC is enough, and each permission in it is needed: the simulator enforces
 * deploy/kubernetes/rbac.yaml (and the optional diagnostics Role) for the service account
 * kubeglance runs as. With all of it every screen's data arrives; with one permission
 * removed the server names exactly that permission and the rule that grants it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump, loadAll } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterInfo,
  HistoryResponse,
  ListResponse,
  NamespaceRow,
  NodeRow,
  PodRow,
  SampledListResponse,
  Summary,
  TopPod,
} from '@kubeglance/shared/api';
import { startSim } from '@kubeglance/sim/index';
import { parseConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { eventually, simGet, type Sim } from './harness.js';

const SA = 'system:serviceaccount:kubeglance:kubeglance';
const deployFile = (p: string) =>
  fileURLToPath(new URL(`../../deploy/kubernetes/${p}`, import.meta.url));
const RBAC = deployFile('rbac.yaml');
const DIAGNOSTICS = deployFile('diagnostics/role.yaml');

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}
type Doc = { kind: string; rules?: Rule[] } & Record<string, unknown>;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kg-rbac-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** rbac.yaml with `verb` on `group/resource` taken out of the ClusterRole, all else kept. */
function withoutPermission(group: string, resource: string, verb: string): string {
  const docs = loadAll(readFileSync(RBAC, 'utf8')) as Doc[];
  for (const doc of docs) {
    if (doc.kind !== 'ClusterRole') continue;
    doc.rules = (doc.rules ?? []).flatMap((rule) => {
      const hit =
        rule.apiGroups.includes(group) &&
        rule.resources.includes(resource) &&
        rule.verbs.includes(verb);
      if (!hit) return [rule];
      const others = rule.resources.filter((r) => r !== resource);
      const verbs = rule.verbs.filter((v) => v !== verb);
      return [
        ...(others.length ? [{ ...rule, resources: others }] : []),
        ...(verbs.length ? [{ ...rule, resources: [resource], verbs }] : []),
      ];
    });
  }
  const file = join(dir, `rbac-without-${verb}-${resource}-${group || 'core'}.yaml`);
  writeFileSync(file, docs.map((d) => dump(d)).join('---\n'));
  return file;
}

interface Running {
  sim: Sim;
  server: RunningServer;
  get<T>(path: string): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
}

async function start(rbacFiles: string[]): Promise<Running> {
  const sim = await startSim({
    name: 'rbac',
    nodes: 4,
    pods: 30,
    namespaces: 3,
    resolutionMs: 1000,
    churnPerMinute: 0,
    user: SA,
    rbac: rbacFiles,
  });
  const config = parseConfig(
    ['--kubeconfig', sim.kubeconfigPath, '--port', '0', '--log-level', 'silent'],
    {},
  );
  const server = await startServer(config, {});
  return {
    sim,
    server,
    get: async <T>(path: string) => {
      const res = await fetch(server.url + path);
      return { status: res.status, body: (await res.json()) as T };
    },
    stop: async () => {
      await server.stop();
      await sim.stop();
    },
  };
}

describe('with exactly the shipped roles', () => {
  let r: Running;
  const base = '/api/v1/clusters/rbac';
  beforeAll(async () => {
    r = await start([RBAC, DIAGNOSTICS]);
  });
  afterAll(() => r?.stop());

  it('every screen gets its data and the status has no problem', async () => {
    const summary = await eventually(
      async () => {
        const { body } = await r.get<Summary>(`${base}/summary`);
        return body.timestampMs !== null && body.status.inventorySynced && body;
      },
      20_000,
      'first sample',
    );
    expect(summary.nodes.total).toBe(4);
    expect(summary.cpu.usageMillicores).toBeGreaterThan(0);
    const clusters = await r.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
    expect(clusters.body.items[0]?.status).toMatchObject({ state: 'ok', problems: [] });

    const nodes = await r.get<SampledListResponse<NodeRow>>(`${base}/nodes`);
    expect(nodes.body.items).toHaveLength(4);
    expect(nodes.body.items.every((n) => n.metricsAvailable)).toBe(true);
    const namespaces = await r.get<SampledListResponse<NamespaceRow>>(`${base}/namespaces`);
    const ns = namespaces.body.items.find((n) => n.pods > 0)!;
    expect(ns).toBeDefined();
    const pods = await r.get<SampledListResponse<PodRow>>(`${base}/namespaces/${ns.name}/pods`);
    expect(pods.body.items.length).toBe(ns.pods);
    const top = await r.get<SampledListResponse<TopPod>>(`${base}/pods?sort=cpu&limit=5`);
    expect(top.body.items).toHaveLength(5);
    const history = await r.get<HistoryResponse>(`${base}/history?scope=cluster&range=5m`);
    expect(history.status).toBe(200);
    expect(history.body.series.length).toBeGreaterThan(0);
    // Nothing the server asked for was refused.
    const log = await simGet<{ items: { path: string; status: number | null }[] }>(
      r.sim,
      '/_sim/requests',
    );
    expect(log.items.filter((i) => i.status === 403)).toEqual([]);
  });
});

/** Every permission the server exercises, and how the problem names it. */
const USED: [group: string, resource: string, verb: string, code: string][] = [
  ['', 'nodes', 'list', 'inventory-forbidden'],
  ['', 'nodes', 'watch', 'inventory-forbidden'],
  ['', 'pods', 'list', 'inventory-forbidden'],
  ['', 'pods', 'watch', 'inventory-forbidden'],
  ['', 'namespaces', 'list', 'inventory-forbidden'],
  ['', 'namespaces', 'watch', 'inventory-forbidden'],
  ['metrics.k8s.io', 'nodes', 'list', 'metrics-forbidden'],
  ['metrics.k8s.io', 'pods', 'list', 'metrics-forbidden'],
];

describe('with one permission removed', () => {
  it.each(USED)(
    '%s %s %s: the server names it and keeps serving',
    async (group, resource, verb, code) => {
      const r = await start([withoutPermission(group, resource, verb), DIAGNOSTICS]);
      try {
        const what = group ? `${resource}.${group}` : resource;
        const problem = await eventually(
          async () => {
            const { body } = await r.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
            return body.items[0]?.status.problems.find((p) => p.code === code);
          },
          20_000,
          `${code} problem`,
        );
        expect(problem.message).toBe(
          `Forbidden (403): User "${SA}" may not ${verb} ${what} at the cluster scope.`,
        );
        expect(problem.hint).toContain(
          `{apiGroups: ["${group}"], resources: [${resource}], verbs: [${verb}]}`,
        );
        // Not a crash and not an empty page: the process answers and the screens' routes
        // answer with JSON (data or the JSON error shape).
        expect((await r.get<{ status: string }>('/healthz')).body.status).toBe('ok');
        const summary = await r.get<Summary | { error: { code: string } }>(
          '/api/v1/clusters/rbac/summary',
        );
        expect([200, 503]).toContain(summary.status);
      } finally {
        await r.stop();
      }
    },
  );
});
