import { describe, expect, it } from 'vitest';
import type { HistoryScope } from '@kubeglance/shared/api';
import { HistoryStore } from './history.js';
import { CodecError, decodeHistory, encodeHistory } from './historyCodec.js';
import type { HistoryKey } from './seriesKey.js';
import { MI, podUsage, sample } from './testFixtures.js';

const RES = 15_000;
const HEADER = {
  cluster: 'prod',
  server: 'https://10.0.0.1:6443',
  savedAtMs: 0,
  retentionMs: 3_600_000,
};

/** 40 ticks with a missing one (a failed poll), a pod that leaves, and odd memory values. */
function filled(): HistoryStore {
  const h = new HistoryStore({ retentionMs: 3_600_000, resolutionMs: RES });
  for (let i = 1; i <= 40; i++) {
    if (i === 17) continue;
    const pods = [
      podUsage('ns', 'web', [
        ['app', i * 1e6 + 123, 200 * MI + i],
        ['sidecar', 5e6, MI],
      ]),
    ];
    if (i < 30) pods.push(podUsage('batch', 'job-1', [['run', 2e9, 3 * 1024 ** 3]]));
    h.append(
      sample(
        i * RES,
        [
          ['n1', i * 7e6, 100 * MI],
          ['n2', 1e9, 8 * 1024 ** 3 + 1],
        ],
        pods,
      ),
    );
  }
  return h;
}

const KEYS: [HistoryScope, HistoryKey][] = [
  ['cluster', {}],
  ['node', { name: 'n1' }],
  ['node', { name: 'n2' }],
  ['namespace', { namespace: 'ns' }],
  ['namespace', { namespace: 'batch' }],
  ['pod', { namespace: 'ns', pod: 'web' }],
  ['container', { namespace: 'ns', pod: 'web', name: 'sidecar' }],
  ['container', { namespace: 'batch', pod: 'job-1', name: 'run' }],
];

describe('history file codec', () => {
  it('round-trips every series exactly, gaps included, in a compact file', async () => {
    const before = filled();
    const buf = Buffer.concat(await encodeHistory(HEADER, before.exportSource()));
    const { header, data } = await decodeHistory(buf);
    expect(header).toEqual(HEADER);
    const after = new HistoryStore({ retentionMs: 3_600_000, resolutionMs: 60_000 });
    await after.importData(data);
    expect(after.resolutionMs).toBe(RES);
    expect(after.lastTimestampMs).toBe(40 * RES);
    for (const [scope, key] of KEYS) {
      expect(after.query(scope, key, 3_600_000), `${scope} ${JSON.stringify(key)}`).toEqual(
        before.query(scope, key, 3_600_000),
      );
    }
    expect(after.stats().series).toBe(before.stats().series);
    // 39 ticks × 13 series × 2 values, 4 bytes each before deflate.
    expect(buf.length).toBeLessThan(39 * 13 * 2 * 4);
  });

  it('rejects a flipped byte, a truncated file, another format and another version', async () => {
    const buf = Buffer.concat(await encodeHistory(HEADER, filled().exportSource()));
    const flipped = Buffer.from(buf);
    const at = buf.length >> 1;
    flipped.writeUInt8(flipped.readUInt8(at) ^ 0x40, at);
    const newer = Buffer.from(buf);
    newer.writeUInt16LE(2, 4);
    for (const bad of [
      flipped,
      buf.subarray(0, buf.length - 5),
      Buffer.from('{"json":1}'),
      newer,
    ]) {
      await expect(decodeHistory(bad)).rejects.toThrow(CodecError);
    }
  });
});

describe('history source (what a save reads)', () => {
  it('reads a tick whose slot was reused by an append made while saving as a gap, the rest as stored', () => {
    // 5 slots: the sixth tick reuses the first one's slot.
    const h = new HistoryStore({ retentionMs: 5 * RES, resolutionMs: RES });
    const tick = (i: number) =>
      sample(i * RES, [['n1', i * 1e6, 100 * MI]], [podUsage('ns', 'web', [['app', i * 1e6, MI]])]);
    for (let i = 1; i <= 5; i++) h.append(tick(i));
    const source = h.exportSource();
    const node = [...source.series()].find((s) => s.space === 'node' && s.key === 'n1')!;
    const out = new Float64Array(source.times.length);
    node.read(0, out);
    expect([...out]).toEqual([1, 2, 3, 4, 5]); // millicores
    h.append(tick(6));
    node.read(0, out);
    expect([...out]).toEqual([NaN, 2, 3, 4, 5]);
    expect([...source.times]).toEqual([1, 2, 3, 4, 5].map((i) => i * RES));
  });
});
