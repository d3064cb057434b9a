import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { HistoryData, PersistedSeries } from './historyData.js';

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

export class CodecError extends Error {}

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

export function encodeHistory(header: SavedHeader, data: HistoryData): Buffer {
  const head = Buffer.from(JSON.stringify({ ...header, resolutionMs: data.resolutionMs }));
  const w = new Writer();
  w.u32(data.times.length);
  w.f64s(data.times);
  w.f64s(data.intervals);
  w.u32(data.series.length);
  for (const s of data.series) {
    w.u8(s.tier);
    w.str(s.space);
    w.str(s.key);
    w.u8(s.child === undefined ? 0 : 1);
    if (s.child !== undefined) w.str(s.child);
    w.values(s.cpu);
    w.values(s.memory);
  }
  const body = deflateRawSync(w.done());
  const fixed = Buffer.alloc(10);
  MAGIC.copy(fixed, 0);
  fixed.writeUInt16LE(VERSION, 4);
  fixed.writeUInt32LE(head.length, 6);
  const all = Buffer.concat([fixed, head, body]);
  return Buffer.concat([all, createHash('sha256').update(all).digest()]);
}

/** Reads a saved file; throws {@link CodecError} for anything not written by this version. */
export function decodeHistory(buf: Buffer): { header: SavedHeader; data: HistoryData } {
  if (buf.length < 10 + DIGEST || !buf.subarray(0, 4).equals(MAGIC)) {
    throw new CodecError('not a kubeglance history file');
  }
  const version = buf.readUInt16LE(4);
  if (version !== VERSION) throw new CodecError(`unsupported history format version ${version}`);
  const content = buf.subarray(0, buf.length - DIGEST);
  const digest = createHash('sha256').update(content).digest();
  if (!digest.equals(buf.subarray(buf.length - DIGEST))) throw new CodecError('checksum mismatch');
  const headLength = buf.readUInt32LE(6);
  let header: z.infer<typeof headerSchema>;
  let body: Buffer;
  try {
    header = headerSchema.parse(JSON.parse(content.subarray(10, 10 + headLength).toString('utf8')));
    body = inflateRawSync(content.subarray(10 + headLength));
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
    const tier = r.u8();
    const space = r.str();
    const key = r.str();
    const child = r.u8() === 1 ? r.str() : undefined;
    series.push({ tier, space, key, child, cpu: r.values(n), memory: r.values(n) });
  }
  const { resolutionMs, ...rest } = header;
  return { header: rest, data: { resolutionMs, times, intervals, series } };
}

class Writer {
  private readonly parts: Buffer[] = [];
  u8(v: number): void {
    this.parts.push(Buffer.from([v]));
  }
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.parts.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u32(b.length);
    this.parts.push(b);
  }
  f64s(vs: readonly number[]): void {
    this.parts.push(Buffer.from(Float64Array.from(vs).buffer));
  }
  /** Null bitmap, then the non-null values: 0 = u32, 1 = u32 × 1024, 2 = f64. */
  values(vs: readonly (number | null)[]): void {
    const bitmap = Buffer.alloc(Math.ceil(vs.length / 8));
    const present: number[] = [];
    vs.forEach((v, i) => {
      if (v === null) return;
      bitmap[i >> 3]! |= 1 << (i & 7);
      present.push(v);
    });
    const whole = (x: number) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff;
    const kind = present.every(whole) ? 0 : present.every((x) => whole(x / 1024)) ? 1 : 2;
    this.u8(kind);
    this.parts.push(bitmap);
    if (kind === 2) this.f64s(present);
    else
      this.parts.push(
        Buffer.from(Uint32Array.from(present, (x) => (kind === 1 ? x / 1024 : x)).buffer),
      );
  }
  done(): Buffer {
    return Buffer.concat(this.parts);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}
  private take(n: number): Buffer {
    if (this.at + n > this.buf.length) throw new CodecError('truncated history file');
    const b = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return b;
  }
  u8(): number {
    return this.take(1)[0]!;
  }
  u32(): number {
    return this.take(4).readUInt32LE(0);
  }
  str(): string {
    return this.take(this.u32()).toString('utf8');
  }
  f64s(n: number): number[] {
    const b = this.take(n * 8);
    return Array.from({ length: n }, (_, i) => b.readDoubleLE(i * 8));
  }
  values(n: number): (number | null)[] {
    const kind = this.u8();
    if (kind > 2) throw new CodecError(`bad value encoding ${kind}`);
    const bitmap = this.take(Math.ceil(n / 8));
    const out: (number | null)[] = [];
    const present = Array.from({ length: n }, (_, i) => (bitmap[i >> 3]! >> (i & 7)) & 1);
    const count = present.reduce((a, b) => a + b, 0);
    const raw = kind === 2 ? this.f64s(count) : this.u32s(count);
    let j = 0;
    for (const p of present) out.push(p ? raw[j++]! * (kind === 1 ? 1024 : 1) : null);
    return out;
  }
  private u32s(n: number): number[] {
    const b = this.take(n * 4);
    return Array.from({ length: n }, (_, i) => b.readUInt32LE(i * 4));
  }
}
