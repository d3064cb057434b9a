import { constants, deflateRawSync } from 'node:zlib';

/**
 * gzip for event streams, compressed once per event for every client. Each frame is deflated
 * on its own (a fresh dictionary) and ends with a full flush (byte-aligned, no final block),
 * so the same compressed bytes continue any client's stream, whenever it connected: a client
 * gets the gzip header once, then the shared chunks. The stream never ends cleanly (no
 * trailer), as an event stream never does; browsers inflate it as it arrives.
 */

/** A gzip member header: deflate, no name, no mtime, unknown OS. */
export const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

const compressed = new WeakMap<Buffer, Buffer>();

/** `frame` deflated for a shared gzip stream (cached per frame Buffer). */
export function gzipChunk(frame: Buffer): Buffer {
  let chunk = compressed.get(frame);
  if (!chunk) {
    chunk = deflateRawSync(frame, {
      level: constants.Z_BEST_SPEED,
      finishFlush: constants.Z_FULL_FLUSH,
    });
    compressed.set(frame, chunk);
  }
  return chunk;
}
