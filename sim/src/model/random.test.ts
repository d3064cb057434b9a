import { describe, expect, it } from 'vitest';
import { NAME_ALPHABET, Rng, hashString, mix32, seedKey, unit } from './random.js';

describe('Rng', () => {
  it('replays the same sequence for the same seed and differs for another', () => {
    const a = new Rng(7);
    const b = new Rng(7);
    const c = new Rng(8);
    const seqA = Array.from({ length: 20 }, () => a.nextU32());
    expect(Array.from({ length: 20 }, () => b.nextU32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.nextU32())).not.toEqual(seqA);
  });

  it('produces floats in [0, 1) and integers in the inclusive range', () => {
    const rng = new Rng(1);
    const floats = Array.from({ length: 5000 }, () => rng.next());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    const ints = new Set(Array.from({ length: 5000 }, () => rng.int(3, 5)));
    expect([...ints].sort()).toEqual([3, 4, 5]);
  });

  it('makes RFC 4122 v4-shaped UUIDs', () => {
    const rng = new Rng(3);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const uuid = rng.uuid();
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(uuid);
    }
    expect(seen.size).toBe(1000);
  });

  it('makes Kubernetes-style name suffixes and template hashes', () => {
    const rng = new Rng(4);
    for (let i = 0; i < 200; i++) {
      expect(rng.suffix()).toMatch(new RegExp(`^[${NAME_ALPHABET}]{5}$`));
      // Encoded decimal digits only ever use these ten characters, like the controllers'.
      expect(rng.templateHash()).toMatch(/^[456789bcdf]{1,10}$/);
    }
  });

  it('picks by weight', () => {
    const rng = new Rng(5);
    let heavy = 0;
    for (let i = 0; i < 10_000; i++)
      if (
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const) === 'a'
      )
        heavy++;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
  });
});

describe('hashing', () => {
  it('is stable and salt-sensitive', () => {
    expect(hashString('payments/api')).toBe(hashString('payments/api'));
    expect(hashString('payments/api', 1)).not.toBe(hashString('payments/api', 2));
    expect(mix32(1, 2)).not.toBe(mix32(2, 1));
    expect(seedKey(42)).toBe(seedKey(42));
    expect(seedKey(42)).not.toBe(seedKey(43));
  });

  it('spreads hashes evenly over [0, 1)', () => {
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 10_000; i++) {
      const b = Math.floor(unit(mix32(99, i)) * 10);
      buckets[b] = (buckets[b] ?? 0) + 1;
    }
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });
});
