/** Options of the wall screen, all from its URL (no mouse or keyboard in front of a TV). */
import { parseDuration } from './duration';
import { parseList } from './urlState';

export interface NocOptions {
  /** Empty: every cluster the server knows. */
  clusters: string[];
  /** Empty: all namespaces. */
  namespaces: string[];
  rotateMs: number;
  theme: 'dark' | 'light';
  /** Periodic full reload (memory hygiene on screens that run for weeks); null = never. */
  reloadMs: number | null;
}

export const DEFAULT_ROTATE_MS = 20_000;
// Faster than this the room cannot read a page before it changes.
const MIN_ROTATE_MS = 5_000;
// A reload storm would hide the dashboard behind blank screens.
const MIN_RELOAD_MS = 60_000;

export function parseNocOptions(search: URLSearchParams): NocOptions {
  const rotate = parseDuration(search.get('rotate'));
  const reload = parseDuration(search.get('reload'));
  return {
    clusters: parseList(search.get('clusters')),
    namespaces: parseList(search.get('namespaces')),
    rotateMs: rotate == null ? DEFAULT_ROTATE_MS : Math.max(rotate, MIN_ROTATE_MS),
    theme: search.get('theme') === 'light' ? 'light' : 'dark',
    reloadMs: reload == null ? null : Math.max(reload, MIN_RELOAD_MS),
  };
}
