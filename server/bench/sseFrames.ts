import type http from 'node:http';
import { createGunzip } from 'node:zlib';

const SEP = Buffer.from('\n\n');

/**
 * Inflates a gzip event stream and hands over each complete frame (without its blank line)
 * with the time the compressed bytes completing it were read from the socket:
 * `Gunzip.bytesWritten` (input consumed when an output is pushed) maps the output back to
 * the socket reads, so time spent inflating in this process is not counted as delivery.
 */
export function readFrames(
  res: http.IncomingMessage,
  onFrame: (frame: Buffer, atMs: number) => void,
  onError: (message: string) => void,
): void {
  const gunzip = createGunzip({ chunkSize: 64 * 1024 });
  const arrivals: [number, number][] = []; // [compressed bytes read so far, Date.now()]
  let received = 0;
  let parts: Buffer[] = [];
  res.on('data', (chunk: Buffer) => {
    received += chunk.length;
    arrivals.push([received, Date.now()]);
    gunzip.write(chunk);
  });
  res.on('error', (e) => onError(e.message));
  gunzip.on('error', (e) => onError(`gzip: ${e.message}`));
  gunzip.on('data', (out: Buffer) => {
    // The first read reaching the consumed input holds the end of this output.
    while (arrivals.length > 1 && arrivals[0]![0] < gunzip.bytesWritten) arrivals.shift();
    const atMs = arrivals[0]![1];
    const prev = parts.at(-1);
    // A separator may straddle two outputs.
    const straddles = prev !== undefined && prev[prev.length - 1] === 0x0a && out[0] === 0x0a;
    if (!straddles && out.indexOf(SEP) < 0) {
      parts.push(out);
      return;
    }
    let text = Buffer.concat([...parts, out]);
    parts = [];
    for (let end = text.indexOf(SEP); end >= 0; end = text.indexOf(SEP)) {
      onFrame(text.subarray(0, end), atMs);
      text = text.subarray(end + 2);
    }
    if (text.length > 0) parts.push(Buffer.from(text));
  });
}

interface Read {
  data: Buffer;
  atMs: number;
}

/**
 * One client's compressed stream, not inflated: the server compresses each event once into
 * a self-contained chunk and writes the same bytes to every client (`sharedGzip.ts`), so a
 * client received an event complete when that exact chunk appears in its stream. Keeps the
 * reads since the last match (and, before any, about the last `keepMs`).
 */
export class RawStream {
  private reads: Read[] = [];

  constructor(private readonly keepMs: number) {}

  add(data: Buffer, atMs: number, trimBeforeMs: number): void {
    this.reads.push({ data, atMs });
    const cutoff = trimBeforeMs - this.keepMs;
    while (this.reads.length > 3 && this.reads[0]!.atMs < cutoff) this.reads.shift();
  }

  /**
   * When `chunk` has arrived complete: the read time of its last byte; the reads up to it
   * are dropped. `undefined` while it has not (yet).
   */
  take(chunk: Buffer): number | undefined {
    const all =
      this.reads.length === 1 ? this.reads[0]!.data : Buffer.concat(this.reads.map((r) => r.data));
    const at = all.indexOf(chunk);
    if (at < 0) return undefined;
    const end = at + chunk.length;
    let before = 0;
    for (let k = 0; k < this.reads.length; k++) {
      const r = this.reads[k]!;
      if (before + r.data.length >= end) {
        this.reads = [
          { data: r.data.subarray(end - before), atMs: r.atMs },
          ...this.reads.slice(k + 1),
        ];
        return r.atMs;
      }
      before += r.data.length;
    }
    return undefined;
  }
}
