import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gzip, constants } from 'node:zlib';
import type { Request, Response } from 'express';
import type { SampledListResponse } from '@kubeglance/shared/api';
import type { ClusterPipeline } from '../pipeline/clusterPipeline.js';
import { sendList } from './jsonCache.js';

const gzipAsync = promisify(gzip);
/** Below this, compressing costs more than it saves. */
const GZIP_MIN_BYTES = 8 * 1024;
/** A list nobody asked for this long is no longer rebuilt ahead of time. */
const WANTED_FOR_MS = 5 * 60_000;
/** Inventory changes alone rebuild at most this often (as the read view's snapshot does). */
const INVENTORY_REFRESH_MS = 1000;

interface Built {
  body: Buffer;
  gzipped: Buffer | null;
  timestampMs: number | null;
  stale: boolean;
}

/** Builds one list; undefined when it no longer exists (a deleted namespace). */
export type MakeList = () => SampledListResponse<unknown> | undefined;

interface Wanted {
  lastAskedMs: number;
  make: MakeList;
}

/** Distinct lists built ahead at most (top-pod queries with every limit are not all kept). */
const MAX_WANTED = 256;

/**
 * List responses built ahead of time, after each sample (and inventory change), serialised
 * and gzipped (on zlib's thread pool), one list per event-loop turn, then swapped in all at
 * once: a reader is always answered from complete bytes of one sample, and the rebuild
 * never makes it wait for more than one list's serialisation. A list is built ahead once it
 * has been asked for (the first request builds it inline) and while it is asked for.
 */
export class ListBuffers {
  private current = new Map<string, Built>();
  private readonly wanted = new Map<string, Wanted>();
  private building = false;
  private builtFrom: { sample: unknown; version: number | undefined; stale: boolean } | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pipeline: ClusterPipeline) {
    pipeline.on('sample', () => void this.rebuild());
  }

  /**
   * Sends the prebuilt list `key` if it is of the current sample, else builds it inline;
   * false when `make` says the list does not exist (nothing sent).
   */
  send(req: Request, res: Response, key: string, make: MakeList): boolean {
    const w = this.wanted.get(key);
    if (w) w.lastAskedMs = Date.now();
    else if (this.wanted.size < MAX_WANTED) this.wanted.set(key, { lastAskedMs: Date.now(), make });
    const built = this.current.get(key);
    const sample = this.pipeline.sample;
    // Read once: `stale` derives the cluster's status, which is not free at 50 requests at once.
    const stale = this.pipeline.stale;
    if (!built || built.timestampMs !== (sample?.timestampMs ?? null) || built.stale !== stale) {
      const list = make();
      if (!list) return false;
      sendList(req, res, list);
      this.scheduleRebuild();
      return true;
    }
    if (this.changed(stale)) this.scheduleRebuild();
    res.type('application/json').vary('accept-encoding');
    if (built.gzipped && req.acceptsEncodings('gzip') === 'gzip') {
      res.setHeader('content-encoding', 'gzip');
      res.send(built.gzipped);
    } else {
      res.send(built.body);
    }
    return true;
  }

  private scheduleRebuild(): void {
    if (this.timer || this.building) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild();
    }, INVENTORY_REFRESH_MS);
    this.timer.unref();
  }

  private changed(stale = this.pipeline.stale): boolean {
    const b = this.builtFrom;
    const p = this.pipeline;
    return !b || b.sample !== p.sample || b.version !== p.inventory.version || b.stale !== stale;
  }

  /** Builds every wanted list anew, yielding between lists, then swaps them in at once. */
  private async rebuild(): Promise<void> {
    if (this.building) return;
    this.building = true;
    try {
      const p = this.pipeline;
      const from = { sample: p.sample, version: p.inventory.version, stale: p.stale };
      const next = new Map<string, Built>();
      const now = Date.now();
      for (const [key, w] of [...this.wanted]) {
        if (now - w.lastAskedMs > WANTED_FOR_MS) {
          this.wanted.delete(key);
          continue;
        }
        await yieldToLoop();
        const list = w.make();
        if (!list) {
          this.wanted.delete(key);
          continue;
        }
        const body = Buffer.from(JSON.stringify(list));
        // Compressed once per sample on zlib's thread pool and sent to every reader until
        // the next: the default level's extra time is paid once, its third fewer bytes (the
        // 5,000-node list: 177 KB instead of 257 KB) on every request.
        const gzipped =
          body.length >= GZIP_MIN_BYTES
            ? await gzipAsync(body, { level: constants.Z_DEFAULT_COMPRESSION })
            : null;
        next.set(key, { body, gzipped, timestampMs: list.timestampMs, stale: list.stale });
      }
      this.current = next;
      this.builtFrom = from;
    } finally {
      this.building = false;
    }
    // A new sample meanwhile: again at once; only the inventory (churn): a second from now.
    if (this.builtFrom?.sample !== this.pipeline.sample) setImmediate(() => void this.rebuild());
    else if (this.wanted.size > 0 && this.changed()) this.scheduleRebuild();
  }
}

const perPipeline = new WeakMap<ClusterPipeline, ListBuffers>();

/** The prebuilt lists of one cluster (created on first use). */
export function listBuffersOf(pipeline: ClusterPipeline): ListBuffers {
  let b = perPipeline.get(pipeline);
  if (!b) perPipeline.set(pipeline, (b = new ListBuffers(pipeline)));
  return b;
}
