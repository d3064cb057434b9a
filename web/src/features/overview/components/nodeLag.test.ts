import { describe, expect, it } from 'vitest';
import { node } from '../../../api/testFixtures';
import { nodeLag } from './nodeLag';

const T = 1_800_000_000_000;

describe('nodeLag', () => {
  const at = (ts: number | null) => ({ ...node('n1', 100, 1024), metricsTimestampMs: ts });

  it('is silent for a node within two resolutions of the sample', () => {
    expect(nodeLag(at(T - 29_000), T, 15)).toBeNull();
    expect(nodeLag(at(T + 10_000), T, 15)).toBeNull();
  });

  it('says how old a lagging node’s metrics are, from its own timestamp', () => {
    expect(nodeLag(at(T - 45_000), T, 15)).toBe('metrics 45s old');
    expect(nodeLag(at(T - 330_000), T, 15)).toBe('metrics 5m30s old');
  });

  it('names a clock that runs ahead instead of a negative age', () => {
    expect(nodeLag(at(T + 3_600_000), T, 15)).toBe('clock 60m ahead');
  });

  it('has nothing to say without metrics or without a sample', () => {
    expect(nodeLag(at(null), T, 15)).toBeNull();
    expect(nodeLag(at(T - 60_000), null, 15)).toBeNull();
  });
});
