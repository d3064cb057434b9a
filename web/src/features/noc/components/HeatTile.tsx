/** One node of the wall screen's heat-map: its short name and its printed percent. */
import { memo } from 'react';
import type { NodeRow } from '@kubeglance/shared/api';
import { heatLevel } from '../../../lib/thresholds';
import { hottest } from '../nocAlerts';
import { t } from '../../../i18n/t';

/** What a tile prints as its percent: the hotter of CPU% and memory%, or a short "no metrics". */
export function tilePercent(node: NodeRow): string {
  const hot = hottest(node);
  return hot ? `${hot.percent}%` : t('noc.noMetricsShort');
}

interface HeatTileProps {
  node: NodeRow;
  label: string;
  span: number;
  /** The language on screen: a tile says it again in a new one. */
  language: string;
}

/**
 * A tile is drawn again only when what it prints or says changed: each sample brings new
 * rows for every node, and most tiles of a big cluster print the same as before.
 */
export const HeatTile = memo(function HeatTile({ node, label, span }: HeatTileProps) {
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
}, sameTile);

function sameTile(a: HeatTileProps, b: HeatTileProps): boolean {
  return (
    a.label === b.label &&
    a.span === b.span &&
    a.language === b.language &&
    a.node.name === b.node.name &&
    a.node.ready === b.node.ready &&
    a.node.cpu.percent === b.node.cpu.percent &&
    a.node.memory.percent === b.node.memory.percent
  );
}
