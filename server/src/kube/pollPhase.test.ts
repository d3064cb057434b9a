import { describe, expect, it } from 'vitest';
import { PollPhase } from './pollPhase.js';

describe('PollPhase', () => {
  it('polls one resolution after start until it has seen a sample', () => {
    expect(new PollPhase().nextDelay(null, 15_000, 0)).toBe(15_000);
  });

  it('anchors the next poll to the upstream timestamp, not to the previous poll', () => {
    const p = new PollPhase();
    // Samples become visible ~400 ms after their timestamp (publish delay + clock offset).
    p.observe(10_000, 10_400);
    p.observe(11_000, 11_900); // this one was seen late (a retry), the minimum wins
    // A late poll (now = 11_950) still targets the next publication: 11_000 + 1000 + 400 + 100.
    expect(p.nextDelay(11_000, 1000, 11_950)).toBe(550);
    // However late the timer fired, the delay is never negative, never beyond two periods.
    expect(p.nextDelay(11_000, 1000, 20_000)).toBe(0);
    expect(p.nextDelay(11_000, 1000, 0)).toBe(2000);
  });

  it('retries soon after an unchanged answer, then backs off to one period', () => {
    expect(PollPhase.retryDelay(15_000)).toBe(3750);
    expect(PollPhase.retryDelay(15_000, 2)).toBe(7500);
    expect(PollPhase.retryDelay(15_000, 9)).toBe(15_000);
    expect(PollPhase.retryDelay(500)).toBe(250);
  });
});
