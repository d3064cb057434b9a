/**
 * Watch streams: newline-delimited `{"type","object"}` JSON over a chunked 200 response.
 *
 * Start: no resourceVersion (or "0") sends a synthetic ADDED per current object; a numeric one
 * replays `store.eventsSince` and answers an ERROR event with a 410 Expired Status when that
 * history is gone (then closes, so informers relist). The live subscription is taken in the
 * same tick as the snapshot/replay, and everything goes through one queue drained with
 * backpressure, so no event is lost or reordered even while a 150k-object snapshot streams.
 */
import type { KubeObject, ResourceKind, WatchEvent, WatchEventType } from '../model/types.js';
import type { RequestContext } from './context.js';
import { isUnfiltered, matchesFilter, type ObjectFilter } from './filter.js';
import { objectKey } from './paging.js';
import { drained } from './respond.js';
import { ApiError, badRequest, expired, type Status } from './status.js';
import { queryFlag } from './queryFlag.js';
import { tableHead, tableRow } from './table.js';
import { translateEvent, type MatchMemory } from './watchFilter.js';

const KINDS: Record<ResourceKind, string> = { pods: 'Pod', nodes: 'Node', namespaces: 'Namespace' };
/** Without timeoutSeconds the apiserver keeps a watch 30-60 min; we use the lower bound. */
const DEFAULT_TIMEOUT_S = 1800;
/** A consumer this far behind is cut off, as the apiserver does with slow watchers. */
const MAX_QUEUE = 200_000;
/** Events are written in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/** `CLOSE` is internal: end the stream once everything before it is written. */
type Outgoing = {
  type: WatchEventType | 'BOOKMARK' | 'ERROR' | 'CLOSE';
  object: unknown;
  rv?: number;
};

function parseRv(raw: string | null): number | undefined {
  if (raw === null || raw === '' || raw === '0') return undefined;
  if (!/^\d+$/.test(raw))
    throw new ApiError(
      badRequest(`resourceVersion: Invalid value: "${raw}": must be a non-negative integer`),
    );
  return Number(raw);
}

function goneStatus(rv: number | string, current: number): Status {
  return expired(`too old resource version: ${rv} (${current})`);
}

/** Serve a watch for `filter`; `tableVersion` turns each object into a one-row Table. */
export function serveWatch(ctx: RequestContext, filter: ObjectFilter, tableVersion?: string): void {
  const { res, query, deps } = ctx;
  const { store } = deps.cluster;
  const kind = filter.kind;
  const startRv = parseRv(query.get('resourceVersion'));
  const bookmarks = queryFlag(query, 'allowWatchBookmarks');
  // sendInitialEvents: true = watch-list (ADDEDs then an initial-events-end bookmark);
  // false = no synthetic ADDEDs; unset = ADDEDs only when no resourceVersion is given.
  const initialEvents = query.get('sendInitialEvents');
  const initialEnd = initialEvents === 'true';
  const timeoutRaw = Number(query.get('timeoutSeconds') ?? DEFAULT_TIMEOUT_S);
  const timeoutS = Number.isFinite(timeoutRaw) && timeoutRaw > 0 ? timeoutRaw : DEFAULT_TIMEOUT_S;

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();

  const filtered = !isUnfiltered(filter);
  const memory: MatchMemory = new Map();
  // A FIFO as array + head index: Array#shift is O(n), fatal for a 150k-event snapshot.
  let queue: Outgoing[] = [];
  let head = 0;
  const pending = (): number => queue.length - head;
  const compact = (): void => {
    if (head > 4096 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
  };
  let lastRv = startRv ?? store.currentResourceVersion();
  let closed = false;
  let pumping = false;
  const cleanups: (() => void)[] = [];

  const close = (): void => {
    if (closed) return;
    closed = true;
    for (const fn of cleanups.splice(0)) fn();
    deps.watches.delete(close);
    if (!res.writableEnded && !res.destroyed) res.end();
  };
  deps.watches.add(close);
  res.on('close', close);

  const toWire = (obj: KubeObject): unknown =>
    tableVersion
      ? {
          ...tableHead(kind, tableVersion, { resourceVersion: obj.metadata.resourceVersion }),
          rows: [tableRow(kind, obj)],
        }
      : obj;

  /** Queue one store change (or synthetic ADDED) if this watch should see it. */
  const offer = (type: WatchEventType, obj: KubeObject, rv: number): void => {
    if (filter.namespace !== undefined && obj.metadata.namespace !== filter.namespace) return;
    let sendType: WatchEventType | undefined = type;
    if (filtered)
      sendType = translateEvent(memory, objectKey(obj), type, matchesFilter(filter, obj));
    if (sendType) queue.push({ type: sendType, object: obj, rv });
    else lastRv = Math.max(lastRv, rv);
  };

  const fail = (status: Status): void => {
    queue = [];
    head = 0;
    queue.push({ type: 'ERROR', object: status });
    queue.push({ type: 'CLOSE', object: null });
    void pump();
  };

  /** Write queued events in ~64 KB chunks, waiting for drain; never throws (closes instead). */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && head < queue.length) {
        let chunk = '';
        let closeAfter = false;
        while (head < queue.length && chunk.length < CHUNK_CHARS) {
          const ev = queue[head++] as Outgoing;
          if (ev.type === 'CLOSE') {
            closeAfter = true;
            break;
          }
          const object =
            ev.type === 'ADDED' || ev.type === 'MODIFIED' || ev.type === 'DELETED'
              ? toWire(ev.object as KubeObject)
              : ev.object;
          if (ev.rv !== undefined) lastRv = Math.max(lastRv, ev.rv);
          chunk += `${JSON.stringify({ type: ev.type, object })}\n`;
        }
        compact();
        const ok = chunk === '' || res.write(chunk);
        if (closeAfter) return close();
        // Yield between chunks so a huge initial snapshot cannot starve other requests.
        if (!ok) await drained(res);
        else if (head < queue.length) await new Promise<void>((r) => setImmediate(r));
      }
    } catch (err) {
      process.stderr.write(`kubeglance-sim: watch stream failed: ${(err as Error).message}\n`);
      close();
    } finally {
      pumping = false;
    }
  }

  const live = (event: WatchEvent): void => {
    if (closed) return;
    offer(event.type, event.object, event.resourceVersion);
    if (pending() > queueLimit) return close();
    void pump();
  };

  if (deps.faults.has('watch-gone')) {
    fail(goneStatus(query.get('resourceVersion') ?? lastRv, store.currentResourceVersion()));
    return;
  }

  // Snapshot/replay and subscription in one synchronous block: nothing can slip between.
  if (startRv === undefined) {
    const snapshotRv = store.currentResourceVersion();
    if (initialEvents !== 'false') {
      for (const obj of store.list(kind))
        offer('ADDED', obj, Number(obj.metadata.resourceVersion) || 0);
    }
    lastRv = Math.max(lastRv, snapshotRv);
    if (initialEnd)
      queue.push({
        type: 'BOOKMARK',
        object: bookmarkObject(kind, snapshotRv, true),
        rv: snapshotRv,
      });
  } else {
    const events = store.eventsSince(kind, startRv);
    if (events === 'gone') {
      fail(goneStatus(startRv, store.currentResourceVersion()));
      return;
    }
    for (const e of events) offer(e.type, e.object, e.resourceVersion);
  }
  const queueLimit = MAX_QUEUE + pending();
  cleanups.push(store.subscribe(kind, live));
  cleanups.push(
    deps.faults.onChange((added) => {
      if (added.includes('watch-gone')) fail(goneStatus(lastRv, store.currentResourceVersion()));
    }),
  );

  const timeout = setTimeout(close, timeoutS * 1000);
  cleanups.push(() => clearTimeout(timeout));
  if (bookmarks) {
    const timer = setInterval(() => {
      // Only when idle: a bookmark promises every change up to its RV has been delivered.
      if (pending() > 0 || pumping) return;
      const rv = store.currentResourceVersion();
      queue.push({ type: 'BOOKMARK', object: bookmarkObject(kind, rv, false), rv });
      void pump();
    }, deps.bookmarkIntervalMs);
    cleanups.push(() => clearInterval(timer));
  }
  void pump();
}

/** A BOOKMARK carries only kind, apiVersion and metadata.resourceVersion (plus the watch-list marker). */
function bookmarkObject(kind: ResourceKind, rv: number, initialEventsEnd: boolean): unknown {
  return {
    kind: KINDS[kind],
    apiVersion: 'v1',
    metadata: {
      resourceVersion: String(rv),
      ...(initialEventsEnd ? { annotations: { 'k8s.io/initial-events-end': 'true' } } : {}),
    },
  };
}
