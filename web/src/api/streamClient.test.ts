import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamEventName } from '@kubeglance/shared/api';
import { openStream, streamUrl, type ConnectionInfo } from './streamClient';

/** A fetch stub: each call takes the next scripted answer. */
function scriptedFetch(answers: ((signal?: AbortSignal) => Response | Promise<Response>)[]) {
  const calls: string[] = [];
  const fn = vi.fn(async (url: string, init?: RequestInit) => {
    calls.push(url);
    const next = answers.shift();
    if (!next) return new Promise<Response>(() => {});
    return next(init?.signal ?? undefined);
  });
  return { fn, calls };
}

/** Like a real fetch body: aborting the request errors the stream. */
function sseResponse(text: string, keepOpen = false, signal?: AbortSignal): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      if (!keepOpen) controller.close();
      signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

const hello = 'event: hello\ndata: {"version":"v1","startedMs":0,"clusters":["a"]}\n\n';

describe('openStream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('builds the stream URL with escaped cluster names', () => {
    expect(streamUrl(null)).toBe('/api/v1/stream');
    expect(streamUrl(['a', 'b c'])).toBe('/api/v1/stream?clusters=a,b%20c');
  });

  it('does not retry a 404 (no such cluster): refused, naming the requested clusters', async () => {
    const { fn, calls } = scriptedFetch([
      () =>
        new Response(
          '{"error":{"code":"unknown-cluster","message":"cluster(s) not configured: nope"}}',
          {
            status: 404,
          },
        ),
    ]);
    vi.stubGlobal('fetch', fn);
    const states: ConnectionInfo[] = [];
    const close = openStream({
      clusters: ['nope'],
      onEvent: () => undefined,
      onConnection: (info) => states.push(info),
    });
    await vi.advanceTimersByTimeAsync(600_000);
    expect(calls).toHaveLength(1);
    expect(states.at(-1)).toMatchObject({ state: 'refused', unknownClusters: ['nope'] });
    close();
  });

  it('delivers events and reconnects with growing delays until a hello resets them', async () => {
    const { fn, calls } = scriptedFetch([
      () => Promise.reject(new TypeError('fetch failed')),
      () => new Response('{"error":{"code":"x","message":"busy"}}', { status: 503 }),
      () => sseResponse(hello),
      () => sseResponse(hello, true),
    ]);
    vi.stubGlobal('fetch', fn);
    const events: [StreamEventName, unknown][] = [];
    const states: ConnectionInfo[] = [];
    const close = openStream({
      clusters: ['a'],
      onEvent: (name, data) => events.push([name, data]),
      onConnection: (info) => states.push(info),
    });

    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toMatchObject({
      state: 'retrying',
      attempt: 1,
      error: 'the kubeglance server cannot be reached',
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    expect(states.at(-1)).toMatchObject({
      attempt: 2,
      error: 'the server refused the stream (503: busy)',
    });
    // Second retry waits 2 s.
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(3);
    // That stream said hello, then ended: the attempt counter was reset, so 1 s again.
    expect(events.map(([n]) => n)).toEqual(['hello']);
    expect(states.at(-1)).toMatchObject({ state: 'retrying', attempt: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(4);
    expect(states.at(-1)?.state).toBe('open');
    close();
  });

  it('treats a silent stream as dead after the idle timeout', async () => {
    const { fn, calls } = scriptedFetch([(signal) => sseResponse(': heartbeat\n\n', true, signal)]);
    vi.stubGlobal('fetch', fn);
    const states: ConnectionInfo[] = [];
    const close = openStream({
      clusters: null,
      idleTimeoutMs: 10_000,
      onEvent: () => {},
      onConnection: (info) => states.push(info),
    });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(states.at(-1)?.state).toBe('open');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(states.at(-1)).toMatchObject({
      state: 'retrying',
      error: 'no data or heartbeat from the server',
    });
    expect(calls).toHaveLength(1);
    close();
  });

  it('stops for good when closed', async () => {
    const { fn, calls } = scriptedFetch([() => Promise.reject(new TypeError('down'))]);
    vi.stubGlobal('fetch', fn);
    const close = openStream({ clusters: null, onEvent: () => {}, onConnection: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });
});
