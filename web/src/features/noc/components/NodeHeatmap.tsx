/**
 * One tile per node, coloured by the hotter of CPU% and memory%, sized so every
 * node fits the panel (3 nodes or 500). Tiles carry their percent as text when
 * large enough, and every tile has a label: colour is never the only signal.
 * Names drop the prefix all nodes share (the panel title shows it once) and are cut
 * in the middle, so "worker-0…12" stays distinguishable where "sim-worker-0…" was not.
 */
import { useRef } from 'react';
import type { NodeRow } from '@kubeglance/shared/api';
import { MiddleEllipsis } from '../../../components/MiddleEllipsis';
import { useElementSize } from '../../../hooks/useElementSize';
import { hottest } from '../nocAlerts';
import { HEAT_LABELS, heatLevel, type HeatLevel } from '../../../lib/thresholds';
import { fitTiles } from '../../../lib/tileLayout';

const GAP = 4;
const LEVELS: HeatLevel[] = [0, 1, 2, 3];

interface NodeHeatmapProps {
  nodes: readonly NodeRow[];
  /** Shared name prefix (`sharedPrefix`), left off the tiles and shown by the caller. */
  prefix: string;
}

export function NodeHeatmap({ nodes, prefix }: NodeHeatmapProps) {
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
            <Tile key={n.name} node={n} size={size} prefix={prefix} />
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

function Tile({ node, size, prefix }: { node: NodeRow; size: number; prefix: string }) {
  const hot = hottest(node);
  const level = heatLevel(hot?.percent ?? null);
  const label =
    `${node.name}: ${node.ready ? '' : 'NotReady, '}` +
    (hot ? `CPU ${node.cpu.percent ?? '?'}%, memory ${node.memory.percent ?? '?'}%` : 'no metrics');
  // Text only where it fits at the wall screen's minimum size (2.5 % of the screen height):
  // the percent from two lines of it, the name (without the shared prefix) from 3.4.
  const minPx = nocMinFontPx();
  const showPercent = size >= 2 * minPx;
  const showName = size >= 3.4 * minPx;
  return (
    <li
      className={`noc-tile heat-${level ?? 'unknown'} ${node.ready ? '' : 'not-ready'}`}
      aria-label={label}
      title={label}
      // Grows with the tile, capped relative to the viewport (not in px) so a 4K wall
      // reads like 1080p from the same distance instead of leaving the tile empty.
      style={{ fontSize: `max(var(--noc-min), min(${Math.round(size * 0.3)}px, 4vh))` }}
    >
      {showName && (
        <MiddleEllipsis
          className="noc-tile-name"
          text={node.name.slice(prefix.length)}
          title={label}
        />
      )}
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

/** " · sim-worker-…" for a panel title: the prefix the tiles leave off, said once. */
export function NodePrefix({ prefix }: { prefix: string }) {
  if (!prefix) return null;
  return (
    <span className="noc-subtle" title={`every node name starts with ${prefix}`}>
      {' · '}
      <span className="noc-prefix">{prefix}…</span>
    </span>
  );
}

/** The wall screen's minimum font size in px (`--noc-min`: 2.5 % of the viewport height). */
export function nocMinFontPx(): number {
  return 0.025 * window.innerHeight;
}
