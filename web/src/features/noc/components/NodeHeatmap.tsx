/**
 * One tile per node, coloured by the hotter of CPU% and memory%, sized so every
 * node fits the panel (3 nodes or 500). Tiles carry their percent as text when
 * large enough, and every tile has a label: colour is never the only signal.
 */
import { useRef } from 'react';
import type { NodeRow } from '@kubeglance/shared/api';
import { useElementSize } from '../../../hooks/useElementSize';
import { hottest } from '../../../lib/nocAlerts';
import { HEAT_LABELS, heatLevel, type HeatLevel } from '../../../lib/thresholds';
import { fitTiles } from '../../../lib/tileLayout';

const GAP = 4;
const LEVELS: HeatLevel[] = [0, 1, 2, 3];

export function NodeHeatmap({ nodes }: { nodes: readonly NodeRow[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const { cols, size } = fitTiles(nodes.length, width, height, GAP);
  return (
    <div className="noc-heat">
      <div ref={ref} className="noc-heat-area">
        <ul
          className="noc-heat-grid"
          aria-label="Node heat-map"
          style={{
            gridTemplateColumns: `repeat(${cols}, ${size}px)`,
            gridAutoRows: `${size}px`,
            gap: GAP,
          }}
        >
          {nodes.map((n) => (
            <Tile key={n.name} node={n} size={size} />
          ))}
        </ul>
      </div>
      <ul className="noc-heat-legend" aria-label="Heat-map legend">
        {LEVELS.map((l) => (
          <li key={l}>
            <span className={`swatch heat-${l}`} aria-hidden="true" />
            {HEAT_LABELS[l]}
          </li>
        ))}
        <li>
          <span className="swatch heat-unknown" aria-hidden="true" />
          no metrics
        </li>
      </ul>
    </div>
  );
}

function Tile({ node, size }: { node: NodeRow; size: number }) {
  const hot = hottest(node);
  const level = heatLevel(hot?.percent ?? null);
  const label =
    `${node.name}: ${node.ready ? '' : 'NotReady, '}` +
    (hot ? `CPU ${node.cpu.percent ?? '?'}%, memory ${node.memory.percent ?? '?'}%` : 'no metrics');
  // Text only where it fits: percent from ~2 em, the node name from ~5 em.
  const showPercent = size >= 44;
  const showName = size >= 110;
  return (
    <li
      className={`noc-tile heat-${level ?? 'unknown'} ${node.ready ? '' : 'not-ready'}`}
      aria-label={label}
      title={label}
      style={{ fontSize: Math.max(10, Math.min(size * 0.3, 40)) }}
    >
      {showName && <span className="noc-tile-name">{node.name}</span>}
      {showPercent && (
        <span className="noc-tile-pct">
          {hot ? `${hot.percent}%` : 'n/a'}
          {showName && hot && <span className="noc-tile-res"> {hot.resource}</span>}
        </span>
      )}
      {showName && !node.ready && <span className="noc-tile-flag">NotReady</span>}
    </li>
  );
}
