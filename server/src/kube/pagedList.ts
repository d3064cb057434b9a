import type { Upstream } from './upstream.js';
import type { InventoryPath } from './watchStream.js';

interface RawObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
}

interface ListPage {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: RawObject[];
}

const PAGE_SIZE = 500;

/** How an informer keys its cache, from an object's namespace (if any) and name. */
export type KeyOf = (namespace: string | undefined, name: string) => string;

/** `namespace/name` (empty namespace for cluster-scoped objects). */
export const namespacedKey: KeyOf = (namespace, name) => `${namespace ?? ''}/${name}`;

/** The object's cache key, or undefined without a name. */
export function objectKey(raw: unknown, keyOf: KeyOf = namespacedKey): string | undefined {
  const meta = (raw as RawObject | null)?.metadata;
  if (typeof meta?.name !== 'string') return undefined;
  return keyOf(meta.namespace, meta.name);
}

/** Parses one object; a malformed one is skipped, never taking the inventory down. */
export function parseOrSkip<T>(parse: (raw: unknown) => T, raw: unknown): T | undefined {
  try {
    return parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * Lists in pages of {@link PAGE_SIZE}, as kubectl does: a 150,000-pod cluster is ~230 MiB
 * of JSON, and parsing it in one piece would stall every request for seconds. All pages
 * come from the snapshot of the first one, whose resourceVersion a watch resumes from.
 */
export async function listAll<T>(
  upstream: Upstream,
  path: InventoryPath,
  timeoutMs: number,
  parse: (raw: unknown) => T,
  keyOf: KeyOf = namespacedKey,
): Promise<{ resourceVersion: string; items: Map<string, T> }> {
  const items = new Map<string, T>();
  let resourceVersion = '';
  let token: string | undefined;
  do {
    const query: Record<string, string> = { limit: String(PAGE_SIZE) };
    if (token) query.continue = token;
    const { body } = await upstream.getJson<ListPage>(path, { timeoutMs, query });
    if (!token) resourceVersion = body.metadata?.resourceVersion ?? '';
    for (const raw of body.items ?? []) {
      const key = objectKey(raw, keyOf);
      const value = key === undefined ? undefined : parseOrSkip(parse, raw);
      if (key !== undefined && value !== undefined) items.set(key, value);
    }
    token = body.metadata?.continue || undefined;
  } while (token);
  return { resourceVersion, items };
}
