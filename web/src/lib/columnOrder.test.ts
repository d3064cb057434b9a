import { describe, expect, it } from 'vitest';
import { leadingColumns } from './columnOrder';

const cols = ['name', 'status', 'cpu', 'cpuRequest', 'memory', 'flags'].map((key) => ({ key }));
const keys = (c: readonly { key: string }[]) => c.map((x) => x.key);

describe('leadingColumns', () => {
  it('keeps the desktop order when not applied', () => {
    expect(leadingColumns(cols, ['name', 'cpu', 'memory'], false)).toBe(cols);
  });

  it('puts the named columns first, the rest after in their own order', () => {
    expect(keys(leadingColumns(cols, ['name', 'cpu', 'memory'], true))).toEqual([
      'name',
      'cpu',
      'memory',
      'status',
      'cpuRequest',
      'flags',
    ]);
  });

  it('skips a leading key the table does not have', () => {
    expect(keys(leadingColumns(cols, ['name', 'gpu', 'memory'], true))).toEqual([
      'name',
      'memory',
      'status',
      'cpu',
      'cpuRequest',
      'flags',
    ]);
  });
});
