import { Gauge, type Registry } from 'prom-client';
import { DIAGNOSTIC_CHECK_IDS } from '@kubeglance/shared/api';
import type { ClusterRegistry } from '../pipeline/registry.js';

const STATUSES = ['ok', 'warn', 'fail', 'unknown'] as const;
const OVERALL = { ok: 0, degraded: 1, failing: 2 } as const;

/**
 * The diagnostics on `/metrics`: `kubeglance_diagnostics_check{cluster,check,status}` is 1 for
 * each check's current status (0 for the others), `kubeglance_diagnostics_status{cluster}` is
 * 0 ok, 1 degraded, 2 failing.
 */
export function registerDiagnosticsMetrics(registry: Registry, clusters: ClusterRegistry): void {
  new Gauge({
    name: 'kubeglance_diagnostics_check',
    help: 'Diagnostics chain checks: 1 for the current status of each check, per cluster',
    labelNames: ['cluster', 'check', 'status'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of clusters.pipelines()) {
        const report = p.diagnostics.latest;
        if (!report) continue;
        for (const id of DIAGNOSTIC_CHECK_IDS) {
          const current = report.checks.find((c) => c.id === id)?.status;
          for (const status of STATUSES) {
            this.set({ cluster: p.name, check: id, status }, current === status ? 1 : 0);
          }
        }
      }
    },
  });
  new Gauge({
    name: 'kubeglance_diagnostics_run_seconds',
    help: 'Duration of the last diagnostics run (access reviews and reads), per cluster',
    labelNames: ['cluster'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of clusters.pipelines()) {
        const ms = p.diagnostics.lastRunMs;
        if (ms !== null) this.set({ cluster: p.name }, ms / 1000);
      }
    },
  });
  new Gauge({
    name: 'kubeglance_diagnostics_status',
    help: 'Diagnostics verdict per cluster: 0 ok, 1 degraded, 2 failing',
    labelNames: ['cluster'],
    registers: [registry],
    collect() {
      this.reset();
      for (const p of clusters.pipelines()) {
        const report = p.diagnostics.latest;
        if (report) this.set({ cluster: p.name }, OVERALL[report.status]);
      }
    },
  });
}
