/**
 * Every pod of a namespace, virtualised: only the rows in view are in the DOM, so
 * 10,000 pods scroll smoothly. It stays a real <table> (aria-rowcount on the
 * table, aria-rowindex on rows) so screen readers know the full size; spacer rows
 * stand in for the rows that are not rendered.
 */
import { Fragment, memo, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { SortHeaders } from '../../../components/SortHeader';
import type { FlatRow, PodSortKey } from '../podView';
import type { SortState } from '../../../lib/sort';
import { BreakableName } from '../../../components/BreakableName';
import { PhaseBadge } from '../../../components/PodBadges';
import { ContainerKindBadge, containerKindLabel } from '../../../components/ContainerKind';
import { usageCells } from './PodCells';
import {
  NAME_MIN_WIDTH,
  POD_COLUMNS,
  POD_TABLE_WIDTH,
  PHONE_LEAD,
  type PodColumn,
} from './podColumns';
import { useElementSize } from '../../../hooks/useElementSize';
import { usePhone } from '../../../hooks/usePhone';
import { leadingColumns } from '../../../lib/columnOrder';
import { t } from '../../../i18n/t';

// Fixed row height (CSS matches), room for a name wrapped onto two lines: no measuring,
// no jumps while scrolling.
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 32;

interface PodTableProps {
  rows: readonly FlatRow[];
  sort: SortState<PodSortKey>;
  onSort: (key: PodSortKey) => void;
  onToggle: (pod: string) => void;
  podLink: (pod: string) => string;
}

export function PodTable({ rows, sort, onSort, onToggle, podLink }: PodTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // We do not use the React Compiler, whose memoisation this library defeats.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 12,
    getItemKey: (i) => rows[i]?.key ?? i,
  });
  const items = virtualizer.getVirtualItems();
  // On a phone, name, CPU and memory lead; the desktop order is unchanged.
  const columns = leadingColumns(POD_COLUMNS, PHONE_LEAD, usePhone());
  // The name column takes what the others leave, so wide windows show names on one line.
  const { width } = useElementSize(scrollRef);
  const nameWidth = Math.max(
    NAME_MIN_WIDTH,
    Math.floor(width) - (POD_TABLE_WIDTH - NAME_MIN_WIDTH),
  );
  const before = (items[0]?.start ?? HEADER_HEIGHT) - HEADER_HEIGHT;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? HEADER_HEIGHT);
  return (
    <div
      ref={scrollRef}
      className="pod-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('namespace.tableScroll')}
    >
      <table
        className="data-table pod-table"
        aria-label={t('common.pods')}
        aria-rowcount={rows.length + 1}
        style={{ width: POD_TABLE_WIDTH - NAME_MIN_WIDTH + nameWidth }}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.key === 'name' ? nameWidth : c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <SortHeaders columns={columns} sort={sort} onSort={onSort} />
          </tr>
        </thead>
        <tbody>
          {before > 0 && <Spacer height={before} />}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return row.kind === 'pod' ? (
              <PodLine
                key={row.key}
                row={row}
                columns={columns}
                index={item.index}
                onToggle={onToggle}
                link={podLink(row.view.pod.name)}
              />
            ) : (
              <ContainerLine key={row.key} row={row} columns={columns} index={item.index} />
            );
          })}
          {after > 0 && <Spacer height={after} />}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={POD_COLUMNS.length} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** A row's cells, placed in the order of the table's columns. */
function Cells({
  columns,
  cells,
}: {
  columns: readonly PodColumn[];
  cells: Partial<Record<PodColumn['key'], ReactNode>>;
}) {
  return columns.map((c) => <Fragment key={c.key}>{cells[c.key]}</Fragment>);
}

interface PodLineProps {
  row: Extract<FlatRow, { kind: 'pod' }>;
  columns: readonly PodColumn[];
  index: number;
  onToggle: (pod: string) => void;
  link: string;
}

// Memoised: while scrolling, rows that stay in view keep their DOM and skip rendering.
const PodLine = memo(function PodLine({ row, columns, index, onToggle, link }: PodLineProps) {
  const { pod } = row.view;
  return (
    <tr aria-rowindex={index + 2} className={row.expanded ? 'expanded' : undefined}>
      <Cells
        columns={columns}
        cells={{
          name: (
            <th scope="row" className="name">
              <button
                type="button"
                className="expander"
                aria-expanded={row.expanded}
                aria-label={t(
                  row.expanded ? 'namespace.hideContainers' : 'namespace.showContainers',
                  {
                    pod: pod.name,
                  },
                )}
                onClick={() => onToggle(pod.name)}
              >
                <span aria-hidden="true">{row.expanded ? '▾' : '▸'}</span>
              </button>
              <Link to={link} className="pod-link">
                <BreakableName name={pod.name} />
              </Link>
            </th>
          ),
          status: (
            <td>
              <PhaseBadge phase={pod.phase} />
            </td>
          ),
          node: (
            <td>
              {pod.node == null ? (
                <span className="muted">{t('namespace.notScheduled')}</span>
              ) : (
                <BreakableName name={pod.node} />
              )}
            </td>
          ),
          restarts: <td className="num">{pod.restarts}</td>,
          ...usageCells(row.view, pod.metrics),
        }}
      />
    </tr>
  );
});

const ContainerLine = memo(function ContainerLine({
  row,
  columns,
  index,
}: {
  row: Extract<FlatRow, { kind: 'container' }>;
  columns: readonly PodColumn[];
  index: number;
}) {
  const { kind } = row.view.container;
  return (
    <tr aria-rowindex={index + 2} className="container-row">
      <Cells
        columns={columns}
        cells={{
          name: (
            <th scope="row" className="name">
              <span aria-hidden="true" className="tree">
                {row.last ? '└' : '├'}
              </span>
              <span className="sr-only">{containerKindLabel(kind)} </span>
              {row.view.container.name} <ContainerKindBadge kind={kind} />
            </th>
          ),
          // Status, node and restarts are the pod's: one cell spans the three (adjacent in
          // every column order).
          status: (
            <td colSpan={3} className="muted">
              {containerKindLabel(kind)} of {row.pod.pod.name}
            </td>
          ),
          ...usageCells(row.view, row.pod.pod.metrics),
        }}
      />
    </tr>
  );
});
