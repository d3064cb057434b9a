/**
 * Faults in every language: for each simulator fault, the Diagnostics page, the problem banner
 * (details unfolded) and the wall screen's alerts in en, zh-CN and ja with no missing key and no
 * English, the server's sentences and kubeglance's own detail lines included; a 403 names its
 * user and resource in every language. Screenshots: e2e/artifacts/lang-<lang>-*-<fault>.png.
 */
import { afterEach, describe, it } from 'vitest';
import { SMALL } from './fixtures/env.js';
import { expectFaultSpoken, type FaultCase } from './fixtures/languageFaults.js';
import { useEnv } from './fixtures/suite.js';

const env = useEnv();

const FAULTS: Omit<FaultCase, 'cluster'>[] = [
  { fault: 'metrics-unavailable', problem: 'metrics-api-unavailable', check: 'apiservice' },
  {
    fault: 'kubelet-x509-some',
    problem: 'nodes-missing-metrics',
    check: 'kubelet-scrape',
    docs: true,
  },
  {
    fault: 'metrics-forbidden',
    problem: 'metrics-forbidden',
    check: 'rbac',
    banner: ['system:anonymous', 'nodes.metrics.k8s.io'],
    uhd: true,
  },
  { fault: 'metrics-stale', problem: 'metrics-stale', check: 'freshness' },
  // kubeglance's own detail lines: dropped items and why, relists per kind.
  { fault: 'bad-items', problem: 'malformed-metrics' },
  { fault: 'watch-gone', problem: 'watch-churn', uhd: true },
];

describe('faults in every language: Diagnostics, the problem banner, wall-screen alerts', () => {
  afterEach(() => env().small.faults.clear());

  it.each(FAULTS)(
    '$fault',
    async (c) => {
      env().small.faults.set(c.fault);
      await expectFaultSpoken(env(), { ...c, cluster: SMALL.name });
      // Nine screens, or twelve with the 4K wall screen, each waiting for live data.
    },
    300_000,
  );
});
