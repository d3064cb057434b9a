import type { CompactNodes, CompactPods } from './compactMetrics.js';

/** Messages between the main thread and the metrics parse worker. */

export interface ParseRequest {
  id: number;
  kind: 'nodes' | 'pods';
  /** The body as it arrived, in chunks (transferred), joined and decompressed by the worker. */
  chunks: Uint8Array[];
  /** Gzip-compressed (`Content-Encoding: gzip`). */
  gzipped: boolean;
}

export type ParseReply =
  | { id: number; list: CompactNodes | CompactPods }
  | {
      id: number;
      /**
       * `json`: the body is not JSON; `gzip`: not valid gzip; otherwise the list as a whole
       * has the wrong shape.
       */
      error: { json: boolean; gzip?: boolean; name: string; message: string };
    };
