import { describe, expect, it } from 'vitest';
import { cpuColumnFormat, memoryColumnFormat } from './columnUnit.js';

describe('one unit per column', () => {
  it('uses cores for the whole column when its largest value is a core or more', () => {
    const f = cpuColumnFormat([2330, 896, null]);
    expect([f(2330), f(896)]).toEqual(['2.33 cores', '0.90 cores']);
  });

  it('uses millicores when every value is below a core', () => {
    const f = cpuColumnFormat([896, 5]);
    expect([f(896), f(5)]).toEqual(['896m', '5m']);
  });

  it('chooses GiB or MiB by the largest value', () => {
    const gi = memoryColumnFormat([3 * 1024 ** 3, 512 * 1024 ** 2]);
    expect([gi(3 * 1024 ** 3), gi(512 * 1024 ** 2)]).toEqual(['3.00 GiB', '0.50 GiB']);
    const mi = memoryColumnFormat([512 * 1024 ** 2]);
    expect(mi(512 * 1024 ** 2)).toBe('512 MiB');
  });
});
