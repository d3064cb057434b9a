import type {
  DiagnosticCheck,
  DiagnosticCheckId,
  DiagnosticsReport,
  DiagnosticsSummary,
} from '@kubeglance/shared/api';
import { checkAggregation } from './checks/aggregation.js';
import { checkApiserver } from './checks/apiserver.js';
import { checkApiService } from './checks/apiservice.js';
import { notChecked } from './checks/common.js';
import { checkFreshness, pollFailedSinceFine } from './checks/freshness.js';
import { checkKubeletScrape } from './checks/kubeletScrape.js';
import { checkPods } from './checks/pods.js';
import { checkRbac } from './checks/rbac.js';
import { checkWarmup } from './checks/warmup.js';
import type { Facts } from './facts.js';

const CHAIN: readonly [DiagnosticCheckId, (f: Facts) => DiagnosticCheck][] = [
  ['apiserver', checkApiserver],
  ['rbac', checkRbac],
  ['aggregation', checkAggregation],
  ['apiservice', checkApiService],
  ['warmup', checkWarmup],
  ['kubelet-scrape', checkKubeletScrape],
  ['freshness', checkFreshness],
  ['pods', checkPods],
];

/** Every link judged; nothing past an unreachable API server is guessed at. */
export function runChecks(f: Facts): DiagnosticCheck[] {
  const first = checkApiserver(f);
  if (first.status === 'fail')
    return [first, ...CHAIN.slice(1).map(([id]) => notChecked(id, 'apiserver'))];
  const checks = [first, ...CHAIN.slice(1).map(([, run]) => run(f))];
  // A pod within its first scrapes has no endpoints yet: expected, not a failure.
  const warm = checks.find((c) => c.id === 'warmup');
  const allFine = checks.every((c) => c.status === 'ok' || c.status === 'unknown');
  if (allFine && f.pipeline.lastPoll?.kind === 'failed') {
    return checks.map((c) => (c.id === 'freshness' ? pollFailedSinceFine(f) : c));
  }
  return checks.map((c) =>
    c.id === 'apiservice' &&
    c.status === 'fail' &&
    c.summary.code === 'apiservice.missing-endpoints' &&
    warm?.status === 'warn'
      ? { ...c, status: 'warn' as const }
      : c,
  );
}

/**
 * The link to fix first: the deepest failing one (a broken link further in explains the
 * symptoms further out, e.g. x509 on every kubelet → pod unready → MissingEndpoints), or the
 * deepest warning when nothing fails. An unready pod past its warm-up is what the APIService's
 * MissingEndpoints already says, so that link is named then.
 */
export function failingLink(checks: readonly DiagnosticCheck[]): DiagnosticCheck | undefined {
  const apiserviceFails = checks.some((c) => c.id === 'apiservice' && c.status === 'fail');
  const ranked = checks.filter(
    (c) => !(c.id === 'warmup' && c.status === 'fail' && apiserviceFails),
  );
  const deepest = (status: 'fail' | 'warn') =>
    [...ranked].reverse().find((c) => c.status === status);
  return deepest('fail') ?? deepest('warn');
}

export function buildReport(cluster: string, f: Facts): DiagnosticsReport {
  const checks = runChecks(f);
  const failing = failingLink(checks);
  const status = checks.some((c) => c.status === 'fail')
    ? 'failing'
    : checks.some((c) => c.status === 'warn')
      ? 'degraded'
      : 'ok';
  return { cluster, status, checkedAtMs: f.nowMs, failing: failing?.id ?? null, checks };
}

export function summarise(report: DiagnosticsReport): DiagnosticsSummary {
  const c = report.checks.find((x) => x.id === report.failing);
  return {
    status: report.status,
    checkedAtMs: report.checkedAtMs,
    failing: c ? { id: c.id, status: c.status, title: c.title, summary: c.summary } : null,
  };
}
