/**
 * The HTTP/SSE contract between the kubeglance server and its browsers.
 *
 * Units are in the field names (`Millicores`, `Bytes`, `Ms`). `null` always means
 * "unknown" or "not set", never zero: a pod without a CPU limit has
 * `limitMillicores: null`, a node without metrics has `usageMillicores: null`.
 * Usage values are already rounded the way `kubectl top` rounds them
 * (CPU up to the millicore, memory exact bytes; see `format.ts`).
 */
import type { PhraseParams } from './phrase.js';

export type { NodeColumns, NodeUsageTuple } from './nodeColumns.js';
export * from './apiStatus.js';
export * from './apiRows.js';
export * from './apiHistory.js';
export * from './apiStream.js';
export * from './apiDiagnostics.js';

/**
 * Error body of every non-2xx response: a stable `code`, the English `message`, and where the
 * message names something (a cluster, a limit, a field) the same as `params`, so a browser can
 * say it in its own language.
 */
export interface ApiErrorBody {
  error: { code: string; message: string; params?: PhraseParams };
}
