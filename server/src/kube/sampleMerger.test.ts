import { describe, expect, it } from 'vitest';
import { MERGE_SLICE, SampleMerger } from './sampleMerger.js';
import type { NodeUsage, PodUsage } from './types.js';

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000;

function node(name: string, timestampMs: number, cpuNanocores = 1e9): NodeUsage {
  return { name, cpuNanocores, memoryBytes: 1024, timestampMs, windowMs: 15_000 };
}

function pod(namespace: string, name: string, timestampMs: number, cpu = 1e6): PodUsage {
  return {
    namespace,
    name,
    containers: [{ name: 'c', cpuNanocores: cpu, memoryBytes: 1024 }],
    timestampMs,
    windowMs: 15_000,
  };
}

describe('SampleMerger', () => {
  it('a poll is new when any item advanced, even if the newest timestamp did not', () => {
    const m = new SampleMerger();
    // n3's clock is an hour ahead: its timestamp stays the newest for an hour.
    const first = m.merge([node('n1', T0), node('n2', T0), node('n3', T0 + HOUR)], [], T0 + 1000);
    expect(first.sample).not.toBeNull();
    const next = m.merge(
      [node('n1', T0 + 15_000, 2e9), node('n2', T0 + 15_000), node('n3', T0 + HOUR)],
      [],
      T0 + 16_000,
    );
    expect(next.advanced).toBe(2);
    expect(next.sample!.nodes.find((n) => n.name === 'n1')!.cpuNanocores).toBe(2e9);
    // The sample's time is the lower median (not the skewed node's), never after our clock.
    expect(first.sample!.timestampMs).toBe(T0);
    expect(next.sample!.timestampMs).toBe(T0 + 15_000);
  });

  it('nothing advanced: unchanged (no sample)', () => {
    const m = new SampleMerger();
    m.merge([node('n1', T0)], [pod('ns', 'a', T0)], T0 + 1000);
    const again = m.merge([node('n1', T0)], [pod('ns', 'a', T0)], T0 + 5000);
    expect(again.sample).toBeNull();
    expect(again.advanced).toBe(0);
  });

  it('replicas answering alternately never move an item back', () => {
    const m = new SampleMerger();
    // Replica A scrapes at :00, :15, :30; replica B at :07, :22. Polls alternate A, B, A, B.
    const polls: [number, number][] = [
      [T0, T0 + 1000], // A
      [T0 - 8000, T0 + 2000], // B, older
      [T0 + 7000, T0 + 8000], // B, newer
      [T0, T0 + 9000], // A, older than B's
      [T0 + 15_000, T0 + 16_000], // A
    ];
    const seen: number[] = [];
    for (const [ts, now] of polls) {
      const r = m.merge([node('n1', ts, ts)], [pod('ns', 'a', ts, ts)], now);
      if (r.sample) {
        seen.push(r.sample.nodes[0]!.timestampMs);
        expect(r.sample.pods[0]!.timestampMs).toBe(r.sample.nodes[0]!.timestampMs);
      } else {
        expect(r.regressed).toBe(2);
      }
    }
    expect(seen).toEqual([T0, T0 + 7000, T0 + 15_000]);
  });

  it('keeps the newer item per key when a response mixes older and newer items', () => {
    const m = new SampleMerger();
    m.merge([node('n1', T0), node('n2', T0)], [], T0 + 1000);
    const r = m.merge([node('n1', T0 + 15_000), node('n2', T0 - 15_000, 5e9)], [], T0 + 16_000);
    expect(r.advanced).toBe(1);
    expect(r.regressed).toBe(1);
    const n2 = r.sample!.nodes.find((n) => n.name === 'n2')!;
    expect([n2.timestampMs, n2.cpuNanocores]).toEqual([T0, 1e9]);
  });

  it('collapses duplicates within a response to the newest, counting them', () => {
    const m = new SampleMerger();
    const r = m.merge(
      [node('n1', T0, 1e9), node('n1', T0 + 5000, 3e9)],
      [pod('ns', 'a', T0, 1e6), pod('ns', 'a', T0, 9e6), pod('ns', 'b', T0)],
      T0 + 6000,
    );
    expect(r.duplicates).toBe(2);
    expect(r.sample!.nodes).toHaveLength(1);
    expect(r.sample!.nodes[0]!.cpuNanocores).toBe(3e9);
    expect(r.sample!.pods.map((p) => [p.name, p.containers[0]!.cpuNanocores])).toEqual([
      ['a', 1e6],
      ['b', 1e6],
    ]);
  });

  it('drops items absent from the response; sample times never go back', () => {
    const m = new SampleMerger();
    m.merge([node('n1', T0 + 10_000), node('n2', T0 + 10_000)], [], T0 + 11_000);
    const r = m.merge([node('n1', T0 + 25_000)], [], T0 + 26_000);
    expect(r.sample!.nodes.map((n) => n.name)).toEqual(['n1']);
    // Clock ahead on every node: the sample is stamped with our clock instead.
    const ahead = new SampleMerger();
    const a = ahead.merge([node('n1', T0 + HOUR)], [], T0);
    expect(a.sample!.timestampMs).toBe(T0);
    const b = ahead.merge([node('n1', T0 + HOUR + 15_000)], [], T0 + 15_000);
    expect(b.sample!.timestampMs).toBe(T0 + 15_000);
    // The clock is corrected: the item is taken, and the sample time still never goes back.
    const c = ahead.merge([node('n1', T0 + 10_000)], [], T0 + 16_000);
    expect(c.sample!.nodes[0]!.timestampMs).toBe(T0 + 10_000);
    expect(c.sample!.timestampMs).toBe(T0 + 15_000);
  });

  it('reports each node’s clock offset and when it last advanced', () => {
    const m = new SampleMerger();
    m.merge([node('n1', T0 - 2000), node('skewed', T0 + HOUR)], [], T0);
    m.merge([node('n1', T0 + 13_000), node('skewed', T0 + HOUR)], [], T0 + 15_000);
    const clocks = Object.fromEntries(m.nodeClocks().map((c) => [c.name, c]));
    expect(clocks['n1']).toEqual({ name: 'n1', advancedAtMs: T0 + 15_000, offsetMs: -2000 });
    expect(clocks['skewed']).toEqual({ name: 'skewed', advancedAtMs: T0, offsetMs: HOUR });
  });

  it('takes an item that jumped back by far more than a replica offset (clock corrected)', () => {
    const m = new SampleMerger();
    m.merge([node('n1', T0), node('fixed', T0 + HOUR, 5e9)], [pod('ns', 'a', T0 + HOUR)], T0);
    const r = m.merge(
      [node('n1', T0 + 15_000), node('fixed', T0 + 14_000, 1e9)],
      [pod('ns', 'a', T0 + 14_000)],
      T0 + 15_000,
      15_000,
    );
    expect(r.regressed).toBe(0);
    const fixed = r.sample!.nodes.find((n) => n.name === 'fixed')!;
    expect([fixed.timestampMs, fixed.cpuNanocores]).toEqual([T0 + 14_000, 1e9]);
    expect(r.sample!.pods[0]!.timestampMs).toBe(T0 + 14_000);
    expect(m.nodeClocks().find((c) => c.name === 'fixed')!.offsetMs).toBe(-1000);
    // ... while one resolution back is an older replica, and kept out.
    const replica = m.merge([node('n1', T0 + 1000)], [], T0 + 16_000, 15_000);
    expect(replica.sample).toBeNull();
  });

  it('merging in turns gives what merging at once gives, and lets the loop run in between', async () => {
    const count = 3 * MERGE_SLICE + 7;
    const pods = (ts: number) =>
      Array.from({ length: count }, (_, i) => pod(`ns${i % 7}`, `p${i}`, ts + (i % 3), i * 1000));
    const nodes = [node('n1', T0), node('n2', T0 + 5)];
    const atOnce = new SampleMerger();
    const inTurns = new SampleMerger();
    /** For each merge: whether an immediate queued after it started ran before it ended. */
    const ranBetween: boolean[] = [];
    for (const ts of [T0, T0 + 15_000]) {
      const expected = atOnce.merge(nodes, pods(ts), ts + 1000);
      let finished = false;
      const merging = inTurns.mergeInTurns(nodes, pods(ts), ts + 1000).then((r) => {
        finished = true;
        return r;
      });
      setImmediate(() => ranBetween.push(!finished));
      expect(await merging).toEqual(expected);
    }
    expect(ranBetween).toEqual([true, true]);
    expect(inTurns.nodeClocks()).toEqual(atOnce.nodeClocks());
  });
});
