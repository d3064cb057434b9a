import { describe, expect, it } from 'vitest';
import { compareNullsLast, matchesQuery, nextSort, sortRows } from './sort';

interface Row {
  name: string;
  cpu: number | null;
}

const rows: Row[] = [
  { name: 'node-10', cpu: 300 },
  { name: 'node-2', cpu: null },
  { name: 'node-1', cpu: 100 },
  { name: 'node-3', cpu: 300 },
];
const accessors = { name: (r: Row) => r.name, cpu: (r: Row) => r.cpu };

describe('compareNullsLast', () => {
  it('orders numbers both ways', () => {
    expect(compareNullsLast(1, 2, 'asc')).toBeLessThan(0);
    expect(compareNullsLast(1, 2, 'desc')).toBeGreaterThan(0);
  });

  it('puts unknowns last in both directions', () => {
    for (const dir of ['asc', 'desc'] as const) {
      expect(compareNullsLast(null, 5, dir)).toBeGreaterThan(0);
      expect(compareNullsLast(5, undefined, dir)).toBeLessThan(0);
      expect(compareNullsLast(Number.NaN, 0, dir)).toBeGreaterThan(0);
      expect(compareNullsLast(null, null, dir)).toBe(0);
    }
  });

  it('compares strings with numeric collation', () => {
    expect(compareNullsLast('node-2', 'node-10', 'asc')).toBeLessThan(0);
  });
});

describe('sortRows', () => {
  it('sorts descending with nulls last and ties broken by name', () => {
    const sorted = sortRows(rows, { key: 'cpu', dir: 'desc' }, accessors, (r) => r.name);
    expect(sorted.map((r) => r.name)).toEqual(['node-3', 'node-10', 'node-1', 'node-2']);
  });

  it('sorts ascending with nulls still last', () => {
    const sorted = sortRows(rows, { key: 'cpu', dir: 'asc' }, accessors, (r) => r.name);
    expect(sorted.map((r) => r.name)).toEqual(['node-1', 'node-3', 'node-10', 'node-2']);
  });

  it('does not mutate its input', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'name', dir: 'asc' }, accessors);
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the direction on the same column', () => {
    expect(nextSort({ key: 'cpu', dir: 'desc' }, 'cpu')).toEqual({ key: 'cpu', dir: 'asc' });
  });

  it('starts a new column at the given direction', () => {
    expect(nextSort({ key: 'cpu', dir: 'asc' }, 'name', 'asc')).toEqual({
      key: 'name',
      dir: 'asc',
    });
    expect(nextSort({ key: 'cpu', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
  });
});

describe('matchesQuery', () => {
  it('matches any field, case-insensitively, ignoring blanks', () => {
    expect(matchesQuery('', ['a'])).toBe(true);
    expect(matchesQuery(' Worker ', ['node-1', 'worker'])).toBe(true);
    expect(matchesQuery('gpu', ['node-1', null])).toBe(false);
  });
});
