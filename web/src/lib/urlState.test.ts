import { describe, expect, it } from 'vitest';
import {
  mergeSearch,
  parseList,
  parseRange,
  parseSort,
  serializeList,
  serializeSort,
  toggleInList,
} from './urlState';

describe('range', () => {
  it('accepts the three ranges and falls back otherwise', () => {
    expect(parseRange('1h')).toBe('1h');
    expect(parseRange('5m')).toBe('5m');
    expect(parseRange('2h')).toBe('15m');
    expect(parseRange(null, '1h')).toBe('1h');
  });
});

describe('sort', () => {
  const keys = ['name', 'cpu', 'memory'] as const;
  const fallback = { key: 'name', dir: 'asc' } as const;

  it('round-trips both directions', () => {
    for (const s of [
      { key: 'cpu', dir: 'desc' },
      { key: 'memory', dir: 'asc' },
    ] as const) {
      expect(parseSort(serializeSort(s), keys, fallback)).toEqual(s);
    }
    expect(serializeSort({ key: 'cpu', dir: 'desc' })).toBe('-cpu');
  });

  it('falls back for unknown or empty keys', () => {
    expect(parseSort('-disk', keys, fallback)).toBe(fallback);
    expect(parseSort('', keys, fallback)).toBe(fallback);
    expect(parseSort('-', keys, fallback)).toBe(fallback);
  });
});

describe('lists', () => {
  it('parses, trims and de-duplicates', () => {
    expect(parseList(' a,b,,a , c')).toEqual(['a', 'b', 'c']);
    expect(parseList(null)).toEqual([]);
  });

  it('serialises empty to null so the parameter disappears', () => {
    expect(serializeList([])).toBeNull();
    expect(serializeList(['x', 'y'])).toBe('x,y');
  });

  it('toggles membership', () => {
    expect(toggleInList(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleInList(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('mergeSearch', () => {
  it('sets, deletes and drops defaults without touching the input', () => {
    const current = new URLSearchParams('range=1h&q=web&sort=-cpu');
    const next = mergeSearch(current, { q: '', range: '15m', open: 'p1' }, { range: '15m' });
    expect(next.toString()).toBe('sort=-cpu&open=p1');
    expect(current.toString()).toBe('range=1h&q=web&sort=-cpu');
  });
});
