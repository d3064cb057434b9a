import type { CompactNodes, CompactPods } from './compactMetrics.js';

/** Messages between the main thread and the metrics parse worker. */

export interface ParseRequest {
  id: number;
  kind: 'nodes' | 'pods';
  /** The JSON body (decompressed), transferred to the worker. */
  body: Uint8Array;
}

export type ParseReply =
  | { id: number; list: CompactNodes | CompactPods }
  | {
      id: number;
      /** `json`: the body is not JSON; otherwise the list as a whole has the wrong shape. */
      error: { json: boolean; name: string; message: string };
    };
