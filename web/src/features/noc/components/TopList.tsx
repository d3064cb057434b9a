/**
 * Top pods by CPU or memory, big enough to read across the room. Names are never cut: the
 * namespace is left out when the pod name already starts with it, and a long name wraps
 * onto a second line at its dashes (the row is two lines tall, the value beside it). When a
 * STALE banner or a diagnosis line takes room, the list shows fewer rows, never thinner
 * ones, and its title says how many ("Top 6 pods by CPU").
 */
import { useRef } from 'react';
import type { TopPod } from '@kubeglance/shared/api';
import { cpuColumnFormat, memoryColumnFormat, type Formatter } from '@kubeglance/shared/columnUnit';
import { BreakableName } from '../../../components/BreakableName';
import { useElementSize } from '../../../hooks/useElementSize';
import { useMediaQuery } from '../../../hooks/useMediaQuery';
import { percentOf } from '../../../lib/thresholds';
import { nocMinFontPx } from './NodeHeatmap';

/** The most rows a list shows. */
export const TOP_MAX = 10;
/** Below this many rows of room a list still shows this many (the panel then scrolls out). */
const TOP_MIN = 3;

interface TopListProps {
  /** The busiest pods first; the list shows as many as fit, at most {@link TOP_MAX}. */
  pods: readonly TopPod[];
  by: 'cpu' | 'memory';
}

/** Rows of two lines that fit `height` px; a row's font is `max(--noc-min, 0.9em)`. */
export function topRowsThatFit(height: number, panelFontPx: number, minFontPx: number): number {
  const rowPx = 2 * Math.max(minFontPx, 0.9 * panelFontPx) + 1; // two lines and a border
  return Math.min(TOP_MAX, Math.max(TOP_MIN, Math.floor(height / rowPx)));
}

export function TopList({ pods: all, by }: TopListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const { height, fontSize } = useElementSize(ref);
  // On a phone the page scrolls: the list keeps its ten rows at their natural height.
  const phone = useMediaQuery('(max-width: 700px)');
  const rows = phone || height === 0 ? TOP_MAX : topRowsThatFit(height, fontSize, nocMinFontPx());
  const pods = all.slice(0, rows);
  const title = `Top ${pods.length === 0 ? TOP_MAX : pods.length} pods by ${by === 'cpu' ? 'CPU' : 'memory'}`;
  // One unit for the whole list, chosen by its largest value.
  const format =
    by === 'cpu'
      ? cpuColumnFormat(pods.map((p) => p.cpuMillicores))
      : memoryColumnFormat(pods.map((p) => p.memoryBytes));
  return (
    <section className="noc-panel noc-top" aria-label={title}>
      <h2>{title}</h2>
      <div ref={ref} className="noc-top-area">
        {pods.length === 0 ? (
          <p className="noc-empty">Metrics not available yet</p>
        ) : (
          <ol>
            {pods.map((p) => (
              <li key={`${p.namespace}/${p.name}`}>
                {p.name.startsWith(`${p.namespace}-`) ? (
                  <span className="noc-top-name" title={`${p.namespace}/${p.name}`}>
                    <span className="sr-only">{p.namespace}/</span>
                    <BreakableName name={p.name} />
                  </span>
                ) : (
                  // With its namespace the name is longer: it fills both lines, cut anywhere.
                  <span
                    className="noc-top-name noc-top-name-dense"
                    title={`${p.namespace}/${p.name}`}
                  >
                    <span className="noc-top-ns">{p.namespace}/</span>
                    {p.name}
                  </span>
                )}
                <Value pod={p} by={by} format={format} />
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

/** The usage; for memory also its share of the limit, on a line of its own if need be. */
function Value({ pod: p, by, format }: { pod: TopPod; by: 'cpu' | 'memory'; format: Formatter }) {
  const usage = by === 'cpu' ? p.cpuMillicores : p.memoryBytes;
  if (usage == null) return <span className="noc-top-value">unknown</span>;
  // "1.78 cores" may break before its unit: the name gets the room.
  if (by === 'cpu') return <span className="noc-top-value">{format(usage)}</span>;
  const ofLimit = percentOf(p.memoryBytes, p.memoryLimitBytes);
  return (
    <span className="noc-top-value">
      <span>{format(usage)}</span>
      {ofLimit != null && (
        <>
          {' · '}
          <span>{ofLimit}% of limit</span>
        </>
      )}
    </span>
  );
}
