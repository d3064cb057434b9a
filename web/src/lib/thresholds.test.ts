import { describe, expect, it } from 'vitest';
import { flagSeverity, heatLevel, hotterPercent, percentOf, usageFlags } from './thresholds';

const cpu = (usage: number | null, request: number | null, limit: number | null = null) => ({
  usageMillicores: usage,
  requestMillicores: request,
  limitMillicores: limit,
});
const mem = (usage: number | null, request: number | null, limit: number | null = null) => ({
  usageBytes: usage,
  requestBytes: request,
  limitBytes: limit,
});

describe('percentOf', () => {
  it('truncates to whole percent, as kubectl and k9s print it', () => {
    expect(percentOf(250, 1000)).toBe(25);
    expect(percentOf(1999, 1000)).toBe(199);
    expect(percentOf(897, 1000)).toBe(89);
  });

  it('is unknown without usage or reference, never 0', () => {
    expect(percentOf(null, 100)).toBeNull();
    expect(percentOf(100, null)).toBeNull();
    expect(percentOf(100, 0)).toBeNull();
  });
});

describe('usageFlags', () => {
  it('flags OOM risk at a printed 90 % of the memory limit, not at 89.7 %', () => {
    expect(usageFlags(cpu(100, 100), mem(90, 90, 100))).toEqual([
      { kind: 'oom-risk', percent: 90 },
    ]);
    expect(usageFlags(cpu(100, 100), mem(897, 897, 1000))).toEqual([]);
  });

  it('flags over-provisioning below 20 % of the request per resource', () => {
    expect(usageFlags(cpu(19, 100), mem(50, 100))).toEqual([
      { kind: 'over-provisioned', resources: ['cpu'] },
    ]);
    expect(usageFlags(cpu(10, 100), mem(10, 100))).toEqual([
      { kind: 'over-provisioned', resources: ['cpu', 'memory'] },
    ]);
    expect(usageFlags(cpu(20, 100), mem(20, 100))).toEqual([]);
  });

  it('does not flag what it cannot know', () => {
    expect(usageFlags(cpu(null, 100), mem(null, 100, 100))).toEqual([]);
    expect(usageFlags(cpu(5, null), mem(5, null, null))).toEqual([]);
  });

  it('orders severity: OOM risk, then over-provisioned, then nothing', () => {
    const both = usageFlags(cpu(1, 100), mem(95, 100, 100));
    expect(both.map((f) => f.kind)).toEqual(['oom-risk', 'over-provisioned']);
    expect(flagSeverity(both)).toBe(2);
    expect(flagSeverity(usageFlags(cpu(1, 100), mem(50, 100)))).toBe(1);
    expect(flagSeverity([])).toBe(0);
  });
});

describe('heat', () => {
  it('takes the hotter known percentage', () => {
    expect(hotterPercent(40, 90)).toBe(90);
    expect(hotterPercent(null, 30)).toBe(30);
    expect(hotterPercent(null, null)).toBeNull();
  });

  it('buckets percentages', () => {
    expect([0, 49, 50, 69, 70, 84, 85, 140].map(heatLevel)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(heatLevel(null)).toBeNull();
  });
});
