import { describe, expect, it } from 'vitest';
import { decodeNodeColumns, encodeNodeColumns, type NodeUsageTuple } from './nodeColumns.js';

const T = 1_795_829_487_000;
const usage: NodeUsageTuple[] = [
  ['node-a', 407, 3_811_491_840, 2, 5, T - 7000],
  ['node-b', null, null, null, null, null],
  // Not a whole KiB: still exact (1024 is a power of two).
  ['node-c', 12, 1_000_000_123, 0, 1, T],
];

describe('node columns', () => {
  it('round-trips every value exactly, with the names sent or held', () => {
    const withNames = encodeNodeColumns(usage, T, 4, true);
    expect(withNames.names).toEqual(['node-a', 'node-b', 'node-c']);
    expect(withNames.memoryKiB[0]).toBe(3_722_160);
    expect(withNames.metricsOffsetMs).toEqual([-7000, null, 0]);
    const sent = JSON.parse(JSON.stringify(withNames)) as typeof withNames;
    expect(decodeNodeColumns(sent, sent.names!, T)).toEqual(usage);
    const without = encodeNodeColumns(usage, T, 4, false);
    expect(without.names).toBeNull();
    expect(decodeNodeColumns(without, ['node-a', 'node-b', 'node-c'], T)).toEqual(usage);
  });

  it('refuses names that do not fit the columns', () => {
    const cols = encodeNodeColumns(usage, T, 1, false);
    expect(decodeNodeColumns(cols, ['node-a', 'node-b'], T)).toBeUndefined();
  });
});
