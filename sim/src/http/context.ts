/**
 * What every handler gets: the shared simulator state (`SimDeps`) and the parsed request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultSet } from '../faults.js';
import type { SimCluster } from '../model/types.js';
import type { RequestLog } from './requestLog.js';

/** Long-lived state shared by all requests of one simulator. */
export interface SimDeps {
  cluster: SimCluster;
  faults: FaultSet;
  /** The bearer token every request must carry. */
  token: string;
  /** Delay applied to every API response while the `slow` fault is on. */
  slowMs: number;
  /** Interval between BOOKMARK events on watches that asked for them. */
  bookmarkIntervalMs: number;
  requestLog: RequestLog;
  /** Close functions of the watches currently streaming (for stats and shutdown). */
  watches: Set<() => void>;
  /** When the simulator started (creationTimestamp of synthetic objects such as APIServices). */
  startedAt: Date;
  /** With `--warmup`: until when metrics-server has not finished its first two scrapes. */
  warmupUntilMs?: number;
  /** Whether the optional kube-system Role for diagnostics is bound (default true). */
  diagnosticsRole?: boolean;
}

/** One request as a handler sees it. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  /** Decoded path without a trailing slash (except `/`). */
  path: string;
  query: URLSearchParams;
  /** Values of `:name` segments of the matched route. */
  params: Readonly<Record<string, string>>;
  deps: SimDeps;
}

export type Handler = (ctx: RequestContext) => void | Promise<void>;
