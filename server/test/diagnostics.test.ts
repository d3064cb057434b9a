import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClusterInfo,
  DiagnosticCheck,
  DiagnosticCheckId,
  DiagnosticsReport,
  ListResponse,
  NodeRow,
  SampledListResponse,
} from '@kubeglance/shared/api';
import { phraseSchema } from '@kubeglance/shared/phrase';
import { eventually, simGet, startHarness, type Harness } from './harness.js';

/**
 * Each metrics-pipeline fault of the simulator, seen through GET .../diagnostics: the right
 * link fails first, with the upstream evidence verbatim and the fix; the last good data stays
 * served, marked stale; everything recovers within one resolution of the fault clearing.
 */
const RESOLUTION_MS = 2000;
/** How late a timer or a request may be on the shared test machine (load average ~30 on 2 cores). */
const TIMER_LATENESS_MS = 500;
let h: Harness;
const diagPath = () => `/api/v1/clusters/${h.cluster}/diagnostics`;

async function report(refresh = false): Promise<DiagnosticsReport> {
  const res = await h.get<DiagnosticsReport>(`${diagPath()}${refresh ? '?refresh=1' : ''}`);
  expect(res.status).toBe(200);
  // Every sentence keeps the contract browsers translate from (code, zod-checked params, text).
  for (const c of res.body.checks) {
    for (const p of [c.summary, ...c.evidence.map((e) => e.label), ...c.fix.map((f) => f.text)])
      expect(phraseSchema.safeParse(p).success, p.code).toBe(true);
  }
  return res.body;
}

const check = (r: DiagnosticsReport, id: DiagnosticCheckId): DiagnosticCheck =>
  r.checks.find((c) => c.id === id)!;

const allEvidence = (c: DiagnosticCheck): string =>
  c.evidence.map((e) => `${e.label.text}: ${e.value}`).join('\n');
const allFixes = (c: DiagnosticCheck): string =>
  c.fix.map((f) => [f.text.text, f.command ?? '', f.yaml ?? ''].join('\n')).join('\n');

async function waitFailing(id: DiagnosticCheckId): Promise<DiagnosticsReport> {
  return eventually(
    async () => {
      const r = await report();
      return r.failing === id ? r : undefined;
    },
    20_000,
    `diagnostics naming ${id}`,
  );
}

async function clusterInfo(): Promise<ClusterInfo> {
  const { body } = await h.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
  return body.items[0]!;
}

async function waitHealthy(): Promise<void> {
  await eventually(
    async () => {
      const c = await clusterInfo();
      if (c.status.state !== 'ok' || c.status.diagnostics?.status !== 'ok') return false;
      const r = await report();
      return r.checks.every((x) => x.status === 'ok');
    },
    30_000,
    'healthy cluster and diagnostics',
  );
}

interface SimRequest {
  method: string;
  path: string;
  timeMs: number;
  status: number | null;
}

/**
 * Clear the fault. Recovery within one resolution is judged where it is decided, not by wall
 * clock on a loaded machine: the first metrics poll the server starts after the clear starts
 * within one resolution of it (plus timer lateness) and gets data, and that poll brings the
 * cluster back (status ok); the diagnostics follow with the run that the change starts, well
 * before their scheduled run (60 s).
 */
async function clearAndRecover(fault: string): Promise<void> {
  const cleared = Date.now();
  h.sim.faults.clear(fault);
  await eventually(
    async () => {
      const c = await clusterInfo();
      return c.status.metrics === 'ok' && c.status.problems.length === 0;
    },
    15_000,
    `data recovery from ${fault}`,
  );
  const { items } = await simGet<{ items: SimRequest[] }>(h.sim, '/_sim/requests');
  const polls = items.filter(
    // Only the poller lists metrics (the diagnostics use its outcome).
    (r) => r.path === '/apis/metrics.k8s.io/v1beta1/pods' && r.timeMs >= cleared,
  );
  const first = polls[0]!;
  expect(first.timeMs - cleared).toBeLessThanOrEqual(RESOLUTION_MS + TIMER_LATENESS_MS);
  expect(first.status).toBe(200);
  await eventually(
    async () => (await clusterInfo()).status.diagnostics?.status === 'ok',
    15_000,
    `diagnostics recovery from ${fault}`,
  );
}

/** The last good data is still served, marked stale. */
async function expectStaleDataKept(): Promise<void> {
  const nodes = await h.get<SampledListResponse<NodeRow>>(`/api/v1/clusters/${h.cluster}/nodes`);
  expect(nodes.status).toBe(200);
  expect(nodes.body.timestampMs).not.toBeNull();
  expect(nodes.body.stale).toBe(true);
  expect(nodes.body.items.some((n) => n.cpu.usageMillicores !== null)).toBe(true);
}

beforeAll(async () => {
  h = await startHarness({ resolutionMs: RESOLUTION_MS, nodes: 8, pods: 60 });
  await waitHealthy();
});
afterAll(() => h?.stop());
// A failed assertion must not leave its fault on for the next test.
afterEach(() => {
  h?.sim.faults.clear();
});

describe('a healthy cluster', () => {
  it('passes every link, with evidence', async () => {
    const r = await report(true);
    expect(r.status).toBe('ok');
    expect(r.failing).toBeNull();
    expect(r.checks.map((c) => c.id)).toEqual([
      'apiserver',
      'rbac',
      'aggregation',
      'apiservice',
      'warmup',
      'kubelet-scrape',
      'freshness',
      'pods',
    ]);
    expect(r.checks.every((c) => c.status === 'ok')).toBe(true);
    expect(allEvidence(check(r, 'apiservice'))).toMatch(/reason=Passed\nall checks passed/);
    expect(allEvidence(check(r, 'aggregation'))).toMatch(/requestheader-client-ca-file/);
  });

  it('is on /metrics', async () => {
    const text = await (await fetch(`${h.server.url}/metrics`)).text();
    expect(text).toMatch(
      new RegExp(
        `kubeglance_diagnostics_check\\{cluster="${h.cluster}",check="apiservice",status="ok"\\} 1`,
      ),
    );
    expect(text).toMatch(new RegExp(`kubeglance_diagnostics_status\\{cluster="${h.cluster}"\\} 0`));
  });
});

describe('each fault names its link, keeps the data, recovers', () => {
  it('aggregation-off → aggregation: 403 as system:anonymous, ConfigMap lacks requestheader keys', async () => {
    h.sim.faults.set('aggregation-off');
    const r = await waitFailing('aggregation');
    const c = check(r, 'aggregation');
    expect(c.status).toBe('fail');
    // The poller's own failed request (nodes or pods, whichever answered first), verbatim.
    expect(allEvidence(c)).toMatch(
      /GET \/apis\/metrics\.k8s\.io\/v1beta1\/(nodes|pods) → 403: \1\.metrics\.k8s\.io is forbidden: User "system:anonymous" cannot list resource "\1" in API group "metrics\.k8s\.io" at the cluster scope/,
    );
    expect(allEvidence(c)).toMatch(/keys: client-ca-file\n|keys: client-ca-file$/m);
    expect(allEvidence(c)).toMatch(/Missing key: requestheader-client-ca-file/);
    expect(allFixes(c)).toContain(
      '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt',
    );
    expect(check(r, 'rbac').status).toBe('ok');
    await expectStaleDataKept();
    // The cluster status carries the same verdict (for banners and the wall screen).
    expect((await clusterInfo()).status.diagnostics?.failing?.id).toBe('aggregation');
    await clearAndRecover('aggregation-off');
  });

  it('apiservice-missing → apiservice: not installed, install command', async () => {
    h.sim.faults.set('apiservice-missing');
    const r = await waitFailing('apiservice');
    const c = check(r, 'apiservice');
    expect(c.summary.code).toBe('apiservice.missing');
    expect(allEvidence(c)).toMatch(/404/);
    expect(allFixes(c)).toContain('metrics-server/releases/latest/download/components.yaml');
    await expectStaleDataKept();
    await clearAndRecover('apiservice-missing');
  });

  it('apiservice-timeout → apiservice: FailedDiscoveryCheck verbatim, network fixes', async () => {
    h.sim.faults.set('apiservice-timeout');
    const r = await waitFailing('apiservice');
    const c = check(r, 'apiservice');
    expect(c.summary.code).toBe('apiservice.timeout');
    expect(allEvidence(c)).toContain(
      'status=False reason=FailedDiscoveryCheck\nfailing or missing response from https://10.96.112.47:443/apis/metrics.k8s.io/v1beta1: Get "https://10.96.112.47:443/apis/metrics.k8s.io/v1beta1": dial tcp 10.96.112.47:443: i/o timeout',
    );
    expect(allFixes(c)).toMatch(/hostNetwork/);
    expect(allFixes(c)).toMatch(/FORWARD/);
    expect(allFixes(c)).toMatch(/--enable-aggregator-routing=true/);
    await expectStaleDataKept();
    await clearAndRecover('apiservice-timeout');
  });

  it('missing-endpoints → apiservice: MissingEndpoints, the unready pod as evidence', async () => {
    h.sim.faults.set('missing-endpoints');
    const r = await waitFailing('apiservice');
    const c = check(r, 'apiservice');
    expect(c.summary.code).toBe('apiservice.missing-endpoints');
    expect(allEvidence(c)).toContain(
      'reason=MissingEndpoints\nendpoints for service/metrics-server in "kube-system" have no addresses with port name "https"',
    );
    const pod = check(r, 'warmup');
    expect(pod.status).toBe('fail');
    expect(allEvidence(pod)).toMatch(/ready=false/);
    expect(allFixes(c)).toContain('kubectl -n kube-system describe pod -l k8s-app=metrics-server');
    await expectStaleDataKept();
    await clearAndRecover('missing-endpoints');
  });

  it('kubelet-x509-some → kubelet-scrape: the missing nodes and their x509 lines', async () => {
    h.sim.faults.set('kubelet-x509-some');
    const r = await waitFailing('kubelet-scrape');
    const c = check(r, 'kubelet-scrape');
    expect(c.summary.code).toBe('kubelet-scrape.some-missing');
    expect(allEvidence(c)).toMatch(
      /x509: cannot validate certificate for 10\.\d+\.\d+\.\d+ because it doesn't contain any IP SANs/,
    );
    const missing = c.evidence
      .find((e) => e.label.code === 'evidence.missing-nodes')!
      .value.split('\n');
    const nodes = await h.get<SampledListResponse<NodeRow>>(`/api/v1/clusters/${h.cluster}/nodes`);
    expect(
      nodes.body.items
        .filter((n) => !n.metricsAvailable)
        .map((n) => n.name)
        .sort(),
    ).toEqual(missing);
    expect(allFixes(c)).toMatch(/--kubelet-insecure-tls/);
    expect(allFixes(c)).toMatch(/Risk:/);
    expect(allFixes(c)).toMatch(/serverTLSBootstrap: true/);
    expect(r.status).toBe('failing');
    await clearAndRecover('kubelet-x509-some');
  });

  it('kubelet-x509-all → kubelet-scrape: every node fails, 503 forever', async () => {
    h.sim.faults.set('kubelet-x509-all');
    const r = await eventually(
      async () => {
        const x = await report();
        return x.failing === 'kubelet-scrape' &&
          check(x, 'kubelet-scrape').summary.code === 'kubelet-scrape.all-failing'
          ? x
          : undefined;
      },
      20_000,
      'all kubelets failing',
    );
    const c = check(r, 'kubelet-scrape');
    expect(c.summary.params).toMatchObject({ failing: 8, nodes: 8 });
    expect(allEvidence(c)).toMatch(/"Failed to scrape node" err=.*x509/);
    // The symptoms further out are still reported as what they are.
    expect(check(r, 'apiservice').summary.code).toBe('apiservice.missing-endpoints');
    await expectStaleDataKept();
    await clearAndRecover('kubelet-x509-all');
  });

  it('metrics-forbidden → rbac: the denied verbs, the ClusterRole rules as YAML', async () => {
    h.sim.faults.set('metrics-forbidden');
    const r = await waitFailing('rbac');
    const c = check(r, 'rbac');
    expect(allEvidence(c)).toContain('get nodes.metrics.k8s.io\nlist nodes.metrics.k8s.io');
    expect(c.fix[0]!.yaml).toContain('apiGroups: ["metrics.k8s.io"]');
    expect(c.fix[0]!.yaml).toContain('verbs: ["get", "list"]');
    expect(check(r, 'aggregation').status).toBe('unknown');
    await clearAndRecover('metrics-forbidden');
  });

  it('metrics-stale → freshness', async () => {
    h.sim.faults.set('metrics-stale');
    const r = await waitFailing('freshness');
    expect(check(r, 'freshness').summary.code).toBe('freshness.stuck');
    await clearAndRecover('metrics-stale');
  });

  it('clock-skew → freshness: the node whose clock runs an hour ahead, and NTP', async () => {
    h.sim.faults.set('clock-skew');
    const r = await eventually(
      async () => {
        const x = await report();
        return check(x, 'freshness').summary.code === 'freshness.skew' ? x : undefined;
      },
      20_000,
      'clock skew named',
    );
    const c = check(r, 'freshness');
    expect(c.status).toBe('warn');
    expect(c.summary.params).toMatchObject({ count: 1 });
    // The names as a list and its total, for the browser to say in its language.
    const names = c.summary.params.names as { names: string[]; total: number };
    expect(names.total).toBe(1);
    expect(names.names).toHaveLength(1);
    expect(c.summary.text).toContain(`: ${names.names[0]}.`);
    // One node, about an hour (3,600 s, give or take its scrape window) ahead.
    expect(allEvidence(c)).toMatch(/: [\w-]+: \+3[5-6]\d\ds$/);
    expect(allFixes(c)).toContain('timedatectl status');
    h.sim.faults.clear('clock-skew');
    await waitHealthy();
  });

  it('nodes-missing-metrics → pods: running pods past the 2-minute grace without metrics', async () => {
    h.sim.faults.set('nodes-missing-metrics');
    const r = await eventually(
      async () => {
        const x = await report();
        // Every pod missing is on an unscraped node: the sentence that says so.
        return check(x, 'pods').summary.code === 'pods.missing-some-on-missing-nodes'
          ? x
          : undefined;
      },
      20_000,
      'pods without metrics named',
    );
    const c = check(r, 'pods');
    expect(c.status).toBe('warn');
    const params = c.summary.params as { count: number; onMissingNodes: number };
    expect(params.count).toBeGreaterThan(0);
    // Healthy, every pod had metrics: the ones missing now are all on the unscraped nodes.
    expect(params.onMissingNodes).toBe(params.count);
    const names = c.evidence.find((e) => /^evidence\.pods(-first)?$/.test(e.label.code))!;
    const listed = names.value.split('\n');
    expect(listed.length).toBe(Math.min(params.count, 20));
    // No "… N more" in the names: the label says how many of how many, in words.
    expect(listed.every((n) => /^[\w.-]+\/[\w.-]+$/.test(n))).toBe(true);
    if (params.count > 20) {
      expect(names.label.code).toBe('evidence.pods-first');
      expect(names.label.params).toEqual({ shown: 20, total: params.count });
    }
    h.sim.faults.clear('nodes-missing-metrics');
    await waitHealthy();
  });

  it('?refresh=1 is rate-limited: a second refresh within 5 s returns the same run', async () => {
    const a = await report(true);
    const b = await report(true);
    expect(b.checkedAtMs).toBe(a.checkedAtMs);
    const bad = await h.get<{ error: { code: string } }>(`${diagPath()}?refresh=yes`);
    expect(bad.status).toBe(400);
    const unknown = await h.get<{ error: { code: string } }>('/api/v1/clusters/nope/diagnostics');
    expect(unknown.status).toBe(404);
  });
});

describe('warm-up (--warmup)', () => {
  it('names the warm-up with the expected time, then clears by itself', async () => {
    const w = await startHarness({ resolutionMs: 4000, nodes: 3, pods: 20, warmup: true });
    try {
      const r = await eventually(
        async () => {
          const res = await w.get<DiagnosticsReport>(`/api/v1/clusters/${w.cluster}/diagnostics`);
          return res.body.failing === 'warmup' ? res.body : undefined;
        },
        8_000,
        'warm-up named',
      );
      const c = check(r, 'warmup');
      expect(c.status).toBe('warn');
      expect(c.summary.params.expected).toBe(8);
      expect(check(r, 'apiservice').status).toBe('warn');
      expect(r.status).toBe('degraded');
      await eventually(
        async () => {
          const res = await w.get<DiagnosticsReport>(`/api/v1/clusters/${w.cluster}/diagnostics`);
          return res.body.status === 'ok';
        },
        20_000,
        'warm-up over',
      );
      // Recovered by itself: live data, no problem left.
      const { body } = await w.get<ListResponse<ClusterInfo>>('/api/v1/clusters');
      expect(body.items[0]!.status).toMatchObject({ metrics: 'ok', problems: [] });
      const nodes = await w.get<SampledListResponse<NodeRow>>(
        `/api/v1/clusters/${w.cluster}/nodes`,
      );
      expect(nodes.body.stale).toBe(false);
      expect(nodes.body.items.every((n) => n.cpu.usageMillicores !== null)).toBe(true);
    } finally {
      await w.stop();
    }
  });
});

describe('without the optional kube-system Role', () => {
  it('reports unknown and names the missing rule where it needs it; never guesses', async () => {
    const n = await startHarness({
      resolutionMs: 1000,
      nodes: 3,
      pods: 20,
      diagnosticsRole: false,
      faults: ['apiservice-timeout'],
      // The first runs may come before the informers sync (kubelet-scrape "not synced"); the
      // next troubled run is what this test reads, so it should not be 10 s away under load.
      diagnosticsTiming: { troubledIntervalMs: 2000 },
    });
    try {
      const r = await eventually(
        async () => {
          const res = await n.get<DiagnosticsReport>(`/api/v1/clusters/${n.cluster}/diagnostics`);
          const synced =
            check(res.body, 'kubelet-scrape').summary.code !== 'kubelet-scrape.not-synced';
          return res.body.failing === 'apiservice' && synced ? res.body : undefined;
        },
        15_000,
        'diagnostics without the Role',
      );
      const agg = check(r, 'aggregation');
      expect(agg.status).toBe('unknown');
      expect(agg.missingRule).toBe(
        'get configmaps "extension-apiserver-authentication" in namespace kube-system',
      );
      const scrape = check(r, 'kubelet-scrape');
      expect(scrape.status).toBe('unknown');
      expect(scrape.missingRule).toBe('get pods/log in namespace kube-system');
      const rbac = check(r, 'rbac');
      expect(rbac.status).toBe('ok');
      expect(rbac.fix[0]!.yaml).toContain('kind: Role');
      expect(rbac.fix[0]!.yaml).toContain('resources: ["pods/log"]');
      // The APIService is read with the core ClusterRole, so that link is still judged.
      expect(check(r, 'apiservice').summary.code).toBe('apiservice.timeout');
    } finally {
      await n.stop();
    }
  });
});
