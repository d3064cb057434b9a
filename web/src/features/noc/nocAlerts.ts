/**
 * What the wall screen calls out: metrics-pipeline problems, nodes that are not
 * Ready or above 85 %, and pods near their memory limit. Pure, from live data.
 */
import type { NodeRow, Problem, ProblemCode, TopPod } from '@kubeglance/shared/api';
import {
  hotterPercent,
  isOomRisk,
  NODE_ALERT_PERCENT,
  OOM_RISK_PERCENT,
  percentOf,
} from '../../lib/thresholds';
import { t } from '../../i18n/t';
import { problemHint, problemMessage } from '../../i18n/problem';

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
  /** Compact form for a summary line ("node-7 92% CPU"). */
  short?: string;
  /** Where to read more (the cluster's Diagnostics page for pipeline problems). */
  href?: string;
  /** Browser time the condition began (problems): its age is shown and keeps advancing. */
  startedMs?: number;
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
  const inScope = topMemoryPods.filter(
    (p) => namespaces.length === 0 || namespaces.includes(p.namespace),
  );
  return [
    ...problems.map(problemAlert),
    ...collapse(nodes.filter((n) => !n.ready).map(notReadyAlert), (n) =>
      t('noc.alert.manyNotReady', { n }),
    ),
    ...collapse(nodes.flatMap(hotNodeAlert), (n) =>
      t('noc.alert.manyHot', { n, percent: NODE_ALERT_PERCENT }),
    ),
    ...collapse(inScope.flatMap(podMemoryAlert), (n) =>
      t('noc.alert.manyOom', { n, percent: OOM_RISK_PERCENT }),
    ),
  ].sort(bySeverityThenWeight);
}

function problemAlert(p: Problem): NocAlert {
  return {
    key: `problem:${p.code}`,
    severity: WARNING_PROBLEMS.has(p.code) ? 'warning' : 'critical',
    text: problemMessage(p),
    detail: fixCommand(p.hint, problemHint(p)),
    weight: 1000,
  };
}

/**
 * What a wall screen shows of a fix: the commands, one per line, without the prose around
 * them (read from 4 m, the command is what someone types). A hint with no `quoted` command
 * is shown whole (`prose`: the hint in the language on screen).
 */
export function fixCommand(hint: string, prose = hint): string {
  const quoted = [...hint.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  return quoted.length > 0 ? quoted.join('\n') : prose;
}

function notReadyAlert(n: NodeRow): NocAlert {
  return {
    key: `notready:${n.name}`,
    severity: 'critical',
    text: t('noc.alert.notReady', { name: n.name }),
    short: n.name,
    weight: 500,
  };
}

function hotNodeAlert(n: NodeRow): NocAlert[] {
  const hot = hottest(n);
  if (!hot || hot.percent <= NODE_ALERT_PERCENT) return [];
  return [
    {
      key: `node:${n.name}`,
      severity: 'warning',
      text: t('noc.alert.hot', {
        name: n.name,
        resource: resourceWord(hot.resource),
        percent: hot.percent,
      }),
      detail: t('noc.alert.hotDetail', {
        cpu: n.cpu.percent ?? '?',
        memory: n.memory.percent ?? '?',
      }),
      short: `${n.name} ${hot.percent}% ${resourceWord(hot.resource)}`,
      weight: hot.percent,
    },
  ];
}

function podMemoryAlert(p: TopPod): NocAlert[] {
  if (p.memoryBytes == null || p.memoryLimitBytes == null || p.memoryLimitBytes <= 0) return [];
  // The printed (truncated) percent decides, so the alert never contradicts the table.
  const percent = percentOf(p.memoryBytes, p.memoryLimitBytes);
  if (percent == null || !isOomRisk(percent)) return [];
  return [
    {
      key: `pod:${p.namespace}/${p.name}`,
      severity: percent >= 100 ? 'critical' : 'warning',
      text: t('noc.alert.podMemory', { pod: `${p.namespace}/${p.name}`, percent }),
      detail: t('flags.oomRisk'),
      short: `${p.namespace}/${p.name} ${percent}%`,
      weight: percent,
    },
  ];
}

/** More alerts of one kind than fit a wall screen page: one summary alert naming the worst. */
export const MAX_PER_KIND = 4;

function collapse(alerts: NocAlert[], summary: (count: number) => string): NocAlert[] {
  if (alerts.length <= MAX_PER_KIND) return alerts;
  const worst = [...alerts].sort(bySeverityThenWeight);
  const first = worst[0] as NocAlert;
  const named = worst.slice(0, 3).map((a) => a.short ?? a.text);
  return [
    {
      key: `${first.key.split(':')[0]}:many`,
      severity: first.severity,
      text: summary(alerts.length),
      detail: t('noc.alert.andMore', {
        names: named.join(t('common.listSeparator')),
        n: alerts.length - named.length,
      }),
      weight: first.weight,
    },
  ];
}

function bySeverityThenWeight(a: NocAlert, b: NocAlert): number {
  return severityRank(b.severity) - severityRank(a.severity) || b.weight - a.weight;
}

function severityRank(s: AlertSeverity): number {
  return s === 'critical' ? 1 : 0;
}

export interface HotNode {
  name: string;
  percent: number;
  resource: 'CPU' | 'memory';
}

/** `CPU` or `memory` in the language on screen. */
export function resourceWord(resource: HotNode['resource']): string {
  return t(resource === 'CPU' ? 'flags.resource.cpu' : 'flags.resource.memory');
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
