import { describe, expect, it } from 'vitest';
import {
  KUBECTL_UNKNOWN,
  cpuMillicoresKubectl,
  cpuPercentKubectl,
  formatCpuKubectl,
  formatMemoryKubectl,
  formatMillicoresKubectl,
  formatPercentKubectl,
  memoryMebibytesKubectl,
  memoryPercentKubectl,
  percentFromMillicores,
  sumBytes,
  sumNanocores,
} from './format.js';
import { parseCpuNanocores, parseMemoryBytes } from './quantity.js';

describe('CPU column (MilliValue + "m")', () => {
  it.each([
    ['1', '1000m'],
    ['214650124n', '215m'],
    ['273214048n', '274m'],
    ['7990556n', '8m'],
    ['1000000n', '1m'],
    ['1000001n', '2m'],
    ['1n', '1m'],
    ['0', '0m'],
    ['3800m', '3800m'],
    ['0.067', '67m'],
    ['9007199254740991n', '9007199255m'],
    ['-1n', '-1m'],
    ['-1000001n', '-2m'],
  ])('%s → %s', (quantity, expected) => {
    expect(formatCpuKubectl(parseCpuNanocores(quantity))).toBe(expected);
  });

  it('rounds up with integer arithmetic even where a float quotient would land on an integer', () => {
    // 9007199254000001 / 1e6 = 9007199254.000001, which is not representable: the double is
    // 9007199254, and Math.ceil of it would lose the +1.
    expect(cpuMillicoresKubectl(9_007_199_254_000_001)).toBe(9_007_199_255);
    expect(cpuMillicoresKubectl(9_007_199_254_000_000)).toBe(9_007_199_254);
  });

  it('renders <unknown> for a node without metrics', () => {
    expect(formatCpuKubectl(null)).toBe(KUBECTL_UNKNOWN);
    expect(formatMillicoresKubectl(null)).toBe('<unknown>');
  });

  it('formats millicores the server already rounded', () => {
    expect(formatMillicoresKubectl(215)).toBe('215m');
    expect(formatMillicoresKubectl(cpuMillicoresKubectl(273_214_048))).toBe('274m');
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %s', (bad) => {
    expect(() => cpuMillicoresKubectl(bad)).toThrow(RangeError);
    expect(() => formatMillicoresKubectl(bad)).toThrow(RangeError);
  });
});

describe('memory column (Value()/2^20 + "Mi")', () => {
  it.each([
    ['801480Ki', '782Mi'],
    ['1024976Ki', '1000Mi'],
    ['1Gi', '1024Mi'],
    ['14064Ki', '13Mi'],
    ['1048575', '0Mi'],
    ['1048576', '1Mi'],
    ['2097151', '1Mi'],
    ['0', '0Mi'],
    ['7Pi', '7516192768Mi'],
    ['-1', '0Mi'],
    ['-1Mi', '-1Mi'],
  ])('%s → %s', (quantity, expected) => {
    expect(formatMemoryKubectl(parseMemoryBytes(quantity))).toBe(expected);
  });

  it('truncates towards zero and never yields -0', () => {
    expect(Object.is(memoryMebibytesKubectl(-1), 0)).toBe(true);
    expect(memoryMebibytesKubectl(1_048_576 * 3 - 1)).toBe(2);
  });

  it('renders <unknown> for null and refuses non-integers', () => {
    expect(formatMemoryKubectl(null)).toBe('<unknown>');
    expect(() => memoryMebibytesKubectl(1.5)).toThrow(RangeError);
  });
});

describe('percent columns', () => {
  it.each([
    ['274m', '3800m', 7],
    ['273214048n', '3800m', 7],
    ['1', '4', 25],
    ['4', '4', 100],
    ['5', '4', 125],
    ['0', '4', 0],
    ['1', '0', 0],
    ['0', '0', 0],
    // float64(290)/float64(1000)*100 = 28.999999999999996: kubectl prints 28%, not 29%
    ['290m', '1', 28],
    ['570m', '1', 56],
    ['1n', '3', 0],
    ['1', '3', 33],
  ])('CPU %s of %s → %i%%', (usage, allocatable, expected) => {
    expect(cpuPercentKubectl(parseCpuNanocores(usage), parseCpuNanocores(allocatable))).toBe(
      expected,
    );
  });

  it.each([
    ['801480Ki', '16283412Ki', 4],
    ['1Gi', '4Gi', 25],
    ['0', '4Gi', 0],
    ['1Gi', '0', 0],
    ['290', '1000', 28],
    // MilliValue is bytes * 1000: ~8e18 here, far past 2^53, still right
    ['3Pi', '6Pi', 50],
    ['5Pi', '6Pi', 83],
  ])('memory %s of %s → %i%%', (usage, allocatable, expected) => {
    expect(memoryPercentKubectl(parseMemoryBytes(usage), parseMemoryBytes(allocatable))).toBe(
      expected,
    );
  });

  it('never returns -0 or NaN', () => {
    expect(Object.is(percentFromMillicores(-1, 1000), 0)).toBe(true);
    expect(percentFromMillicores(0, 0)).toBe(0);
    expect(memoryPercentKubectl(0, 0)).toBe(0);
  });

  it('cpuPercentKubectl equals percentFromMillicores on kubectl-rounded millicores', () => {
    // Deterministic pseudo-random pairs (LCG) spanning sub-millicore to thousands of cores.
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) & 0x7fffffff);
    for (let i = 0; i < 2000; i += 1) {
      const usage = next() * (next() % 2000);
      const allocatable = next() * (next() % 4000);
      expect(cpuPercentKubectl(usage, allocatable)).toBe(
        percentFromMillicores(cpuMillicoresKubectl(usage), cpuMillicoresKubectl(allocatable)),
      );
    }
  });

  it('formats percent and <unknown>', () => {
    expect(formatPercentKubectl(7)).toBe('7%');
    expect(formatPercentKubectl(0)).toBe('0%');
    expect(formatPercentKubectl(null)).toBe('<unknown>');
    expect(() => formatPercentKubectl(7.5)).toThrow(RangeError);
  });
});

describe('pod rows sum containers exactly, then round once', () => {
  it('1000001n + 1000001n → 3m (rounding each would give 4m)', () => {
    const containers = ['1000001n', '1000001n'].map(parseCpuNanocores);
    expect(formatCpuKubectl(sumNanocores(containers))).toBe('3m');
    const roundedEach = containers.map(cpuMillicoresKubectl).reduce((a, b) => a + b, 0);
    expect(roundedEach).toBe(4);
  });

  it('sums memory exactly', () => {
    const containers = ['524287', '524289', '1Mi'].map(parseMemoryBytes);
    expect(formatMemoryKubectl(sumBytes(containers))).toBe('2Mi');
    expect(sumBytes([])).toBe(0);
    expect(sumNanocores([])).toBe(0);
  });

  it('refuses sums beyond 2^53 - 1 and non-integer parts', () => {
    expect(sumNanocores([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumNanocores([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
    expect(() => sumBytes([2 ** 52, 2 ** 52])).toThrow(RangeError);
    expect(() => sumBytes([1, 0.5])).toThrow(RangeError);
    expect(() => sumBytes([Number.NaN])).toThrow(RangeError);
  });
});
