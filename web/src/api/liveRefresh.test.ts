import { describe, expect, it } from 'vitest';
import { refreshedBySamples } from './liveRefresh';

describe('refreshedBySamples', () => {
  it('refreshes everything except node histories', () => {
    expect(refreshedBySamples({ queryKey: ['cluster', 'a', 'summary'] })).toBe(true);
    expect(
      refreshedBySamples({ queryKey: ['cluster', 'a', 'history', 'cluster', '', '', '', '1h'] }),
    ).toBe(true);
    expect(
      refreshedBySamples({ queryKey: ['cluster', 'a', 'history', 'node', '', '', 'n1', '1h'] }),
    ).toBe(false);
  });
});
