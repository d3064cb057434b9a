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
  DiagnosticCheck,
  DiagnosticsReport,
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
import { ruleText } from '../src/diagnostics/rules.js';
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
        // The diagnostics' RBAC link shows the 403 naming the user, beside the review.
        const rbac = await eventually(
          async () => {
            const { body } = await r.get<DiagnosticsReport>(
              '/api/v1/clusters/rbac/diagnostics?refresh=1',
            );
            const c = body.checks.find((x) => x.id === 'rbac');
            const seen = c?.evidence.find((e) => e.label.code === 'evidence.forbidden-seen');
            return seen && c;
          },
          20_000,
          'the 403 in the RBAC check',
        );
        expect(rbac.status).toBe('fail');
        expect(
          rbac.evidence.find((e) => e.label.code === 'evidence.forbidden-seen')!.value,
        ).toContain(`User "${SA}" may not ${verb} ${what}`);
        // Not a crash and not an empty page: the process answers and the screens' routes
        // answer with JSON (data or the JSON error shape).
        expect((await r.get<{ status: string }>('/healthz')).body.status).toBe('ok');
        // Ready, so a Service keeps sending viewers to the page that explains the problem.
        expect((await r.get<{ status: string }>('/readyz')).status).toBe(200);
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

/** Every (group, resource, verb[, name]) the ClusterRole in rbac.yaml grants, from the file. */
function grants(file: string, kind: 'ClusterRole' | 'Role'): Rule[] {
  const docs = loadAll(readFileSync(file, 'utf8')) as Doc[];
  return docs
    .filter((d) => d.kind === kind)
    .flatMap((d) => d.rules ?? [])
    .flatMap((rule) =>
      rule.apiGroups.flatMap((g) =>
        rule.resources.flatMap((r) =>
          rule.verbs.map((v) => ({ ...rule, apiGroups: [g], resources: [r], verbs: [v] })),
        ),
      ),
    );
}

/** `file` with exactly one granted tuple taken out of its roles. */
function without(file: string, gone: Rule): string {
  const docs = loadAll(readFileSync(file, 'utf8')) as Doc[];
  const key = (g: string, r: string, v: string) => `${g}|${r}|${v}`;
  const goneKey = key(gone.apiGroups[0]!, gone.resources[0]!, gone.verbs[0]!);
  for (const doc of docs) {
    if (!doc.rules) continue;
    doc.rules = doc.rules.flatMap((rule) =>
      rule.apiGroups.flatMap((g) =>
        rule.resources.flatMap((r) => {
          const verbs = rule.verbs.filter((v) => key(g, r, v) !== goneKey);
          return verbs.length ? [{ ...rule, apiGroups: [g], resources: [r], verbs }] : [];
        }),
      ),
    );
  }
  const out = join(
    dir,
    `${gone.verbs[0]}-${gone.resources[0]!.replace('/', '-')}-${gone.apiGroups[0] || 'core'}-${file.endsWith('role.yaml') ? 'role' : 'crole'}.yaml`,
  );
  writeFileSync(out, docs.map((d) => dump(d)).join('---\n'));
  return out;
}

/** The diagnostics' RBAC check once it has judged (SelfSubjectAccessReviews answered). */
async function rbacCheck(r: Running): Promise<DiagnosticCheck> {
  return eventually(
    async () => {
      const { body } = await r.get<DiagnosticsReport>(
        '/api/v1/clusters/rbac/diagnostics?refresh=1',
      );
      const check = body.checks?.find((c) => c.id === 'rbac');
      return check && check.status !== 'unknown' && check;
    },
    20_000,
    'the diagnostics RBAC check',
  );
}

const asText = (rule: Rule, namespace?: string): string =>
  ruleText({
    verb: rule.verbs[0]!,
    group: rule.apiGroups[0]!,
    resource: rule.resources[0]!.split('/')[0]!,
    ...(rule.resources[0]!.includes('/') ? { subresource: rule.resources[0]!.split('/')[1]! } : {}),
    ...(namespace ? { namespace } : {}),
    ...(rule.resourceNames?.[0] ? { name: rule.resourceNames[0] } : {}),
  });

describe('without the optional diagnostics Role (rbac.yaml only)', () => {
  it('the checks that need it report unknown and name the missing rule', async () => {
    const r = await start([RBAC]);
    try {
      // A broken metrics pipeline, so the checks want to read kube-system.
      r.sim.faults.set('apiservice-timeout');
      const report = await eventually(
        async () => {
          const { body } = await r.get<DiagnosticsReport>('/api/v1/clusters/rbac/diagnostics');
          const scrape = body.checks.find((c) => c.id === 'kubelet-scrape');
          return body.failing === 'apiservice' &&
            scrape?.summary.code !== 'kubelet-scrape.not-synced'
            ? body
            : undefined;
        },
        20_000,
        'diagnostics of the broken pipeline',
      );
      const byId = (id: string) => report.checks.find((c) => c.id === id)!;
      expect(byId('aggregation')).toMatchObject({
        status: 'unknown',
        missingRule: 'get configmaps "extension-apiserver-authentication" in namespace kube-system',
      });
      expect(byId('kubelet-scrape')).toMatchObject({
        status: 'unknown',
        missingRule: 'get pods/log in namespace kube-system',
      });
      // The RBAC link lists the optional rules not granted, with the Role to apply.
      expect(
        byId('rbac').evidence.find((e) => e.label.code === 'evidence.optional-denied')?.value,
      ).toContain('get pods/log in namespace kube-system');
      expect(byId('rbac').fix[0]?.yaml).toContain('kind: Role');
      expect(byId('apiservice').summary.code).toBe('apiservice.timeout');
    } finally {
      await r.stop();
    }
  });
});

describe('each rule of the shipped roles, removed in turn, is named by the diagnostics', () => {
  const SSAR = 'selfsubjectaccessreviews';
  const clusterGrants = grants(RBAC, 'ClusterRole');
  it('covers every rule the ClusterRole has', () => {
    expect(clusterGrants).toHaveLength(15);
  });

  it.each(clusterGrants.filter((g) => g.resources[0] !== SSAR).map((g) => [asText(g), g] as const))(
    'ClusterRole without %s',
    async (text, gone) => {
      const r = await start([without(RBAC, gone), DIAGNOSTICS]);
      try {
        const check = await rbacCheck(r);
        expect(check.status).toBe('fail');
        expect(check.summary.text).toBe(`1 permission(s) kubeglance needs are denied: ${text}.`);
        expect(check.fix[0]?.yaml).toContain(`resources: ["${gone.resources[0]}"]`);
      } finally {
        await r.stop();
      }
    },
  );

  it('ClusterRole without create selfsubjectaccessreviews: still granted to every authenticated user', async () => {
    const gone = clusterGrants.find((g) => g.resources[0] === SSAR)!;
    const r = await start([without(RBAC, gone), DIAGNOSTICS]);
    try {
      // The default system:basic-user role grants it, so the checks keep working.
      expect((await rbacCheck(r)).status).toBe('ok');
    } finally {
      await r.stop();
    }
  });

  it.each(grants(DIAGNOSTICS, 'Role').map((g) => [asText(g, 'kube-system'), g] as const))(
    'diagnostics Role without %s',
    async (text, gone) => {
      const r = await start([RBAC, without(DIAGNOSTICS, gone)]);
      try {
        const check = await rbacCheck(r);
        expect(check.status).toBe('ok');
        const note = check.evidence.find((e) => e.label.code === 'evidence.optional-denied');
        expect(note?.value).toBe(text);
      } finally {
        await r.stop();
      }
    },
  );
});
