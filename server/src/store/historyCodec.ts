import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createDeflateRaw, inflateRaw } from 'node:zlib';
import { z } from 'zod';
import { CodecError, Reader, Writer } from './historyBytes.js';
import type { HistoryData, HistorySource, PersistedSeries } from './historyData.js';

export { CodecError };

/**
 * The saved-history file: `KGHS`, a format version, a JSON header (cluster identity and
 * sizes), a deflated body of typed columns, and a SHA-256 of everything before it.
 * Values are stored as uint32 when whole (memory in KiB when every value is whole KiB),
 * float64 otherwise, with a null bitmap, so an hour of a 1,000-pod cluster is a few MB.
 */
export interface SavedHeader {
  /** kubeconfig context and API server URL: history is restored only into the same cluster. */
  cluster: string;
  server: string;
  savedAtMs: number;
  retentionMs: number;
}

const headerSchema = z.object({
  cluster: z.string(),
  server: z.string(),
  savedAtMs: z.number().finite(),
  retentionMs: z.number().positive(),
  resolutionMs: z.number().positive().finite(),
});

/** More ticks than a week at 1 s: not a file this server wrote. */
const MAX_TICKS = 604_800;

const MAGIC = Buffer.from('KGHS');
const VERSION = 1;
const DIGEST = 32;

const inflate = promisify(inflateRaw);

/** Raw body bytes handed to the compressor at a time. */
const FLUSH_BYTES = 1 << 20;

/**
 * The file for `source` (in parts, to be written in turn), built a piece at a time: every series is read and written in turn
 * and the body is deflated as a stream (on libuv's thread pool), yielding to the event loop
 * between pieces, so saving an hour of a big cluster neither blocks the server nor holds a
 * second copy of its values.
 */
export async function encodeHistory(header: SavedHeader, source: HistorySource): Promise<Buffer[]> {
  const head = Buffer.from(JSON.stringify({ ...header, resolutionMs: source.resolutionMs }));
  const fixed = Buffer.alloc(10);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt16LE(VERSION, 4);
  fixed.writeUInt32LE(head.length, 6);
  // Hashed as the pieces come, not all at the end (one long turn for a big file).
  const hash = createHash('sha256').update(fixed).update(head);
  const deflate = createDeflateRaw();
  const compressed: Buffer[] = [];
  deflate.on('data', (c: Buffer) => {
    compressed.push(c);
    hash.update(c);
  });
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const w = new Writer(FLUSH_BYTES * 2);
  const flush = async () => {
    if (!deflate.write(w.take())) await new Promise((r) => deflate.once('drain', r));
    else await yieldToLoop();
  };
  const n = source.times.length;
  w.u32(n);
  w.f64s(source.times);
  w.f64s(source.intervals);
  w.u32(source.count);
  const column = new Float64Array(n);
  for (const s of source.series()) {
    w.u8(s.tier);
    w.str(s.space);
    w.str(s.key);
    w.u8(s.child === undefined ? 0 : 1);
    if (s.child !== undefined) w.str(s.child);
    for (const c of [0, 1] as const) {
      s.read(c, column);
      w.values(column);
    }
    if (w.length >= FLUSH_BYTES) await flush();
  }
  deflate.end(w.take());
  await ended;
  // The parts, not one buffer: joining hundreds of MiB would be one long copy on the loop.
  return [fixed, head, ...compressed, hash.digest()];
}

/**
 * Output chunk of the restore's inflate. zlib's default (16 KiB) leaves an hour of 150,000
 * pods as ~50,000 small allocations until they are joined; freed, they stayed in the
 * allocator's heap under the history allocated meanwhile (at 60,000 pods: RSS 506 MiB after
 * the restore with 16 KiB chunks, 306 MiB with these). Chunks this size are mapped on their
 * own and given back to the OS when freed; only touched pages count for a small file.
 */
const INFLATE_CHUNK = 64 << 20;

/** Series read per turn of the event loop while decoding (and bytes hashed per turn). */
const SERIES_PER_TURN = 5_000;
const HASH_BYTES_PER_TURN = 8 << 20;

/**
 * Reads a saved file; throws {@link CodecError} for anything not written by this version.
 * A turn of the event loop at a time: the file is hashed in slices, inflated on libuv's
 * thread pool and its series read in batches (an hour of 150,000 pods is ~140 MiB deflated,
 * ~800 MiB inflated, ~390,000 series).
 */
export async function decodeHistory(
  buf: Buffer,
): Promise<{ header: SavedHeader; data: HistoryData }> {
  if (buf.length < 10 + DIGEST || !buf.subarray(0, 4).equals(MAGIC)) {
    throw new CodecError('not a kubeglance history file');
  }
  const version = buf.readUInt16LE(4);
  if (version !== VERSION) throw new CodecError(`unsupported history format version ${version}`);
  const content = buf.subarray(0, buf.length - DIGEST);
  const hash = createHash('sha256');
  for (let at = 0; at < content.length; at += HASH_BYTES_PER_TURN) {
    hash.update(content.subarray(at, at + HASH_BYTES_PER_TURN));
    await yieldToLoop();
  }
  if (!hash.digest().equals(buf.subarray(buf.length - DIGEST))) {
    throw new CodecError('checksum mismatch');
  }
  const headLength = buf.readUInt32LE(6);
  let header: z.infer<typeof headerSchema>;
  let body: Buffer;
  try {
    header = headerSchema.parse(JSON.parse(content.subarray(10, 10 + headLength).toString('utf8')));
    body = await inflate(content.subarray(10 + headLength), { chunkSize: INFLATE_CHUNK });
  } catch (e) {
    throw new CodecError(`unreadable history file: ${(e as Error).message.slice(0, 200)}`);
  }
  const r = new Reader(body);
  const n = r.u32();
  if (n > MAX_TICKS) throw new CodecError(`implausible tick count ${n}`);
  const times = r.f64s(n);
  const intervals = r.f64s(n);
  const count = r.u32();
  const series: PersistedSeries[] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0 && i % SERIES_PER_TURN === 0) await yieldToLoop();
    const tier = r.u8();
    const space = r.str();
    const key = r.str();
    const child = r.u8() === 1 ? r.str() : undefined;
    series.push({ tier, space, key, child, cpu: r.values(n), memory: r.values(n) });
  }
  const { resolutionMs, ...rest } = header;
  return { header: rest, data: { resolutionMs, times, intervals, series } };
}
