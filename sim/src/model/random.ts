/**
 * Deterministic randomness. Everything that differs between simulated clusters derives from
 * the user's seed through these helpers (never `Math.random`), so one seed reproduces the same
 * objects, the same churn and the same metrics on every run.
 */

/** Murmur3's 32-bit finaliser: spreads every input bit over the whole output. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Stable 32-bit hash of a string (FNV-1a, then finalised), optionally salted. */
export function hashString(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Combines two 32-bit values into one well-mixed hash (order matters). */
export function mix32(a: number, b: number): number {
  return fmix32((a ^ Math.imul(b + 0x6d2b79f5, 0x9e3779b1)) >>> 0);
}

/** Maps a 32-bit hash to [0, 1). */
export function unit(hash: number): number {
  return (hash >>> 0) / 4294967296;
}

/** The 32-bit stream key for a user seed (any number, including negatives and fractions). */
export function seedKey(seed: number): number {
  return hashString(String(seed), 0x5eed);
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Scratch buffer for uuid(): 36 char codes with the dashes already in place. */
const UUID_CODES: number[] = Array.from('00000000-0000-0000-0000-000000000000', (c) =>
  c.charCodeAt(0),
);

/** Kubernetes' alphabet for generated name suffixes: no vowels, no look-alike digits. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * Seedable PRNG (mulberry32): tiny state, fast, and plenty for simulation data.
 * Each concern (generation, churn) uses its own instance so they cannot disturb each other.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform 32-bit unsigned integer. */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** Log-uniform float in [min, max): as many values per decade, for sizes and ages. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.float(Math.log(min), Math.log(max)));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element; the array must not be empty. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty array');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An element chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [value, w] of entries) {
      r -= w;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** Fisher-Yates shuffle, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  /** `count` lowercase hex digits. */
  hex(count: number): string {
    let out = '';
    while (out.length < count) {
      const v = this.nextU32();
      out +=
        HEX_BYTE[v >>> 24]! +
        HEX_BYTE[(v >>> 16) & 255]! +
        HEX_BYTE[(v >>> 8) & 255]! +
        HEX_BYTE[v & 255]!;
    }
    return out.length === count ? out : out.slice(0, count);
  }

  /** A version-4-shaped UUID, as the apiserver assigns to metadata.uid. */
  uuid(): string {
    const out = UUID_CODES;
    let at = 0;
    for (let word = 0; word < 4; word++) {
      let v = this.nextU32();
      // Version nibble 4 and variant bits 10xx, as RFC 4122 random UUIDs have.
      if (word === 1) v = (v & 0xffff0fff) | 0x4000;
      if (word === 2) v = ((v & 0x3fffffff) | 0x80000000) >>> 0;
      for (let shift = 28; shift >= 0; shift -= 4) {
        if (at === 8 || at === 13 || at === 18 || at === 23) at++;
        out[at++] = HEX_CODES[(v >>> shift) & 15] as number;
      }
    }
    // One call over char codes: fast, and a flat string (see rfc3339).
    return String.fromCharCode.apply(null, out);
  }

  /** A generated-name suffix like the apiserver's (`generateName`): e.g. `x7k2q`. */
  suffix(length = 5): string {
    let out = '';
    for (let i = 0; i < length; i++) out += NAME_ALPHABET[this.nextU32() % NAME_ALPHABET.length];
    return out;
  }

  /**
   * A ReplicaSet `pod-template-hash` / `controller-revision-hash`. The controllers encode the
   * decimal digits of a 32-bit hash with the name alphabet, which is why real hashes only use
   * the characters `456789bcdf` (e.g. `7d4b9c8f6`); we do the same.
   */
  templateHash(): string {
    const digits = String(this.nextU32());
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      out += NAME_ALPHABET[digits.charCodeAt(i) % NAME_ALPHABET.length];
    }
    return out;
  }

  /** An independent stream derived from this one and a label. */
  fork(label: string): Rng {
    return new Rng(hashString(label, this.nextU32()));
  }
}
