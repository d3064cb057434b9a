import { describe, expect, it } from 'vitest';
import { compareNames } from './nameCompare';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
const sign = (n: number) => Math.sign(n);

/** A small deterministic PRNG (mulberry32): the same strings on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function names(alphabet: string, count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 12);
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  });
}

describe('compareNames', () => {
  it('orders as people read: node-2 before node-10, case ignored', () => {
    expect(compareNames('node-2', 'node-10')).toBeLessThan(0);
    expect(compareNames('Node-7', 'node-7')).toBe(0);
    expect(compareNames('a', 'ab')).toBeLessThan(0);
    expect(compareNames('web-0', 'web.0')).toBeLessThan(0);
  });

  it('agrees with Intl.Collator (numeric, base) on Kubernetes-like names', () => {
    // Few letters and many digits, dashes and dots: ties and digit runs come often.
    const sample = names('ab0123456789-.-.AZz', 400, 7);
    for (const a of sample)
      for (const b of sample) {
        const got = sign(compareNames(a, b));
        if (got !== sign(collator.compare(a, b))) expect({ a, b, got }).toBe('collator order');
      }
  });

  it('hands other characters to the collator', () => {
    const sample = names('aé_Ω0 9-.', 200, 11);
    for (const a of sample)
      for (const b of sample) expect(sign(compareNames(a, b))).toBe(sign(collator.compare(a, b)));
  });
});
