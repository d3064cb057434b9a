import { constants, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeEvent } from './broadcaster.js';
import { GZIP_HEADER, gzipChunk } from './sharedGzip.js';

/** What a browser makes of a gzip stream that has not ended (no trailer yet). */
const inflate = (parts: Buffer[]) =>
  gunzipSync(Buffer.concat(parts), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');

describe('shared gzip chunks for event streams', () => {
  const nodes = Array.from({ length: 2000 }, (_, i) => [`node-${i}`, i * 7, i * 13, 41, null, 12]);
  const first = encodeEvent('sample', { timestampMs: 1, nodes });
  const second = encodeEvent('sample', { timestampMs: 2, nodes });

  it('continues any client stream: early and late joiners decode the same events', () => {
    const early = inflate([GZIP_HEADER, gzipChunk(first), gzipChunk(second)]);
    const late = inflate([GZIP_HEADER, gzipChunk(second)]);
    expect(early).toBe(first.toString() + second.toString());
    expect(late).toBe(second.toString());
  });

  it('compresses each event once (the same bytes for every client) and several times over', () => {
    expect(gzipChunk(first)).toBe(gzipChunk(first));
    expect(gzipChunk(first).length * 4).toBeLessThan(first.length);
  });
});
