import type { DiagnosticCheck } from '@kubeglance/shared/api';
import type { Facts } from '../facts.js';
import { evidence, fix, listNames } from '../phrase.js';
import { result } from './common.js';

/** kubectl's grace for a new pod without metrics. */
const GRACE_MS = 120_000;
/** Pods named in the evidence; the rest are counted. */
const EVIDENCE_PODS = 20;

/** Link 8: running pods that should have metrics by now (a container runs) but do not. */
export function checkPods(f: Facts): DiagnosticCheck {
  const sample = f.pipeline.sample;
  // Before the first poll has answered, nothing failed: say so, not "does not answer".
  if (f.metrics.kind !== 'ok' && f.pipeline.lastPoll !== null) {
    return result('pods', {
      status: 'unknown',
      code: 'no-metrics',
      text: 'Not checked: the metrics API does not answer.',
    });
  }
  if (f.metrics.kind !== 'ok' || sample === null) {
    return result('pods', {
      status: 'unknown',
      code: 'no-sample',
      text: 'Not checked: no metrics sample yet.',
    });
  }
  // Names by namespace: no `namespace/name` string is built per pod (150,000 of them).
  const have = new Map<string, Set<string>>();
  for (const p of sample.pods) {
    let names = have.get(p.namespace);
    if (!names) have.set(p.namespace, (names = new Set()));
    names.add(p.name);
  }
  const nodesWithMetrics = f.metrics.value.timestamps;
  const missing: string[] = [];
  let onMissingNodes = 0;
  for (const p of f.pipeline.inventory.pods.values()) {
    if (p.phase !== 'Running' || f.nowMs - p.createdMs < GRACE_MS) continue;
    // All containers waiting (CrashLoopBackOff): nothing to measure, so no item is expected.
    if (p.running === false) continue;
    if (have.get(p.namespace)?.has(p.name)) continue;
    missing.push(`${p.namespace}/${p.name}`);
    if (p.node !== null && !nodesWithMetrics.has(p.node)) onMissingNodes += 1;
  }
  missing.sort();
  if (missing.length === 0) {
    return result('pods', {
      status: 'ok',
      code: 'ok',
      text: 'Every running pod older than 2 minutes has metrics.',
    });
  }
  const shown = missing.slice(0, EVIDENCE_PODS);
  return result('pods', {
    status: 'warn',
    // Two sentences, not one with a clause that reads "(0 of them …)" in translation.
    code: onMissingNodes > 0 ? 'missing-some-on-missing-nodes' : 'missing',
    params: { count: missing.length, onMissingNodes, names: listNames(missing) },
    text: `${missing.length} running pod(s) older than 2 minutes have no metrics${onMissingNodes ? ` (${onMissingNodes} on nodes without metrics)` : ''}.`,
    evidence: [
      // The names verbatim; how many of how many is said by the label, in words.
      shown.length < missing.length
        ? evidence(
            'pods-first',
            `Running pods without metrics (first ${shown.length} of ${missing.length})`,
            shown.join('\n'),
            { shown: shown.length, total: missing.length },
          )
        : evidence('pods', 'Running pods without metrics', shown.join('\n')),
    ],
    fix: [
      fix(
        'pods-usual',
        'Usually short-lived pods or a kubelet that cannot report them; see the Kubelet scrape link.',
        { command: 'kubectl top pods -A' },
      ),
    ],
  });
}
