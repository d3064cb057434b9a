import { describe, expect, it } from 'vitest';
import {
  NO_VALUE,
  formatAge,
  formatAgeShort,
  formatBytesIEC,
  formatCores,
  formatPercent,
  formatRatioAsPercent,
  formatRelativeTime,
} from './humanFormat.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

const missing = [null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe('formatCores', () => {
  it.each([
    [0, '0m'],
    [1, '1m'],
    [250, '250m'],
    [999, '999m'],
    [999.4, '999m'],
    [999.6, '1 core'],
    [1000, '1 core'],
    [1250, '1.25 cores'],
    [2000, '2 cores'],
    [12_500, '12.5 cores'],
    [12_000, '12 cores'],
    [125_000, '125 cores'],
    [1_234_567, '1235 cores'],
    [-250, '-250m'],
    [-1500, '-1.5 cores'],
  ])('%s millicores → %s', (millicores, expected) => {
    expect(formatCores(millicores)).toBe(expected);
  });

  it.each(missing)('%s → placeholder', (value) => {
    expect(formatCores(value)).toBe(NO_VALUE);
  });
});

describe('formatBytesIEC', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [512 * 2 ** 20, '512 MiB'],
    [1.5 * 2 ** 30, '1.5 GiB'],
    [3.2 * 2 ** 40, '3.2 TiB'],
    [12.34 * 2 ** 30, '12.3 GiB'],
    [1023.7 * 2 ** 20, '1 GiB'],
    [2 ** 60, '1 EiB'],
    [2048 * 2 ** 60, '2048 EiB'],
    [-1536, '-1.5 KiB'],
  ])('%s bytes → %s', (bytes, expected) => {
    expect(formatBytesIEC(bytes)).toBe(expected);
  });

  it.each(missing)('%s → placeholder', (value) => {
    expect(formatBytesIEC(value)).toBe(NO_VALUE);
  });
});

describe('formatPercent / formatRatioAsPercent', () => {
  it.each([
    [42.3, 0, '42%'],
    [42.5, 0, '43%'],
    [7.25, 1, '7.3%'],
    [0, 0, '0%'],
    [-0, 0, '0%'],
    [100, 1, '100.0%'],
  ])('%s with %i digits → %s', (percent, digits, expected) => {
    expect(formatPercent(percent, digits)).toBe(expected);
  });

  it('treats ratios as fractions of 1', () => {
    expect(formatRatioAsPercent(0.423)).toBe('42%');
    expect(formatRatioAsPercent(1)).toBe('100%');
    expect(formatRatioAsPercent(0.0756, 1)).toBe('7.6%');
  });

  it.each(missing)('%s → placeholder', (value) => {
    expect(formatPercent(value)).toBe(NO_VALUE);
    expect(formatRatioAsPercent(value)).toBe(NO_VALUE);
  });
});

describe('formatAge (kubectl HumanDuration)', () => {
  it.each([
    [-2 * SECOND, '<invalid>'],
    [-1999, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [45 * SECOND, '45s'],
    [119 * SECOND + 999, '119s'],
    [2 * MINUTE, '2m'],
    [5 * MINUTE, '5m'],
    [5 * MINUTE + 30 * SECOND, '5m30s'],
    [10 * MINUTE + 30 * SECOND, '10m'],
    [179 * MINUTE, '179m'],
    [3 * HOUR, '3h'],
    [3 * HOUR + 15 * MINUTE, '3h15m'],
    [8 * HOUR + 15 * MINUTE, '8h'],
    [47 * HOUR, '47h'],
    [2 * DAY, '2d'],
    [2 * DAY + 5 * HOUR, '2d5h'],
    [8 * DAY + 5 * HOUR, '8d'],
    [400 * DAY, '400d'],
    [2 * YEAR, '2y'],
    [2 * YEAR + 30 * DAY, '2y30d'],
    [9 * YEAR + 30 * DAY, '9y'],
  ])('%s ms → %s', (ms, expected) => {
    expect(formatAge(ms)).toBe(expected);
  });

  it.each(missing)('%s → placeholder', (value) => {
    expect(formatAge(value)).toBe(NO_VALUE);
  });
});

describe('formatAgeShort (kubectl ShortHumanDuration)', () => {
  it.each([
    [-2 * SECOND, '<invalid>'],
    [-SECOND, '0s'],
    [45 * SECOND, '45s'],
    [5 * MINUTE + 30 * SECOND, '5m'],
    [3 * HOUR + 59 * MINUTE, '3h'],
    [2 * DAY + 23 * HOUR, '2d'],
    [364 * DAY, '364d'],
    [3 * YEAR + DAY, '3y'],
  ])('%s ms → %s', (ms, expected) => {
    expect(formatAgeShort(ms)).toBe(expected);
  });

  it('renders null as the placeholder', () => {
    expect(formatAgeShort(null)).toBe(NO_VALUE);
  });
});

describe('formatRelativeTime', () => {
  const now = 1_700_000_000_000;

  it.each([
    [now, '0 s ago'],
    [now - 999, '0 s ago'],
    [now + 1500, '0 s ago'],
    [now + 2001, 'in the future'],
    [now - 12 * SECOND, '12 s ago'],
    [now - 59 * SECOND - 999, '59 s ago'],
    [now - 3 * MINUTE - 10 * SECOND, '3 min ago'],
    [now - 2 * HOUR, '2 h ago'],
    [now - 5 * DAY - HOUR, '5 d ago'],
  ])('%s → %s', (timestamp, expected) => {
    expect(formatRelativeTime(timestamp, now)).toBe(expected);
  });

  it.each(missing)('%s → placeholder', (value) => {
    expect(formatRelativeTime(value, now)).toBe(NO_VALUE);
    expect(formatRelativeTime(now, value as number)).toBe(NO_VALUE);
  });
});
