/**
 * A sortable column header: a real <th scope="col"> with aria-sort when active and
 * a button inside, so the sort is reachable by keyboard and announced.
 */
import type { SortState } from '../lib/sort';

interface SortHeaderProps<K extends string> {
  label: string;
  sortKey: K;
  sort: SortState<K>;
  onSort: (key: K) => void;
  numeric?: boolean;
  /** Longer explanation (e.g. "usage as a share of the request"). */
  title?: string;
}

export function SortHeader<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
  numeric,
  title,
}: SortHeaderProps<K>) {
  const active = sort.key === sortKey;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" aria-sort={ariaSort} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)} title={title}>
        {label}
        <span aria-hidden="true" className={`sort-icon ${active ? 'active' : ''}`}>
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** One column of a sortable table header row. */
export interface SortColumn<K extends string> {
  key: K;
  label: string;
  numeric?: boolean;
  title?: string;
}

interface SortHeadersProps<K extends string> {
  columns: readonly SortColumn<K>[];
  sort: SortState<K>;
  onSort: (key: K) => void;
}

/** The sortable header cells of a table, one per column (to place inside a `<tr>`). */
export function SortHeaders<K extends string>({ columns, sort, onSort }: SortHeadersProps<K>) {
  return columns.map((c) => (
    <SortHeader
      key={c.key}
      label={c.label}
      numeric={c.numeric}
      title={c.title}
      sortKey={c.key}
      sort={sort}
      onSort={onSort}
    />
  ));
}
