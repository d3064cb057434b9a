import { describe, expect, it } from 'vitest';
import { PALETTE_SIZE, podColors } from './podColors';

const names = ['api-7d9f-abcde', 'web-5c4b-xyz12', 'db-0', 'cache-1', 'worker-6f7a-qwert'];

describe('podColors', () => {
  it('depends on the set of names, not their order (rank)', () => {
    const a = podColors(names, new Map());
    const b = podColors([...names].reverse(), new Map());
    for (const n of names) expect(b.get(n)).toBe(a.get(n));
  });

  it('gives every pod drawn together its own colour', () => {
    const many = Array.from({ length: PALETTE_SIZE }, (_, i) => `pod-${i}`);
    expect(new Set(podColors(many, new Map()).values()).size).toBe(PALETTE_SIZE);
  });

  it('a pod keeps its colour when the other pods change', () => {
    const memory = new Map<string, number>();
    const first = podColors(names, memory);
    // Newcomers whose hash slots may collide with the pods already shown.
    const later = podColors(
      [...names.slice(0, 3), ...Array.from({ length: 7 }, (_, i) => `new-${i}`)],
      memory,
    );
    for (const n of names.slice(0, 3)) expect(later.get(n)).toBe(first.get(n));
    expect(new Set(later.values()).size).toBe(PALETTE_SIZE);
  });
});
