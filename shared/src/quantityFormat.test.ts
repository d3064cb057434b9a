import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.js';
import { formatCpuCanonical, formatMemoryCanonical, formatQuantity } from './quantityFormat.js';

describe('formatCpuCanonical (DecimalSI)', () => {
  it.each([
    [0, '0'],
    [1, '1n'],
    [7_990_556, '7990556n'],
    [1_500_000, '1500u'],
    [1_000, '1u'],
    [250_000_000, '250m'],
    [1_500_000_000, '1500m'],
    [1_000_000_000, '1'],
    [2_000_000_000, '2'],
    [25_000_000_000, '25'],
    [1_000_000_000_000, '1k'],
    [-250_000_000, '-250m'],
  ])('%d nanocores → %s', (nanocores, text) => {
    expect(formatCpuCanonical(nanocores)).toBe(text);
  });

  it('rejects a non-integer', () => {
    expect(() => formatCpuCanonical(1.5)).toThrow(RangeError);
  });
});

describe('formatMemoryCanonical (BinarySI)', () => {
  it.each([
    [0, '0'],
    [512, '512'],
    [1000, '1k'],
    [1023, '1023'],
    [1024, '1Ki'],
    [14_064 * 1024, '14064Ki'],
    [512 * 1048576, '512Mi'],
    [1536 * 1048576, '1536Mi'],
    [4 * 2 ** 30, '4Gi'],
    [123_456_789, '123456789'],
    [1025, '1025'],
    [2 ** 50, '1Pi'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatMemoryCanonical(bytes)).toBe(text);
  });

  it('prints a fraction of a byte as DecimalSI', () => {
    expect(formatQuantity(1_500_000_000_000n + 1n, 'BinarySI')).toBe('1500000000001n');
    expect(formatQuantity(2048_500_000_000n, 'BinarySI')).toBe('2048500m');
  });
});

describe('round trip with parseQuantity', () => {
  it.each(['0', '7990556n', '1500u', '250m', '2', '14064Ki', '512Mi', '4Gi', '123456789', '1k'])(
    '%s',
    (text) => {
      const format = /i$/.test(text) || text === '123456789' ? 'BinarySI' : 'DecimalSI';
      expect(formatQuantity(parseQuantity(text).nanos, format)).toBe(text);
    },
  );

  it('canonicalises non-canonical input the way apimachinery does', () => {
    expect(formatQuantity(parseQuantity('0.25').nanos, 'DecimalSI')).toBe('250m');
    expect(formatQuantity(parseQuantity('1.5Gi').nanos, 'BinarySI')).toBe('1536Mi');
    expect(formatQuantity(parseQuantity('1000m').nanos, 'DecimalSI')).toBe('1');
    expect(formatQuantity(parseQuantity('2048Ki').nanos, 'BinarySI')).toBe('2Mi');
  });
});
