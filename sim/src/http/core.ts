/**
 * The core/v1 resources: list (with selectors and chunking), get, and watch for nodes,
 * namespaces and pods, including the legacy `/api/v1/watch/...` paths.
 */
import type { KubeObject, ResourceKind } from '../model/types.js';
import type { Handler, RequestContext } from './context.js';
import { isUnfiltered, matchesFilter, parseFilter, type ObjectFilter } from './filter.js';
import {
  ContinueTokenError,
  decodeContinue,
  encodeContinue,
  inKeyOrder,
  indexAfter,
  namespaceRange,
  takePage,
} from './paging.js';
import { sendJson, sendList } from './respond.js';
import type { Router } from './router.js';
import { ApiError, badRequest, expired, notFound } from './status.js';
import { acceptedTableVersion, tableHead, tableRow } from './table.js';
import { isWatchRequest } from './queryFlag.js';
import { serveWatch } from './watch.js';

const LIST_KINDS: Record<ResourceKind, string> = {
  pods: 'PodList',
  nodes: 'NodeList',
  namespaces: 'NamespaceList',
};

const EXPIRED_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. ' +
  'You can start a new list without the continue parameter.';

function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return 0;
  if (!/^\d+$/.test(raw)) throw new ApiError(badRequest(`limit: Invalid value: "${raw}"`));
  return Number(raw);
}

/** One page of a list as `{items, listMeta}`: handles `limit`, `continue` and expiry. */
function listPage(
  ctx: RequestContext,
  filter: ObjectFilter,
): { items: KubeObject[]; meta: Record<string, unknown> } {
  const { store } = ctx.deps.cluster;
  const limit = parseLimit(ctx.query.get('limit'));
  const rawContinue = ctx.query.get('continue');
  const all = inKeyOrder(store.list(filter.kind));
  const [first, end] =
    filter.namespace !== undefined ? namespaceRange(all, filter.namespace) : [0, all.length];
  let start = first;
  let rv = store.currentResourceVersion();
  if (rawContinue) {
    let token;
    try {
      token = decodeContinue(rawContinue);
    } catch (err) {
      if (err instanceof ContinueTokenError) throw new ApiError(badRequest(err.message));
      throw err;
    }
    if (store.eventsSince(filter.kind, token.rv) === 'gone')
      throw new ApiError(expired(EXPIRED_CONTINUE));
    rv = token.rv;
    start = Math.max(start, indexAfter(all, token.after));
  }
  const unfiltered = isUnfiltered(filter);
  const page = takePage(
    all,
    start,
    end,
    limit,
    unfiltered ? () => true : (obj) => matchesFilter(filter, obj),
  );
  const meta: Record<string, unknown> = { resourceVersion: String(rv) };
  if (page.nextAfter !== undefined) {
    meta.continue = encodeContinue({ rv, after: page.nextAfter });
    // Like the apiserver, the count is only given when no selector makes it a guess.
    if (unfiltered) meta.remainingItemCount = page.remaining;
  }
  return { items: page.items, meta };
}

function listOrWatch(kind: ResourceKind, namespaced: boolean): Handler {
  return async (ctx) => {
    const filter = parseFilter(kind, namespaced ? ctx.params.namespace : undefined, ctx.query);
    const tableVersion = acceptedTableVersion(ctx.req);
    if (isWatchRequest(ctx.query)) return serveWatch(ctx, filter, tableVersion);
    const { items, meta } = listPage(ctx, filter);
    if (tableVersion) {
      const now = Date.now();
      await sendList(ctx.res, tableHead(kind, tableVersion, meta), 'rows', items, (o) =>
        tableRow(kind, o, now),
      );
      return;
    }
    await sendList(
      ctx.res,
      { kind: LIST_KINDS[kind], apiVersion: 'v1', metadata: meta },
      'items',
      items,
    );
  };
}

function watchOnly(kind: ResourceKind, namespaced: boolean): Handler {
  return (ctx) => {
    const filter = parseFilter(kind, namespaced ? ctx.params.namespace : undefined, ctx.query);
    serveWatch(ctx, filter, acceptedTableVersion(ctx.req));
  };
}

function getOne(kind: ResourceKind, namespaced: boolean): Handler {
  return (ctx) => {
    const name = ctx.params.name as string;
    const obj = ctx.deps.cluster.store.get(
      kind,
      namespaced ? ctx.params.namespace : undefined,
      name,
    );
    if (!obj) throw new ApiError(notFound(kind, name));
    const tableVersion = acceptedTableVersion(ctx.req);
    if (tableVersion) {
      const head = tableHead(kind, tableVersion, { resourceVersion: obj.metadata.resourceVersion });
      sendJson(ctx.res, 200, { ...head, rows: [tableRow(kind, obj)] });
      return;
    }
    sendJson(ctx.res, 200, obj);
  };
}

/** Register the core/v1 list, get and watch paths. */
export function addCoreRoutes(router: Router): void {
  router.add('/api/v1/nodes', { GET: listOrWatch('nodes', false) });
  router.add('/api/v1/nodes/:name', { GET: getOne('nodes', false) });
  router.add('/api/v1/namespaces', { GET: listOrWatch('namespaces', false) });
  router.add('/api/v1/namespaces/:name', { GET: getOne('namespaces', false) });
  router.add('/api/v1/pods', { GET: listOrWatch('pods', false) });
  router.add('/api/v1/namespaces/:namespace/pods', { GET: listOrWatch('pods', true) });
  router.add('/api/v1/namespaces/:namespace/pods/:name', { GET: getOne('pods', true) });
  // Deprecated watch paths, still served by the apiserver and used by older clients.
  router.add('/api/v1/watch/nodes', { GET: watchOnly('nodes', false) });
  router.add('/api/v1/watch/namespaces', { GET: watchOnly('namespaces', false) });
  router.add('/api/v1/watch/pods', { GET: watchOnly('pods', false) });
  router.add('/api/v1/watch/namespaces/:namespace/pods', { GET: watchOnly('pods', true) });
}
