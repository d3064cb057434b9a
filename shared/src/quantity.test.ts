import { describe, expect, it } from 'vitest';
import {
  QuantityError,
  Scale,
  parseCpuNanocores,
  parseMemoryBytes,
  parseQuantity,
  scaledValue,
  toScaledInteger,
  tryParseCpuNanocores,
  tryParseMemoryBytes,
  type QuantityErrorCode,
} from './quantity.js';

/** Runs `fn` and returns the QuantityError it throws (failing the test if it does not). */
function quantityError(fn: () => unknown): QuantityError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(QuantityError);
    return error as QuantityError;
  }
  throw new Error('expected a QuantityError, nothing was thrown');
}

describe('parseCpuNanocores', () => {
  it.each([
    ['7990556n', 7_990_556],
    ['214650124n', 214_650_124],
    ['100m', 100_000_000],
    ['250u', 250_000],
    ['2', 2_000_000_000],
    ['0.5', 500_000_000],
    ['.5', 500_000_000],
    ['.001', 1_000_000],
    ['.0001k', 100_000_000],
    ['1.', 1_000_000_000],
    ['+1', 1_000_000_000],
    ['0', 0],
    ['-0', 0],
    ['007', 7_000_000_000],
    ['1e3', 1_000_000_000_000],
    ['1E3', 1_000_000_000_000],
    ['1e+3', 1_000_000_000_000],
    ['1E-3', 1_000_000],
    ['1k', 1_000_000_000_000],
    ['0.1', 100_000_000],
    // parseFloat('0.067') * 1e9 is 67000000.00000001, so a float parser would round to ...001.
    ['0.067', 67_000_000],
    ['1234567.123456789', 1_234_567_123_456_789],
    ['9007199254740991n', Number.MAX_SAFE_INTEGER],
    ['-1', -1_000_000_000],
    ['-250m', -250_000_000],
  ])('%s → %i nanocores', (input, expected) => {
    expect(parseCpuNanocores(input)).toBe(expected);
  });

  // apimachinery keeps only nano precision and rounds a finer remainder away from zero.
  it.each([
    ['0.1n', 1],
    ['0.9n', 1],
    ['3.001n', 4],
    ['-0.1n', -1],
    ['-3.001n', -4],
    ['0.00000012345', 124],
    ['1.1E-9', 2],
    ['0.5e-9', 1],
    ['1e-100', 1],
    ['0.000000000001Ki', 2],
  ])('sub-nano %s → %i nanocores (rounded away from zero)', (input, expected) => {
    expect(parseCpuNanocores(input)).toBe(expected);
  });
});

describe('parseMemoryBytes', () => {
  it.each([
    ['14064Ki', 14_401_536],
    ['801480Ki', 820_715_520],
    ['1.5Gi', 1_610_612_736],
    ['1536Mi', 1_610_612_736],
    ['1Gi', 1_073_741_824],
    ['1Ti', 1_099_511_627_776],
    ['1Pi', 1_125_899_906_842_624],
    ['0.5Mi', 524_288],
    ['12M', 12_000_000],
    ['1k', 1000],
    ['1E3', 1000],
    ['1.G', 1_000_000_000],
    // Decimal SI above G: each suffix is exactly three powers of ten above the previous one.
    ['1T', 1_000_000_000_000],
    ['1.5T', 1_500_000_000_000],
    ['1P', 1_000_000_000_000_000],
    ['2.5P', 2_500_000_000_000_000],
    ['0.001E', 1_000_000_000_000_000],
    ['0.000004E', 4_000_000_000_000],
    ['2', 2],
    ['0', 0],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%s → %i bytes', (input, expected) => {
    expect(parseMemoryBytes(input)).toBe(expected);
  });

  // Value() rounds a fractional byte count up (away from zero), it never truncates.
  it.each([
    ['1.5', 2],
    ['0.5', 1],
    ['100m', 1],
    ['1n', 1],
    ['1.1Gi', 1_181_116_007], // 1.1 * 2^30 = 1181116006.4
    ['100.035Ki', 102_436], // 102435.84
    ['-1.5', -2],
  ])('fractional %s → %i bytes', (input, expected) => {
    expect(parseMemoryBytes(input)).toBe(expected);
  });
});

describe('parseQuantity (exact nano-units)', () => {
  it.each([
    ['123456789.123456789', 123_456_789_123_456_789n],
    ['1Ei', 2n ** 60n * 1_000_000_000n],
    ['1E', 10n ** 27n],
    ['1T', 10n ** 21n],
    ['1P', 10n ** 24n],
    ['3.5E', 35n * 10n ** 26n],
    ['1.1Gi', 1_181_116_006_400_000_000n],
    ['9007199254740993n', 9_007_199_254_740_993n],
    // binary SI is capped at 2^63-1 units, as apimachinery does silently
    ['8Ei', (2n ** 63n - 1n) * 1_000_000_000n],
    ['9223372036854775807Ki', (2n ** 63n - 1n) * 1_000_000_000n],
    ['-9Ei', -(2n ** 63n - 1n) * 1_000_000_000n],
    ['7Ei', 7n * 2n ** 60n * 1_000_000_000n],
    // decimal SI is not capped
    ['12E', 12n * 10n ** 27n],
  ])('%s → %s nanos', (input, expected) => {
    expect(parseQuantity(input)).toEqual({ nanos: expected, input });
  });

  it('scaledValue rounds away from zero at coarser scales and is exact at finer ones', () => {
    expect(scaledValue(parseQuantity('1001m'), Scale.Unit)).toBe(2n);
    expect(scaledValue(parseQuantity('-1001m'), Scale.Unit)).toBe(-2n);
    expect(scaledValue(parseQuantity('1000m'), Scale.Unit)).toBe(1n);
    expect(scaledValue(parseQuantity('1n'), Scale.Milli)).toBe(1n);
    expect(scaledValue(parseQuantity('1n'), -12)).toBe(1000n);
    expect(scaledValue(parseQuantity('1.5Gi'), Scale.Giga)).toBe(2n);
    expect(() => scaledValue(parseQuantity('1'), 0.5)).toThrow(RangeError);
  });

  it('toScaledInteger checks the safe-integer range at the requested scale', () => {
    const q = parseQuantity('9007199254740991');
    expect(toScaledInteger(q, Scale.Unit)).toBe(Number.MAX_SAFE_INTEGER);
    expect(quantityError(() => toScaledInteger(q, Scale.Milli)).code).toBe('quantity-out-of-range');
  });
});

// Grouped by why they fail; upstream's own invalid corpus is included.
const INVALID: Record<string, string[]> = {
  'malformed number': ['', 'abc', 'aoeu', '1.2.3', '1.1.M', '1+1.0M', '--1', '++1', '1-', '0x10'],
  'not ASCII digits or separators': ['1,5', '1_000', '１', '1µ'],
  'bad exponent': ['1e', '1E+', '-3.01e-', '1e1.5', '1e3k'],
  'unknown or wrong-case suffix': ['5Xi', '1K', '1ki', '1KI', '1KiB', '1i', '.5i', '-3.01i', '1Z'],
  'suffix mix': ['0.1mi', '0.1am'],
  whitespace: ['1 Gi', ' 1', '1 ', '1\n'],
  'float spellings': ['NaN', 'Infinity', '-Infinity'],
  // apimachinery's scanner reads these as 0; we refuse them (see quantity.ts)
  'no digits': ['+', '-', '.', 'Mi', 'm'],
  // apimachinery's ParseInt of the exponent fails too
  'exponent beyond int64': ['1e99999999999999999999'],
};

describe('invalid quantities', () => {
  it.each(Object.entries(INVALID).flatMap(([why, inputs]) => inputs.map((input) => [input, why])))(
    '%j is invalid-quantity (%s)',
    (input) => {
      const error = quantityError(() => parseQuantity(input));
      expect(error.code).toBe<QuantityErrorCode>('invalid-quantity');
      expect(error.input).toBe(input);
      expect(error.message).toContain(JSON.stringify(input));
      expect(tryParseCpuNanocores(input)).toBeNull();
      expect(tryParseMemoryBytes(input)).toBeNull();
    },
  );

  it('rejects a non-string at runtime with a typed error', () => {
    const error = quantityError(() => parseQuantity(42 as unknown as string));
    expect(error.code).toBe('invalid-quantity');
    expect(error.input).toBe('42');
  });
});

describe('out-of-range quantities', () => {
  it.each([
    ['9007199254740993n', parseCpuNanocores],
    ['9007199254740992n', parseCpuNanocores],
    ['123456789.123456789', parseCpuNanocores],
    ['14064Ki', parseCpuNanocores],
    ['9007199254740992', parseMemoryBytes],
    ['1Ei', parseMemoryBytes],
    ['8Ei', parseMemoryBytes],
    ['1E', parseMemoryBytes],
    ['-9007199254740992', parseMemoryBytes],
    ['1e40', parseQuantity],
    ['1e3000000000', parseQuantity],
    ['1e-3000000000', parseQuantity],
  ] as const)('%s is quantity-out-of-range', (input, parse) => {
    const error = quantityError(() => parse(input));
    expect(error.code).toBe<QuantityErrorCode>('quantity-out-of-range');
    expect(error.input).toBe(input);
  });

  it('try* helpers return null instead of throwing', () => {
    expect(tryParseCpuNanocores('9007199254740993n')).toBeNull();
    expect(tryParseMemoryBytes('1Ei')).toBeNull();
    expect(tryParseCpuNanocores('215m')).toBe(215_000_000);
    expect(tryParseMemoryBytes('1Ki')).toBe(1024);
  });
});

describe('metrics-server fast path', () => {
  // `<int>n` and `<int>Ki` skip the BigInt parser; they must agree with it exactly,
  // including where the result stops being a safe integer.
  const digits = (n: number, seed: number) => {
    let s = '';
    let x = seed;
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      s += String(x % 10);
    }
    return s;
  };
  const attempt = (fn: () => number) => {
    try {
      return fn();
    } catch (e) {
      return (e as QuantityError).code;
    }
  };
  it('agrees with the general parser on every length it accepts, and just beyond', () => {
    for (let len = 1; len <= 17; len++) {
      for (let seed = 1; seed <= 20; seed++) {
        const d = digits(len, seed * len);
        const cpu = `${d}n`;
        const mem = `${d}Ki`;
        const slowCpu = attempt(() => toScaledInteger(parseQuantity(cpu), Scale.Nano));
        const slowMem = attempt(() => toScaledInteger(parseQuantity(mem), Scale.Unit));
        expect(
          attempt(() => parseCpuNanocores(cpu)),
          cpu,
        ).toBe(slowCpu);
        expect(
          attempt(() => parseMemoryBytes(mem)),
          mem,
        ).toBe(slowMem);
      }
    }
  });
});
