import type { DiagnosticCheck } from '@kubeglance/shared/api';
import type { Facts } from '../facts.js';
import { englishNames, evidence, fix, listNames } from '../phrase.js';
import { readFailure, result } from './common.js';

/** A node clock this far ahead of kubeglance's is skewed, whatever the resolution. */
const AHEAD_MS = 30_000;

const noMetrics = (): DiagnosticCheck =>
  result('freshness', {
    status: 'unknown',
    code: 'no-metrics',
    text: 'Not checked: the metrics API does not answer.',
  });

/** Before the first poll has answered there is nothing to judge, and nothing has failed. */
const noSampleYet = (): DiagnosticCheck =>
  result('freshness', {
    status: 'unknown',
    code: 'no-sample',
    text: 'Not checked: no metrics sample yet.',
  });

/**
 * Every link judged fine now, yet the last metrics poll failed: the cause has just cleared
 * (the next poll, within one resolution, brings data back) or is one no check sees. Said as a
 * warning with the poll's answer, never as "every link works".
 */
export function pollFailedSinceFine(f: Facts): DiagnosticCheck {
  return result('freshness', {
    status: 'warn',
    code: 'poll-failed',
    text: 'The last metrics poll failed, though every link looks fine now: the next poll (within one resolution) should bring data back.',
    evidence: readFailure(f.metricsRequest, f.metrics),
  });
}

/** Link 7: do the timestamps advance, and do the node clocks agree with ours? */
export function checkFreshness(f: Facts): DiagnosticCheck {
  if (f.pipeline.lastPoll === null) return noSampleYet();
  if (f.metrics.kind !== 'ok') return noMetrics();
  const { status, resolutionMs } = f.pipeline;
  const last = status.lastSampleMs;
  const lastText = last === null ? 'none yet' : new Date(last).toISOString();
  if (status.metrics === 'stale') {
    const age = last === null ? null : Math.round((f.nowMs - last) / 1000);
    return result('freshness', {
      status: 'fail',
      code: 'stuck',
      params: { seconds: age ?? 0, resolution: resolutionMs / 1000 },
      text: `Metrics timestamps stopped advancing: the newest sample is ${age ?? '?'} s old (resolution ${resolutionMs / 1000} s).`,
      evidence: [evidence('newest-sample', 'Newest sample timestamp', lastText)],
      fix: [
        fix('restart', 'metrics-server is stuck: restart it.', {
          command: 'kubectl -n kube-system rollout restart deployment metrics-server',
        }),
      ],
    });
  }
  const ahead = [...f.metrics.value.timestamps]
    .filter(([, ts]) => ts !== null && ts - f.nowMs > AHEAD_MS)
    .map(([name, ts]) => ({ name, seconds: Math.round(((ts as number) - f.nowMs) / 1000) }));
  if (ahead.length > 0) {
    const names = ahead.map((a) => a.name);
    return result('freshness', {
      status: 'warn',
      code: 'skew',
      params: { count: ahead.length, names: listNames(names) },
      text: `${ahead.length} node clock(s) run ahead of kubeglance’s: ${englishNames(listNames(names))}.`,
      evidence: [
        evidence(
          'skew',
          'Node timestamp ahead by',
          ahead.map((a) => `${a.name}: +${a.seconds}s`).join('\n'),
        ),
      ],
      fix: [
        fix('ntp', 'Synchronise the node clocks (NTP, chrony) and check them.', {
          command: 'timedatectl status',
        }),
      ],
    });
  }
  return result('freshness', {
    status: 'ok',
    code: 'ok',
    params: { resolution: resolutionMs / 1000 },
    text: `Samples advance every ${resolutionMs / 1000} s; node clocks agree.`,
    evidence: [evidence('newest-sample', 'Newest sample timestamp', lastText)],
  });
}
