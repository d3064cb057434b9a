import { describe, expect, it } from 'vitest';
import { PALETTE_SIZE, podColors } from './podColors';

const names = ['api-7d9f-abcde', 'web-5c4b-xyz12', 'db-0', 'cache-1', 'worker-6f7a-qwert'];

describe('podColors', () => {
  it('depends on the set of names, not their order (rank)', () => {
    const a = podColors(names);
    const b = podColors([...names].reverse());
    for (const n of names) expect(b.get(n)).toBe(a.get(n));
  });

  it('gives every pod of a page its own colour', () => {
    const many = Array.from({ length: PALETTE_SIZE }, (_, i) => `pod-${i}`);
    expect(new Set(podColors(many).values()).size).toBe(PALETTE_SIZE);
  });

  it('keeps a name on the slot its hash gives when that slot is free', () => {
    const alone = podColors(['db-0']).get('db-0');
    expect(podColors(['db-0', 'zzz-not-colliding-maybe']).get('db-0')).toBe(alone);
    expect(alone).toMatch(/^var\(--series-\d\)$/);
  });
});
