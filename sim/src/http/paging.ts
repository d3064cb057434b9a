/**
 * List chunking (`limit` + `continue`). The token is opaque to clients; inside it carries the
 * list's resourceVersion and the key (namespace/name) of the last item returned. Resuming
 * after a key rather than an offset means churn between pages can neither repeat an item nor
 * shift one past the cursor unseen: items that exist for the whole walk come exactly once.
 */
import type { KubeObject } from '../model/types.js';

export interface ContinueToken {
  /** resourceVersion of the first page; later pages report the same, like the apiserver. */
  rv: number;
  /** Key of the last item already returned (see {@link objectKey}). */
  after: string;
}

export class ContinueTokenError extends Error {
  override name = 'ContinueTokenError';
}

const VERSION = 'kubeglance-sim/v1';

export function encodeContinue(token: ContinueToken): string {
  const json = JSON.stringify({ v: VERSION, rv: token.rv, start: token.after });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeContinue(raw: string): ContinueToken {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(raw)) {
    throw new ContinueTokenError('continue key is not valid: illegal base64 data');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw new ContinueTokenError('continue key is not valid: malformed token');
  }
  const p = parsed as { v?: unknown; rv?: unknown; start?: unknown } | null;
  if (
    p === null ||
    typeof p !== 'object' ||
    p.v !== VERSION ||
    typeof p.rv !== 'number' ||
    !Number.isSafeInteger(p.rv) ||
    p.rv < 0 ||
    typeof p.start !== 'string'
  ) {
    throw new ContinueTokenError(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  return { rv: p.rv, after: p.start };
}

/** Sort key: namespace, a separator below every name character, then name. */
export function objectKey(obj: KubeObject): string {
  return `${obj.metadata.namespace ?? ''}\u0000${obj.metadata.name}`;
}

/** Code-unit order of (namespace, name), the same order as {@link objectKey} strings. */
function compareObjects(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const am = a.metadata.name;
  const bm = b.metadata.name;
  return am === bm ? 0 : am < bm ? -1 : 1;
}

// The check below costs O(n) (~150 ms at 150k pods), too much for every page of a chunked
// list. Store lists are snapshots (the ObjectStore copies before changing a list it handed
// out), so the verdict is remembered per array, with its length as a guard against a store
// that inserts in place.
const ordered = new WeakMap<
  readonly KubeObject[],
  { length: number; result: readonly KubeObject[] }
>();

/**
 * The list in key order. The store promises namespace-then-name order; this verifies it in
 * O(n) (once per list snapshot) and sorts a copy only if its collation differs from plain
 * code-unit order.
 */
export function inKeyOrder(items: readonly KubeObject[]): readonly KubeObject[] {
  const cached = ordered.get(items);
  if (cached && cached.length === items.length) return cached.result;
  let result = items;
  for (let i = 1; i < items.length; i++) {
    if (compareObjects(items[i - 1] as KubeObject, items[i] as KubeObject) > 0) {
      result = [...items].sort(compareObjects);
      break;
    }
  }
  ordered.set(items, { length: items.length, result });
  return result;
}

/** Index of the first item whose key is greater than `after` (binary search; keyed order). */
export function indexAfter(items: readonly KubeObject[], after: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (objectKey(items[mid] as KubeObject) <= after) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Page {
  items: KubeObject[];
  /** Key of the last returned item when more matching items follow. */
  nextAfter?: string;
  /** Items left after this page (only meaningful when nothing was filtered). */
  remaining: number;
}

/** The index range of one namespace's objects ('' for cluster-scoped) in keyed order. */
export function namespaceRange(items: readonly KubeObject[], namespace: string): [number, number] {
  return [indexAfter(items, namespace), indexAfter(items, `${namespace}\u0001`)];
}

/**
 * Walk keyed items in [start, end), keeping those `accept` passes, until `limit` (0 = all) are
 * collected; report whether another match follows so no empty trailing page is promised.
 */
export function takePage(
  items: readonly KubeObject[],
  start: number,
  end: number,
  limit: number,
  accept: (obj: KubeObject) => boolean,
): Page {
  const out: KubeObject[] = [];
  for (let i = start; i < end; i++) {
    const obj = items[i] as KubeObject;
    if (!accept(obj)) continue;
    if (limit > 0 && out.length === limit) {
      const last = out[out.length - 1] as KubeObject;
      return { items: out, nextAfter: objectKey(last), remaining: end - i };
    }
    out.push(obj);
  }
  return { items: out, remaining: 0 };
}
