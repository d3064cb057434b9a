/** Unit tests of the fault set and the deterministic choice of nodes without metrics. */
import { describe, expect, it } from 'vitest';
import { FAULT_NAMES, FaultSet, nodesMissingMetrics, UnknownFaultError } from '../src/faults.js';

describe('FaultSet', () => {
  it('sets, clears and reports in declaration order, with start times', () => {
    const faults = new FaultSet(['slow']);
    const changes: [string[], string[]][] = [];
    faults.onChange((added, removed) => changes.push([[...added], [...removed]]));
    expect(faults.set('throttle', 'metrics-unavailable', 'throttle')).toEqual([
      'metrics-unavailable',
      'throttle',
      'slow',
    ]);
    const since = faults.since('throttle');
    expect(since).toBeTypeOf('number');
    faults.set('throttle');
    expect(faults.since('throttle')).toBe(since); // re-setting keeps the start time
    expect(faults.clear('slow')).toEqual(['metrics-unavailable', 'throttle']);
    expect(faults.has('slow')).toBe(false);
    expect(faults.clear()).toEqual([]);
    expect(changes).toEqual([
      [['throttle', 'metrics-unavailable'], []],
      [[], ['slow']],
      [[], ['metrics-unavailable', 'throttle']],
    ]);
  });

  it('rejects unknown names without changing anything', () => {
    const faults = new FaultSet();
    expect(() => faults.set('throttle', 'typo')).toThrow(UnknownFaultError);
    expect(faults.active()).toEqual([]);
    expect(() => new FaultSet(['nope'])).toThrow(/unknown fault "nope"/);
    expect(FAULT_NAMES).toContain('apiserver-down');
  });
});

describe('nodesMissingMetrics', () => {
  const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `node-${i}`);

  it('hides about one node in ten, never none, and always the same ones', () => {
    expect(nodesMissingMetrics([])).toEqual(new Set());
    expect(nodesMissingMetrics(['only']).size).toBe(1);
    const big = nodesMissingMetrics(names(1000));
    expect(big.size).toBeGreaterThan(60);
    expect(big.size).toBeLessThan(140);
    expect(nodesMissingMetrics(names(1000))).toEqual(big);
    for (const n of [2, 5, 20])
      expect(nodesMissingMetrics(names(n)).size).toBeGreaterThanOrEqual(1);
    // Stable when other nodes come and go.
    const subset = nodesMissingMetrics(names(1000).slice(0, 500));
    for (const name of subset) expect(big.has(name)).toBe(true);
  });
});
