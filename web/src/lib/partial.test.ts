import { describe, expect, it } from 'vitest';
import { partialNodes, partialPods } from './partial';

describe('partial totals', () => {
  it('names the share of nodes only when some are missing', () => {
    expect(partialNodes({ nodes: { total: 60, ready: 60, withMetrics: 55 } })).toBe(
      '55 of 60 nodes',
    );
    expect(partialNodes({ nodes: { total: 60, ready: 60, withMetrics: 60 } })).toBeNull();
    // None at all is "no metrics", not a partial total.
    expect(partialNodes({ nodes: { total: 60, ready: 60, withMetrics: 0 } })).toBeNull();
  });

  it('names the share of pods', () => {
    expect(partialPods({ podsWithMetrics: 12, activePods: 14 })).toBe('12 of 14 pods');
    expect(partialPods({ podsWithMetrics: 14, activePods: 14 })).toBeNull();
  });
});
