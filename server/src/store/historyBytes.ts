import { SavedColumn } from './savedColumn.js';

/**
 * The byte level of the saved-history file (historyCodec.ts): a growing writer and a
 * bounds-checked reader of its integers, strings and value columns.
 */

/** Anything in a file that this version did not write. */
export class CodecError extends Error {}

/** Appends to one growing buffer; `take` hands out what was written so far. */
export class Writer {
  private buf: Buffer;
  private at = 0;
  private bitmap = new Uint8Array(0);

  constructor(initialBytes: number) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  get length(): number {
    return this.at;
  }
  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.at));
    this.at = 0;
    return out;
  }
  u8(v: number): void {
    this.room(1);
    this.buf[this.at++] = v;
  }
  u32(v: number): void {
    this.room(4);
    this.at = this.buf.writeUInt32LE(v, this.at);
  }
  str(s: string): void {
    const length = Buffer.byteLength(s, 'utf8');
    this.u32(length);
    this.room(length);
    this.at += this.buf.write(s, this.at, 'utf8');
  }
  f64s(vs: Float64Array, count = vs.length): void {
    this.room(count * 8);
    for (let i = 0; i < count; i++) this.at = this.buf.writeDoubleLE(vs[i]!, this.at);
  }
  /** Null (NaN) bitmap, then the present values: 0 = u32, 1 = u32 × 1024, 2 = f64. */
  values(vs: Float64Array): void {
    const n = vs.length;
    const bytes = Math.ceil(n / 8);
    if (this.bitmap.length < bytes) this.bitmap = new Uint8Array(bytes);
    const bitmap = this.bitmap.fill(0, 0, bytes);
    let count = 0;
    let u32 = true;
    let kib = true;
    const present = new Float64Array(vs.buffer, vs.byteOffset, n);
    for (let i = 0; i < n; i++) {
      const v = vs[i]!;
      if (Number.isNaN(v)) continue;
      bitmap[i >> 3]! |= 1 << (i & 7);
      // Packed in place, ahead of the read position: `present` is a prefix of `vs`.
      present[count++] = v;
      u32 &&= whole(v);
      kib &&= whole(v / 1024);
    }
    const kind = u32 ? 0 : kib ? 1 : 2;
    this.u8(kind);
    this.room(bytes);
    this.buf.set(bitmap.subarray(0, bytes), this.at);
    this.at += bytes;
    if (kind === 2) {
      this.f64s(present, count);
      return;
    }
    this.room(count * 4);
    for (let i = 0; i < count; i++) {
      this.at = this.buf.writeUInt32LE(kind === 1 ? present[i]! / 1024 : present[i]!, this.at);
    }
  }
}

const whole = (x: number) => Number.isInteger(x) && x >= 0 && x <= 0xffffffff;

export class Reader {
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
  /** A column as written by `Writer.values`, read from the file's bytes when imported. */
  values(n: number): SavedColumn {
    const kind = this.u8();
    if (kind > 2) throw new CodecError(`bad value encoding ${kind}`);
    const bitmap = this.take(Math.ceil(n / 8));
    let count = 0;
    for (let i = 0; i < n; i++) count += (bitmap[i >> 3]! >> (i & 7)) & 1;
    return new SavedColumn(n, kind, bitmap, this.take(count * (kind === 2 ? 8 : 4)));
  }
}
