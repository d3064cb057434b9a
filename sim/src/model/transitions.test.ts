import { describe, expect, it } from 'vitest';
import { Rng } from './random.js';
import { bumpImage } from './rollouts.js';
import type { Workload } from './templates.js';
import { TransitionQueue } from './transitions.js';

const workload = {} as Workload;

describe('TransitionQueue', () => {
  it('pops due transitions by time, ties in insertion order', () => {
    const queue = new TransitionQueue();
    const rng = new Rng(1);
    const due: number[] = [];
    for (let i = 0; i < 500; i++) {
      const dueMs = rng.int(0, 50);
      due.push(dueMs);
      queue.push({ dueMs, type: 'bind', workload, name: `p${i}` });
    }
    expect(queue.popDue(-1)).toBeUndefined();
    const popped: { dueMs: number; index: number }[] = [];
    for (let t = queue.popDue(25); t !== undefined; t = queue.popDue(25)) {
      popped.push({ dueMs: t.dueMs, index: Number(t.name.slice(1)) });
    }
    const expected = due
      .map((dueMs, index) => ({ dueMs, index }))
      .filter((e) => e.dueMs <= 25)
      .sort((a, b) => a.dueMs - b.dueMs || a.index - b.index);
    expect(popped).toEqual(expected);
    expect(queue.size).toBe(500 - expected.length);
  });
});

describe('bumpImage', () => {
  it('bumps the trailing version number', () => {
    expect(bumpImage('registry.example.com/payments/payments-api:1.4.9')).toBe(
      'registry.example.com/payments/payments-api:1.4.10',
    );
    expect(bumpImage('docker.io/library/redis:7.4.1-alpine')).toBe(
      'docker.io/library/redis:7.4.1-alpine',
    );
  });
});
