import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { Response } from 'express';
import { Broadcaster, encodeEvent } from './broadcaster.js';

/** Just enough of an Express Response for the broadcaster: write, end, destroy, close. */
class FakeResponse extends EventEmitter {
  writes: Buffer[] = [];
  writableLength = 0;
  ended = false;
  destroyed = false;
  write(b: Buffer) {
    this.writes.push(b);
    return true;
  }
  end() {
    this.ended = true;
  }
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
}

const fake = () => new FakeResponse() as FakeResponse & Response;

let b: Broadcaster;
afterEach(() => b?.closeAll());

describe('Broadcaster', () => {
  it('serialises an event once and writes the same bytes to every follower of the cluster', () => {
    b = new Broadcaster({ maxBufferedBytes: 1024, heartbeatMs: 60_000 });
    const a = fake();
    const c = fake();
    const other = fake();
    b.add(a, new Set(['east']));
    b.add(c, new Set(['east', 'west']));
    b.add(other, new Set(['west']));
    b.publish('east', 'sample', { n: 1 });
    expect(a.writes).toHaveLength(1);
    expect(a.writes[0]).toBe(c.writes[0]); // the very same Buffer
    expect(a.writes[0]!.toString()).toBe('event: sample\ndata: {"n":1}\n\n');
    expect(other.writes).toHaveLength(0);
  });

  it('drops a client whose socket buffer is over the limit instead of buffering more', () => {
    const dropped: string[] = [];
    b = new Broadcaster({
      maxBufferedBytes: 100,
      heartbeatMs: 60_000,
      onDrop: (_c, why) => dropped.push(why),
    });
    const slow = fake();
    const fast = fake();
    b.add(slow, new Set(['x']));
    b.add(fast, new Set(['x']));
    slow.writableLength = 101;
    b.publish('x', 'sample', {});
    expect(slow.destroyed).toBe(true);
    expect(slow.writes).toHaveLength(0);
    expect(fast.writes).toHaveLength(1);
    expect(b.size).toBe(1);
    expect(b.dropped).toBe(1);
    expect(dropped).toEqual(['slow']);
  });

  it('forgets clients that disconnect and ends every stream on shutdown', () => {
    b = new Broadcaster({ maxBufferedBytes: 100, heartbeatMs: 60_000 });
    const gone = fake();
    const staying = fake();
    b.add(gone, new Set(['x']));
    b.add(staying, new Set(['x']));
    gone.emit('close');
    expect(b.size).toBe(1);
    b.closeAll();
    expect(staying.ended).toBe(true);
    expect(b.size).toBe(0);
  });

  it('frames are single-line JSON even when strings contain newlines', () => {
    expect(encodeEvent('status', { m: 'a\nb' }).toString()).toBe(
      'event: status\ndata: {"m":"a\\nb"}\n\n',
    );
  });
});
