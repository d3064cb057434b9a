import { it } from 'vitest';
import type { DiagnosticsReport, ClusterInfo, ListResponse } from '@kubeglance/shared/api';
import { startHarness } from './harness.js';

const SEQ: [string, string, string][] = [
  ['aggregation-off', 'aggregation', 'aggregation.off'],
  ['apiservice-missing', 'apiservice', 'apiservice.missing'],
  ['apiservice-timeout', 'apiservice', 'apiservice.timeout'],
  ['missing-endpoints', 'apiservice', 'apiservice.missing-endpoints'],
  ['kubelet-x509-some', 'kubelet-scrape', 'kubelet-scrape.some-missing'],
  ['kubelet-x509-all', 'kubelet-scrape', 'kubelet-scrape.all-failing'],
  ['aggregation-off', 'aggregation', 'aggregation.off'],
];

it('repro', async () => {
  const h = await startHarness({ resolutionMs: 2000, nodes: 4, pods: 40, churnPerMinute: 30 });
  const t0 = Date.now();
  const T = () => ((Date.now() - t0) / 1000).toFixed(1);
  try {
    for (const [fault, link, code] of SEQ) {
      h.sim.faults.clear();
      h.sim.faults.set(fault);
      const set = Date.now();
      console.log(T(), 'SET', fault);
      for (;;) {
        const r = (await h.get<DiagnosticsReport>(`/api/v1/clusters/${h.cluster}/diagnostics`)).body;
        const ci = (await h.get<ListResponse<ClusterInfo>>('/api/v1/clusters')).body.items[0]!;
        const c = r.checks.find((x) => x.id === link)!;
        const codes = r.checks.filter((x) => x.status !== 'ok').map((x) => x.summary.code).join(',');
        if (r.failing === link && c.summary.code === code) {
          console.log(T(), 'NAMED', fault, 'after', Date.now() - set, 'ms');
          break;
        }
        if (Date.now() - set > 40_000) { console.log(T(), 'NOT NAMED', fault, r.failing, codes, ci.status.state, ci.status.metrics, ci.status.problems.map((p) => p.code).join(','), 'checkedAt', ((r.checkedAtMs - t0)/1000).toFixed(1)); break; }
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await h.stop();
  }
}, 400_000);
