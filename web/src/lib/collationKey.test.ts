import { describe, expect, it } from 'vitest';
import { collationKey } from './collationKey';
import { compareNames } from './nameCompare';
import { sortRows } from './sort';

/** Deterministic names over `alphabet` (mulberry32): the same strings on every run. */
function names(alphabet: string, count: number, seed: number): string[] {
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    let s = '';
    for (let i = Math.floor(next() * 12); i > 0; i--)
      s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });
}

const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('collationKey', () => {
  it('orders Kubernetes-like names as compareNames does, compared as plain strings', () => {
    // Leading zeros, long runs, case and prefixes come often with this alphabet.
    const sample = names('ab00123456789-.-.AZz', 400, 3);
    for (const a of sample)
      for (const b of sample) {
        const got = plain(collationKey(a)!, collationKey(b)!);
        if (got !== Math.sign(compareNames(a, b))) expect({ a, b, got }).toBe('compareNames');
      }
  });

  it('has no key for a name only the collator orders', () => {
    expect(collationKey('café')).toBeNull();
    expect(collationKey('a_b')).toBeNull();
    expect(collationKey('node-01')).toBe(collationKey('NODE-1'));
    expect(collationKey(`n${'1'.repeat(223)}`)).toBeNull();
    expect(collationKey(`n${'1'.repeat(222)}`)).not.toBeNull();
  });
});

describe('sortRows with collation keys', () => {
  const rows = names('ab0123-.Z', 300, 5).map((name, i) => ({
    name,
    node: i % 7 === 0 ? null : `node-${i % 13}`,
    weird: i % 5 === 0 ? 'é' : name,
  }));
  const accessors = {
    name: (r: (typeof rows)[0]) => r.name,
    node: (r: (typeof rows)[0]) => r.node,
    weird: (r: (typeof rows)[0]) => r.weird,
  };
  /** The comparison sortRows stands in for: unknown last both ways, then the name. */
  const reference = (key: keyof typeof accessors, dir: 'asc' | 'desc') =>
    [...rows].sort((x, y) => {
      const a = accessors[key](x);
      const b = accessors[key](y);
      if (a === null || b === null) return a === b ? compareNames(x.name, y.name) : a ? -1 : 1;
      const byKey = (dir === 'asc' ? 1 : -1) * compareNames(a, b);
      return byKey || compareNames(x.name, y.name);
    });

  it('gives the comparator order for names, for nulls and for names without a key', () => {
    for (const key of ['name', 'node', 'weird'] as const)
      for (const dir of ['asc', 'desc'] as const)
        expect(sortRows(rows, { key, dir }, accessors, (r) => r.name)).toEqual(reference(key, dir));
  });
});
