/** Alerts of live clusters for the wall screen (see nocAlerts.ts for the rules). */
import type { LiveCluster } from '../../api/liveState';
import { diagnosticsPath } from '../../lib/paths';
import { clusterAlerts, type NocAlert } from './nocAlerts';
import { t } from '../../i18n/t';

/** A cluster's alerts; those about the metrics pipeline open its Diagnostics page. */
export function alertsOf(c: LiveCluster, namespaces: readonly string[]): NocAlert[] {
  return clusterAlerts({
    problems: c.status.problems,
    nodes: c.nodes,
    topMemoryPods: c.topPods.memory,
    namespaces,
  }).map((a) =>
    a.key.startsWith('problem:')
      ? {
          ...a,
          href: diagnosticsPath(c.cluster, c.status.diagnostics?.failing?.id),
          startedMs: problemStart(c, a.key.slice('problem:'.length)),
        }
      : a,
  );
}

/**
 * When a problem began, in browser time: its server-side `sinceMs` moved by the offset
 * between the server's clock and the browser's at the moment the status arrived.
 */
function problemStart(c: LiveCluster, code: string): number | undefined {
  const p = c.status.problems.find((q) => q.code === code);
  if (!p) return undefined;
  return c.receivedMs - Math.max(0, c.status.serverNowMs - p.sinceMs);
}

/** Every cluster's alerts in one list, each prefixed with its cluster, worst first. */
export function allAlerts(
  clusters: readonly LiveCluster[],
  namespaces: readonly string[],
): NocAlert[] {
  return clusters
    .flatMap((c) =>
      alertsOf(c, namespaces).map((a) => ({
        ...a,
        key: `${c.cluster}:${a.key}`,
        text: `${c.cluster}: ${a.text}`,
      })),
    )
    .sort(
      (a, b) =>
        Number(b.severity === 'critical') - Number(a.severity === 'critical') ||
        b.weight - a.weight,
    );
}

/** One critical alert per requested cluster the server does not have. */
export function unknownAlerts(unknown: readonly string[]): NocAlert[] {
  return unknown.map((name) => ({
    key: `unknown:${name}`,
    severity: 'critical',
    text: t('noc.unknownClusterAlert', { name }),
    detail: t('noc.notConfigured'),
    weight: 2000,
  }));
}
