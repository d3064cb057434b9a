/**
 * The simulator's own control API under `/_sim` (bearer token required, never faulted, never
 * logged): switch faults, read or reset the request log, and see live watch counts.
 *
 *   GET    /_sim/faults                       -> {"active": [...], "known": [...]}
 *   POST   /_sim/faults {"set":[..],"clear":[..]} -> {"active": [...]}   (clear applies first)
 *   DELETE /_sim/faults                       -> clears every fault
 *   GET    /_sim/requests[?clear=1]           -> {"items": [{method,path,query,time,timeMs,userAgent,status}]}
 *   DELETE /_sim/requests                     -> empties the log
 *   GET    /_sim/stats                        -> {"watches": n, "resourceVersion": "n", "faults": [...]}
 */
import { FAULT_NAMES, UnknownFaultError } from '../faults.js';
import type { Handler } from './context.js';
import { readJsonBody } from './body.js';
import { sendJson } from './respond.js';
import type { Router } from './router.js';
import { ApiError, badRequest } from './status.js';

function names(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new ApiError(badRequest(`${field} must be a fault name or a list of fault names`));
}

const getFaults: Handler = ({ res, deps }) => {
  sendJson(res, 200, { active: deps.faults.active(), known: FAULT_NAMES });
};

const postFaults: Handler = async ({ req, res, deps }) => {
  const body = await readJsonBody(req);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ApiError(
      badRequest('expected a JSON object like {"set":["throttle"]} or {"clear":["throttle"]}'),
    );
  }
  const { set, clear } = body as { set?: unknown; clear?: unknown };
  const toSet = names(set, 'set');
  const toClear = names(clear, 'clear');
  try {
    // Validate both lists before changing anything, so a typo leaves the state untouched.
    deps.faults.validate([...toSet, ...toClear]);
  } catch (err) {
    if (err instanceof UnknownFaultError) throw new ApiError(badRequest(err.message));
    throw err;
  }
  if (toClear.length > 0) deps.faults.clear(...toClear);
  if (toSet.length > 0) deps.faults.set(...toSet);
  sendJson(res, 200, { active: deps.faults.active() });
};

const deleteFaults: Handler = ({ res, deps }) => {
  deps.faults.clear();
  sendJson(res, 200, { active: deps.faults.active() });
};

const getRequests: Handler = ({ res, query, deps }) => {
  const items = deps.requestLog.list();
  const clear = query.get('clear');
  if (clear === '1' || clear === 'true') deps.requestLog.clear();
  sendJson(res, 200, { items });
};

const deleteRequests: Handler = ({ res, deps }) => {
  deps.requestLog.clear();
  sendJson(res, 200, { items: [] });
};

const getStats: Handler = ({ res, deps }) => {
  sendJson(res, 200, {
    watches: deps.watches.size,
    resourceVersion: String(deps.cluster.store.currentResourceVersion()),
    faults: deps.faults.active(),
  });
};

/** Register the `/_sim` control paths. */
export function addControlRoutes(router: Router): void {
  router.add('/_sim/faults', { GET: getFaults, POST: postFaults, DELETE: deleteFaults });
  router.add('/_sim/requests', { GET: getRequests, DELETE: deleteRequests });
  router.add('/_sim/stats', { GET: getStats });
}
