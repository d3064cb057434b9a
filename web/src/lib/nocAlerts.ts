/**
 * What the wall screen calls out: metrics-pipeline problems, nodes that are not
 * Ready or above 85 %, and pods near their memory limit. Pure, from live data.
 */
import type { NodeRow, Problem, ProblemCode, TopPod } from '@kubeglance/shared/api';
import { hotterPercent, NODE_ALERT_PERCENT, OOM_RISK_RATIO } from './thresholds';

export type AlertSeverity = 'critical' | 'warning';

export interface NocAlert {
  key: string;
  severity: AlertSeverity;
  /** What is wrong, in words (shown big). */
  text: string;
  /** Secondary line: the hint or the numbers. */
  detail?: string;
  /** For ordering within a severity: higher first. */
  weight: number;
}

export interface AlertInput {
  problems: readonly Problem[];
  nodes: readonly NodeRow[];
  /** Top pods by memory (the live stream's list); only these can be checked. */
  topMemoryPods: readonly TopPod[];
  /** Only pods of these namespaces; empty = all. */
  namespaces: readonly string[];
}

// Partial data or a transient condition; everything else means no (fresh) metrics at all.
const WARNING_PROBLEMS: ReadonlySet<ProblemCode> = new Set([
  'nodes-missing-metrics',
  'metrics-not-ready',
  'throttled',
]);

export function clusterAlerts({
  problems,
  nodes,
  topMemoryPods,
  namespaces,
}: AlertInput): NocAlert[] {
  const alerts: NocAlert[] = problems.map((p) => ({
    key: `problem:${p.code}`,
    severity: WARNING_PROBLEMS.has(p.code) ? 'warning' : 'critical',
    text: p.message,
    detail: p.hint,
    weight: 1000,
  }));
  for (const n of nodes) {
    if (!n.ready) {
      alerts.push({
        key: `notready:${n.name}`,
        severity: 'critical',
        text: `Node ${n.name} is NotReady`,
        weight: 500,
      });
    }
    const hot = hottest(n);
    if (hot && hot.percent > NODE_ALERT_PERCENT) {
      alerts.push({
        key: `node:${n.name}`,
        severity: 'warning',
        text: `Node ${n.name} ${hot.resource} ${hot.percent}%`,
        detail: `CPU ${n.cpu.percent ?? '?'}% · memory ${n.memory.percent ?? '?'}% of allocatable`,
        weight: hot.percent,
      });
    }
  }
  for (const p of topMemoryPods) {
    if (namespaces.length > 0 && !namespaces.includes(p.namespace)) continue;
    if (p.memoryBytes == null || p.memoryLimitBytes == null || p.memoryLimitBytes <= 0) continue;
    const ratio = p.memoryBytes / p.memoryLimitBytes;
    if (ratio < OOM_RISK_RATIO) continue;
    const percent = Math.round(ratio * 100);
    alerts.push({
      key: `pod:${p.namespace}/${p.name}`,
      severity: ratio >= 1 ? 'critical' : 'warning',
      text: `Pod ${p.namespace}/${p.name} memory ${percent}% of limit`,
      detail: 'OOM risk',
      weight: percent,
    });
  }
  return alerts.sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || b.weight - a.weight,
  );
}

function severityRank(s: AlertSeverity): number {
  return s === 'critical' ? 1 : 0;
}

export interface HotNode {
  name: string;
  percent: number;
  resource: 'CPU' | 'memory';
}

/** The hotter of a node's CPU% and memory%, and which one it is. */
export function hottest(n: NodeRow): HotNode | null {
  const percent = hotterPercent(n.cpu.percent, n.memory.percent);
  if (percent == null) return null;
  const resource = n.cpu.percent === percent ? 'CPU' : 'memory';
  return { name: n.name, percent, resource };
}

/** The hottest node of a cluster, or null when no node has metrics. */
export function hottestNode(nodes: readonly NodeRow[]): HotNode | null {
  let best: HotNode | null = null;
  for (const n of nodes) {
    const hot = hottest(n);
    if (hot && (!best || hot.percent > best.percent)) best = hot;
  }
  return best;
}
