import { describe, expect, it } from 'vitest';
import { ResolutionDetector } from './resolution.js';

describe('ResolutionDetector', () => {
  it('starts from the window, then uses the smallest gap between new timestamps', () => {
    const d = new ResolutionDetector(15_000, false);
    d.observe(1_000_000, 60_012);
    expect(d.resolutionMs).toBe(60_000);
    d.observe(1_060_000, 60_000);
    d.observe(1_180_000, 60_000); // one sample missed: a longer gap must not win
    expect(d.resolutionMs).toBe(60_000);
  });

  it('follows a faster cluster once timestamps show it', () => {
    const d = new ResolutionDetector(15_000, false);
    d.observe(0, undefined);
    expect(d.resolutionMs).toBe(15_000);
    d.observe(2_000, undefined);
    expect(d.resolutionMs).toBe(2_000);
  });

  it('keeps a fixed resolution from --resolution', () => {
    const d = new ResolutionDetector(30_000, true);
    d.observe(0, 15_000);
    d.observe(15_000, 15_000);
    expect(d.resolutionMs).toBe(30_000);
  });
});
