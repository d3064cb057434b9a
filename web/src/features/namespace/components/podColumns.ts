/**
 * Column set of the pod table: labels as k9s prints them, widths for a fixed layout.
 * The name column takes whatever the others leave (its width here is its minimum), so
 * at 1440 px most names fit one line and longer ones wrap at a dash; narrower windows
 * scroll sideways with the name column kept in place; on a phone, name, CPU and memory lead.
 */
import type { PodSortKey } from '../podView';
import { t } from '../../../i18n/t';

export interface PodColumn {
  key: PodSortKey;
  label: string;
  numeric?: boolean;
  title?: string;
  /** px; the table uses a fixed layout so columns do not jump while scrolling. */
  width: number;
}

/** A column; label and title are read when rendered, in the language on screen. */
function column(
  key: PodSortKey,
  label: () => string,
  width: number,
  extra: { numeric?: boolean; title?: () => string } = {},
): PodColumn {
  return {
    key,
    get label() {
      return label();
    },
    get title() {
      return extra.title?.();
    },
    width,
    ...(extra.numeric ? { numeric: true } : {}),
  };
}

// The usage columns keep k9s' compact labels in every language; their titles explain them.
export const POD_COLUMNS: readonly PodColumn[] = [
  column('name', () => t('columns.name'), 190),
  column('status', () => t('columns.status'), 96),
  column('node', () => t('namespace.col.node'), 124),
  column('restarts', () => t('namespace.col.restarts'), 92, { numeric: true }),
  column('cpu', () => 'CPU', 64, { numeric: true, title: () => t('namespace.colTitle.cpu') }),
  column('cpuRequest', () => 'CPU/R', 68, {
    numeric: true,
    title: () => t('namespace.colTitle.cpuRequest'),
  }),
  column('cpuLimit', () => 'CPU/L', 68, {
    numeric: true,
    title: () => t('namespace.colTitle.cpuLimit'),
  }),
  column('cpuPctRequest', () => '%CPU/R', 80, {
    numeric: true,
    title: () => t('namespace.colTitle.cpuPctRequest'),
  }),
  column('cpuPctLimit', () => '%CPU/L', 80, {
    numeric: true,
    title: () => t('namespace.colTitle.cpuPctLimit'),
  }),
  column('memory', () => 'MEM', 68, { numeric: true, title: () => t('namespace.colTitle.memory') }),
  column('memoryRequest', () => 'MEM/R', 72, {
    numeric: true,
    title: () => t('namespace.colTitle.memoryRequest'),
  }),
  column('memoryLimit', () => 'MEM/L', 68, {
    numeric: true,
    title: () => t('namespace.colTitle.memoryLimit'),
  }),
  column('memoryPctRequest', () => '%MEM/R', 84, {
    numeric: true,
    title: () => t('namespace.colTitle.memoryPctRequest'),
  }),
  column('memoryPctLimit', () => '%MEM/L', 84, {
    numeric: true,
    title: () => t('namespace.colTitle.memoryPctLimit'),
  }),
  column('flags', () => t('namespace.col.flags'), 150, {
    title: () => t('namespace.colTitle.flags'),
  }),
];

/** The columns a phone shows first (the others follow, scrolled to). */
export const PHONE_LEAD: readonly PodSortKey[] = ['name', 'cpu', 'memory'];

/** The name column's narrowest width, px. */
export const NAME_MIN_WIDTH = 190;

export const POD_TABLE_WIDTH = POD_COLUMNS.reduce((sum, c) => sum + c.width, 0);
