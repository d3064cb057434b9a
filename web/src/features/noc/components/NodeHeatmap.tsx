/**
 * One tile per node, coloured by the hotter of CPU% and memory% and printing that percent
 * and the node's short name (the stem every node shares is said once by the panel title),
 * in text no smaller than the wall screen's minimum (2.5 % of the screen height). A cluster
 * too big for that is shown by node group, each naming its hottest nodes (HeatGroups).
 */
import { useMemo, useRef, type ReactNode } from 'react';
import type { NodeRow } from '@kubeglance/shared/api';
import { useElementSize } from '../../../hooks/useElementSize';
import { planHeatmap } from '../../../lib/heatPlan';
import type { NodeLabels } from '../../../lib/nodeLabels';
import { HEAT_LABELS, type HeatLevel } from '../../../lib/thresholds';
import { HeatGroups, groupNodes } from './HeatGroups';
import { HeatTile, tilePercent } from './HeatTile';
import { fontFamilyOf, textWidthEm } from './textWidth';
import { t } from '../../../i18n/t';
import { currentLanguage } from '../../../i18n/i18n';

const GAP = 2;
const LEVELS: HeatLevel[] = [0, 1, 2, 3];
const SHORT: Record<HeatLevel, string> = { 0: '<50%', 1: '50–69%', 2: '70–84%', 3: '≥85%' };

interface NodeHeatmapProps {
  nodes: readonly NodeRow[];
  /** Short names (`nodeLabels`), in the order of `nodes`; the caller shows the prefix. */
  labels: NodeLabels;
  /** The panel's heading; the legend sits beside it (below it when narrow). */
  title: ReactNode;
}

export function NodeHeatmap({ nodes, labels, title }: NodeHeatmapProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const groups = useMemo(() => groupNodes(nodes), [nodes]);
  // A few dozen different percents among thousands of tiles: each is measured once.
  const percents = new Set(nodes.map((n) => (n.ready ? tilePercent(n) : 'NotReady')));
  // The tiles inherit the page's font (no ref may be read while rendering).
  const family = fontFamilyOf(document.body);
  const widest = Math.max(0, ...[...percents].map((p) => textWidthEm(p, 800, family)));
  // Names (and so their widths and the plan) change far less often than a sample comes.
  const nameEm = useMemo(
    () => labels.labels.map((l) => textWidthEm(l, 600, family)),
    [labels.labels, family],
  );
  const minFont = nocMinFontPx();
  const plan = useMemo(
    () =>
      planHeatmap(
        { nameEm, percentEm: widest },
        { width, height, minFont, maxFont: 1.6 * minFont, gap: GAP },
        groups.length,
      ),
    [nameEm, widest, width, height, minFont, groups.length],
  );
  return (
    <div className="noc-heat">
      <div className="noc-heat-head">
        <h2>{title}</h2>
        <HeatLegend />
      </div>
      <div ref={ref} className="noc-heat-area" data-layout={plan.kind}>
        {plan.kind === 'named' ? (
          <ul
            className="noc-heat-grid"
            aria-label={t('noc.heatmap')}
            style={{
              gridTemplateColumns: `repeat(${plan.cols}, ${plan.cellW}px)`,
              gridAutoRows: `${plan.cellH}px`,
              gap: GAP,
              fontSize: plan.font,
            }}
          >
            {nodes.map((n, i) => (
              <HeatTile
                key={n.name}
                node={n}
                label={labels.labels[i]!}
                span={plan.spans[i]!}
                language={currentLanguage()}
              />
            ))}
          </ul>
        ) : (
          <HeatGroups nodes={nodes} labels={labels.labels} groups={groups} plan={plan} />
        )}
      </div>
    </div>
  );
}

/** Short labels keep it beside the heading; the long ones are the tooltips. */
function HeatLegend() {
  return (
    <ul className="noc-heat-legend" aria-label={t('noc.heatmapLegend')}>
      {LEVELS.map((l) => (
        <li key={l} title={HEAT_LABELS[l]}>
          <span className={`swatch heat-${l}`} aria-hidden="true" />
          {SHORT[l]}
        </li>
      ))}
      <li title={t('common.noMetrics')}>
        <span className="swatch heat-unknown" aria-hidden="true" />
        {t('noc.noMetricsShort')}
      </li>
    </ul>
  );
}

/** " · sim-worker-…" for a panel title: the stem the tiles leave off, said once. */
export function NodePrefix({ prefix }: { prefix: string }) {
  if (!prefix) return null;
  return (
    <span className="noc-subtle" title={t('noc.tilesLeaveOff', { prefix })}>
      {' · '}
      <span className="noc-prefix">{prefix}…</span>
    </span>
  );
}

/** The wall screen's minimum font size in px (`--noc-min`: 2.5 % of the viewport height). */
export function nocMinFontPx(): number {
  return 0.025 * window.innerHeight;
}
