import { describe, expect, it } from 'vitest';
import { appendFrame, nodeLiveUsage, usageFrame, type NodeUsageFrame } from './liveNodeUsage';

const rows = (cpuA: number | null, withB = true) =>
  [['a', cpuA, 1024] as const, ...(withB ? [['b', 7, null] as const] : [])] as const;

describe('per-node live usage frames', () => {
  it("gives a node's points in time order, unknown values as null (never 0)", () => {
    let frames: NodeUsageFrame[] = [];
    for (const [t, cpu] of [
      [1_000, 10],
      [2_000, null],
      [3_000, 30],
    ] as const)
      frames = appendFrame(frames, usageFrame(t, rows(cpu), frames.at(-1)), 0);
    expect(nodeLiveUsage(frames, 'a')).toEqual({
      cpu: [
        [1_000, 10],
        [2_000, null],
        [3_000, 30],
      ],
      memory: [
        [1_000, 1024],
        [2_000, 1024],
        [3_000, 1024],
      ],
    });
    expect(nodeLiveUsage(frames, 'b').memory).toEqual([
      [1_000, null],
      [2_000, null],
      [3_000, null],
    ]);
    expect(nodeLiveUsage(frames, 'nope')).toEqual({ cpu: [], memory: [] });
  });

  it('leaves out frames that do not list a node, and frames older than the window', () => {
    let frames: NodeUsageFrame[] = [];
    frames = appendFrame(frames, usageFrame(1_000, rows(1), undefined), 0);
    frames = appendFrame(frames, usageFrame(2_000, rows(2, false), frames.at(-1)), 0);
    frames = appendFrame(frames, usageFrame(3_000, rows(3), frames.at(-1)), 1_500);
    expect(frames.map((f) => f.t)).toEqual([2_000, 3_000]);
    expect(nodeLiveUsage(frames, 'a').cpu).toEqual([
      [2_000, 2],
      [3_000, 3],
    ]);
    expect(nodeLiveUsage(frames, 'b').cpu).toEqual([[3_000, 7]]);
  });

  it('shares the names and their index while they stay, and builds a series once', () => {
    const first = usageFrame(1_000, rows(1), undefined);
    const second = usageFrame(2_000, rows(2), first);
    const third = usageFrame(3_000, rows(3, false), second);
    expect(second.names).toBe(first.names);
    expect(second.index).toBe(first.index);
    expect(third.names).not.toBe(second.names);
    expect(third.index.get('b')).toBeUndefined();
    const frames = appendFrame([first], second, 0);
    expect(nodeLiveUsage(frames, 'a')).toBe(nodeLiveUsage(frames, 'a'));
    expect(nodeLiveUsage(appendFrame(frames, third, 0), 'a')).not.toBe(nodeLiveUsage(frames, 'a'));
  });
});
