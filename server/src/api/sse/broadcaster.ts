import type { Response } from 'express';
import { GZIP_HEADER, gzipChunk } from './sharedGzip.js';

/**
 * Fan-out of server-sent events to many viewers. Each event is serialised once into one
 * Buffer and that same Buffer is written to every subscribed client. A client whose socket
 * buffer grows past `maxBufferedBytes` (a wall screen on a dead Wi-Fi link) is dropped
 * rather than buffered without bound; its browser reconnects and gets a fresh snapshot.
 */

export interface SseClient {
  id: number;
  res: Response;
  /** Clusters this client follows. */
  clusters: ReadonlySet<string>;
  /** The stream is gzipped (shared chunks, see `sharedGzip.ts`). */
  gzip: boolean;
}

export interface BroadcasterOptions {
  maxBufferedBytes: number;
  heartbeatMs: number;
  onDrop?: (client: SseClient, reason: 'slow' | 'closed') => void;
}

/** `event:` + `data:` frame; JSON never contains raw newlines, so one data line suffices. */
export function encodeEvent(name: string, data: unknown): Buffer {
  return Buffer.from(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

const HEARTBEAT = Buffer.from(': heartbeat\n\n');

export class Broadcaster {
  private readonly clients = new Map<number, SseClient>();
  private nextId = 1;
  private readonly heartbeat: NodeJS.Timeout;
  /** Events written (per client) and bytes, for /metrics. */
  eventsSent = 0;
  dropped = 0;

  constructor(private readonly options: BroadcasterOptions) {
    this.heartbeat = setInterval(() => this.writeAll(HEARTBEAT, () => true), options.heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  /**
   * Registers an already-open SSE response; returns the client. With `gzip` the response
   * must carry `content-encoding: gzip`; the gzip header is written here.
   */
  add(res: Response, clusters: ReadonlySet<string>, gzip = false): SseClient {
    const client = { id: this.nextId++, res, clusters, gzip };
    if (gzip) res.write(GZIP_HEADER);
    this.clients.set(client.id, client);
    res.on('close', () => this.remove(client, 'closed'));
    return client;
  }

  /** Writes to one client (used for the initial hello/snapshot). */
  send(client: SseClient, frame: Buffer): void {
    this.write(client, frame);
  }

  /** Sends one event, serialised once, to every client following `cluster`. */
  publish(cluster: string, name: string, data: unknown): void {
    const frame = encodeEvent(name, data);
    this.writeAll(frame, (c) => c.clusters.has(cluster));
  }

  /** Ends every stream cleanly (graceful shutdown). */
  closeAll(): void {
    clearInterval(this.heartbeat);
    for (const c of [...this.clients.values()]) {
      this.clients.delete(c.id);
      c.res.end();
    }
  }

  private writeAll(frame: Buffer, match: (c: SseClient) => boolean): void {
    for (const c of this.clients.values()) if (match(c)) this.write(c, frame);
  }

  private write(client: SseClient, frame: Buffer): void {
    if (client.res.writableLength > this.options.maxBufferedBytes) {
      this.remove(client, 'slow');
      client.res.destroy();
      return;
    }
    client.res.write(client.gzip ? gzipChunk(frame) : frame);
    this.eventsSent += 1;
  }

  private remove(client: SseClient, reason: 'slow' | 'closed'): void {
    if (!this.clients.delete(client.id)) return;
    if (reason === 'slow') this.dropped += 1;
    this.options.onDrop?.(client, reason);
  }
}
