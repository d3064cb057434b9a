import { describe, expect, it } from 'vitest';
import { ResolutionDetector } from './resolution.js';

describe('ResolutionDetector', () => {
  it('uses the median recent window, rounded to seconds', () => {
    const d = new ResolutionDetector(15_000, false);
    d.observe(1_000_000, 60_012);
    expect(d.resolutionMs).toBe(60_000);
    d.observe(1_060_000, 59_800);
    d.observe(1_180_000, 120_000); // one odd window does not move the median
    expect(d.resolutionMs).toBe(60_000);
  });

  it('is not fooled by missed polls: gaps are multiples, windows are not', () => {
    const d = new ResolutionDetector(15_000, false);
    for (let i = 0; i < 10; i++) d.observe(i * 2000, 1000);
    expect(d.resolutionMs).toBe(1000);
  });

  it('falls back to the smallest timestamp gap without a window', () => {
    const d = new ResolutionDetector(15_000, false);
    d.observe(0, undefined);
    expect(d.resolutionMs).toBe(15_000);
    d.observe(4_000, undefined);
    d.observe(6_000, Number.NaN);
    expect(d.resolutionMs).toBe(2_000);
  });

  it('keeps a fixed resolution from --resolution', () => {
    const d = new ResolutionDetector(30_000, true);
    d.observe(0, 15_000);
    d.observe(15_000, 15_000);
    expect(d.resolutionMs).toBe(30_000);
  });
});
