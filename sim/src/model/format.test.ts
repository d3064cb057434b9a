import { describe, expect, it } from 'vitest';
import { formatCpuMilli, formatKi, formatMemoryMi, formatNanocores } from './quantity.js';
import { Rng } from './random.js';
import { goDuration, parseTime, rfc3339 } from './time.js';

describe('rfc3339', () => {
  it('matches toISOString without milliseconds', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(rng.float(0, 4102444800000));
      expect(rfc3339(ms)).toBe(new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));
    }
    expect(rfc3339(Date.UTC(2026, 10, 21, 10, 0, 15, 999))).toBe('2026-11-21T10:00:15Z');
  });
});

describe('goDuration', () => {
  it('formats like Go time.Duration', () => {
    expect(goDuration(15_000)).toBe('15s');
    expect(goDuration(60_000)).toBe('1m0s');
    expect(goDuration(90_000)).toBe('1m30s');
    expect(goDuration(10_228)).toBe('10.228s');
    expect(goDuration(500)).toBe('500ms');
    expect(goDuration(3_600_000)).toBe('1h0m0s');
    expect(goDuration(0)).toBe('0s');
  });
});

describe('quantities', () => {
  it('formats canonical requests', () => {
    expect(formatCpuMilli(250)).toBe('250m');
    expect(formatCpuMilli(2000)).toBe('2');
    expect(formatMemoryMi(512)).toBe('512Mi');
    expect(formatMemoryMi(4096)).toBe('4Gi');
  });

  it('formats usage exactly like metrics-server (integer n / Ki)', () => {
    expect(formatNanocores(0.007990556)).toBe('7990556n');
    expect(formatKi(14064 * 1024 + 3)).toBe('14064Ki');
    expect(formatNanocores(-1)).toBe('0n');
  });
});

describe('parseTime', () => {
  it('round-trips rfc3339 and accepts other RFC 3339 forms', () => {
    const rng = new Rng(12);
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(rng.float(0, 4102444800)) * 1000;
      expect(parseTime(rfc3339(ms))).toBe(ms);
    }
    expect(parseTime('2026-11-21T10:00:15.250Z')).toBe(Date.UTC(2026, 10, 21, 10, 0, 15, 250));
    expect(parseTime('2026-11-21T11:00:15+01:00')).toBe(Date.UTC(2026, 10, 21, 10, 0, 15));
    expect(parseTime('not a time')).toBeNaN();
  });
});
