import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { deadline } from './deadline.js';

// A real collector, as `node --expose-gc` gives one.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('deadline', () => {
  it('aborts with a TimeoutError after its time, also after garbage collections', async () => {
    // Only the listeners refer to the signals, as in a request in flight. With
    // AbortSignal.any([stop, AbortSignal.timeout(ms)]) none of these fired on Node 20.20
    // once collected (nodejs/node#57736): a hung request would never time out.
    const reasons: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      const { signal } = deadline(new AbortController().signal, 150);
      signal.addEventListener('abort', () => reasons.push(signal.reason));
    }
    for (let i = 0; i < 5; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(reasons).toHaveLength(20);
    expect(reasons.every((r) => r instanceof DOMException && r.name === 'TimeoutError')).toBe(true);
  });

  it('aborts with the stop reason when stopped first', async () => {
    const stop = new AbortController();
    const { signal, clear } = deadline(stop.signal, 10_000);
    stop.abort(new Error('stopping'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('stopping');
    clear();
  });

  it('never fires once cleared', async () => {
    const { signal, clear } = deadline(new AbortController().signal, 20);
    clear();
    await new Promise((r) => setTimeout(r, 80));
    expect(signal.aborted).toBe(false);
  });
});
