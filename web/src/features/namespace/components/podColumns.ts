/**
 * Column set of the pod table: labels as k9s prints them, widths for a fixed layout.
 * The name column takes whatever the others leave (its width here is its minimum), so
 * at 1440 px most names fit one line and longer ones wrap at a dash; narrower windows
 * scroll sideways with the name column kept in place; on a phone, name, CPU and memory lead.
 */
import type { PodSortKey } from '../podView';

export interface PodColumn {
  key: PodSortKey;
  label: string;
  numeric?: boolean;
  title?: string;
  /** px; the table uses a fixed layout so columns do not jump while scrolling. */
  width: number;
}

export const POD_COLUMNS: readonly PodColumn[] = [
  { key: 'name', label: 'Name', width: 190 }, // NAME_MIN_WIDTH
  { key: 'status', label: 'Status', width: 96 },
  { key: 'node', label: 'Node', width: 124 },
  { key: 'restarts', label: 'Restarts', numeric: true, width: 92 },
  { key: 'cpu', label: 'CPU', numeric: true, width: 64, title: 'CPU usage (millicores)' },
  { key: 'cpuRequest', label: 'CPU/R', numeric: true, width: 68, title: 'CPU request' },
  { key: 'cpuLimit', label: 'CPU/L', numeric: true, width: 68, title: 'CPU limit' },
  {
    key: 'cpuPctRequest',
    label: '%CPU/R',
    numeric: true,
    width: 80,
    title: 'CPU usage, % of request',
  },
  { key: 'cpuPctLimit', label: '%CPU/L', numeric: true, width: 80, title: 'CPU usage, % of limit' },
  { key: 'memory', label: 'MEM', numeric: true, width: 68, title: 'Memory usage (MiB)' },
  { key: 'memoryRequest', label: 'MEM/R', numeric: true, width: 72, title: 'Memory request' },
  { key: 'memoryLimit', label: 'MEM/L', numeric: true, width: 68, title: 'Memory limit' },
  {
    key: 'memoryPctRequest',
    label: '%MEM/R',
    numeric: true,
    width: 84,
    title: 'Memory usage, % of request',
  },
  {
    key: 'memoryPctLimit',
    label: '%MEM/L',
    numeric: true,
    width: 84,
    title: 'Memory usage, % of limit',
  },
  {
    key: 'flags',
    label: 'Flags',
    width: 150,
    title: 'OOM risk (≥ 90 % of memory limit), over-provisioned (< 20 % of request)',
  },
];

/** The columns a phone shows first (the others follow, scrolled to). */
export const PHONE_LEAD: readonly PodSortKey[] = ['name', 'cpu', 'memory'];

/** The name column's narrowest width, px. */
export const NAME_MIN_WIDTH = 190;

export const POD_TABLE_WIDTH = POD_COLUMNS.reduce((sum, c) => sum + c.width, 0);
