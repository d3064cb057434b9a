/** One node of the wall screen's heat-map: its short name and its printed percent. */
import type { NodeRow } from '@kubeglance/shared/api';
import { heatLevel } from '../../../lib/thresholds';
import { hottest } from '../nocAlerts';
import { t } from '../../../i18n/t';

/** What a tile prints as its percent: the hotter of CPU% and memory%, or "n/a". */
export function tilePercent(node: NodeRow): string {
  const hot = hottest(node);
  return hot ? `${hot.percent}%` : t('namespace.notApplicable');
}

interface HeatTileProps {
  node: NodeRow;
  label: string;
  span: number;
}

export function HeatTile({ node, label, span }: HeatTileProps) {
  const hot = hottest(node);
  // The colour comes from the same percent the tile prints.
  const level = heatLevel(hot?.percent ?? null);
  const description =
    `${node.name}: ${node.ready ? '' : 'NotReady, '}` +
    (hot
      ? t('noc.tileDescription', {
          cpu: node.cpu.percent ?? '?',
          memory: node.memory.percent ?? '?',
        })
      : t('common.noMetrics'));
  return (
    <li
      className={`noc-tile heat-${level ?? 'unknown'} ${node.ready ? '' : 'not-ready'}`}
      aria-label={description}
      title={description}
      style={span > 1 ? { gridColumn: `span ${span}` } : undefined}
    >
      <span className="noc-tile-name">{label}</span>
      <span className="noc-tile-pct">{node.ready ? tilePercent(node) : 'NotReady'}</span>
    </li>
  );
}
