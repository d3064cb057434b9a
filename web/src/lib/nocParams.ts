/** Options of the wall screen, all from its URL (no mouse or keyboard in front of a TV). */
import { DurationError, parseDurationMs } from '@kubeglance/shared/duration';
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
  const rotate = positiveDuration(search.get('rotate'));
  const reload = positiveDuration(search.get('reload'));
  return {
    clusters: parseList(search.get('clusters')),
    namespaces: parseList(search.get('namespaces')),
    rotateMs: rotate == null ? DEFAULT_ROTATE_MS : Math.max(rotate, MIN_ROTATE_MS),
    theme: search.get('theme') === 'light' ? 'light' : 'dark',
    reloadMs: reload == null ? null : Math.max(reload, MIN_RELOAD_MS),
  };
}

/** A Go duration (`20s`, `6h`, `1h30m`) in ms; null when absent, malformed or not positive. */
function positiveDuration(text: string | null): number | null {
  if (text == null) return null;
  try {
    const ms = Math.round(parseDurationMs(text.trim()));
    return ms > 0 ? ms : null;
  } catch (e) {
    if (e instanceof DurationError) return null;
    throw e;
  }
}
