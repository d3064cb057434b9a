import { describe, expect, it } from 'vitest';
import type { PodInfo, PodUsage } from '../../kube/types.js';
import type { Facts } from '../facts.js';
import { checkFreshness } from './freshness.js';
import { checkPods } from './pods.js';

const NOW = 10 * 60_000;
/** The fields the check reads; the rest of a pod does not matter to it. */
const pod = (namespace: string, name: string, over: Partial<PodInfo> = {}): PodInfo =>
  ({
    namespace,
    name,
    node: 'n1',
    phase: 'Running',
    running: true,
    createdMs: 0,
    ...over,
  }) as PodInfo;
const usage = (namespace: string, name: string): PodUsage => ({
  namespace,
  name,
  timestampMs: NOW,
  windowMs: 15_000,
  containers: [{ name: 'app', cpuNanocores: 1, memoryBytes: 1 }],
});

/** Only what the pods check reads; the rest of the facts do not matter to it. */
function facts(pods: PodInfo[], reported: PodUsage[]): Facts {
  return {
    nowMs: NOW,
    metrics: { kind: 'ok', value: { timestamps: new Map([['n1', NOW]]) } },
    pipeline: {
      inventory: { pods: new Map(pods.map((p) => [`${p.namespace}/${p.name}`, p])) },
      sample: { timestampMs: NOW, nodes: [], pods: reported },
    },
  } as unknown as Facts;
}

describe('checkPods', () => {
  it('names a running pod past the grace without metrics', () => {
    const r = checkPods(facts([pod('a', 'has'), pod('a', 'lacks')], [usage('a', 'has')]));
    expect(r.summary.code).toBe('pods.missing');
    expect(r.evidence[0]?.value).toBe('a/lacks');
  });

  it('expects nothing of a pod whose containers all wait (CrashLoopBackOff)', () => {
    const r = checkPods(
      facts([pod('a', 'has'), pod('a', 'crashing', { running: false })], [usage('a', 'has')]),
    );
    expect(r.status).toBe('ok');
  });

  it('still expects metrics when the pod reports no container statuses', () => {
    const r = checkPods(facts([pod('a', 'unknown', { running: null })], []));
    expect(r.summary.code).toBe('pods.missing');
  });

  it('waits out the 2-minute grace of a new pod', () => {
    const r = checkPods(facts([pod('a', 'new', { createdMs: NOW - 60_000 })], []));
    expect(r.status).toBe('ok');
  });
});

describe('before the first metrics poll has answered', () => {
  // As facts.ts reads the poller before its first outcome: an error, and no sample.
  const early = {
    nowMs: NOW,
    metrics: { kind: 'error', message: 'no metrics poll has finished yet' },
    pipeline: { lastPoll: null, sample: null, inventory: { pods: new Map() } },
  } as unknown as Facts;
  const failed = {
    ...early,
    pipeline: { ...early.pipeline, lastPoll: { kind: 'failed', error: new Error('503') } },
  } as unknown as Facts;

  it('the pods and freshness checks say there is no sample yet, not that the API fails', () => {
    for (const r of [checkPods(early), checkFreshness(early)]) {
      expect(r.status).toBe('unknown');
      expect(r.summary.code).toMatch(/\.no-sample$/);
      expect(r.summary.text).toBe('Not checked: no metrics sample yet.');
    }
  });

  it('after a failed poll they say the metrics API does not answer', () => {
    for (const r of [checkPods(failed), checkFreshness(failed)]) {
      expect(r.summary.code).toMatch(/\.no-metrics$/);
    }
  });
});
