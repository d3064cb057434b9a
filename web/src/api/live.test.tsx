// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStream } from './live';

/** A server that answers every stream request with `hello` and keeps it open. */
function streamingFetch() {
  const requests: { url: string; signal: AbortSignal }[] = [];
  const fn = vi.fn(async (url: string, init?: RequestInit) => {
    const signal = init!.signal!;
    requests.push({ url, signal });
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const hello = { version: 'v1', startedMs: 0, clusters: ['a', 'b'] };
        controller.enqueue(
          new TextEncoder().encode(`event: hello\ndata: ${JSON.stringify(hello)}\n\n`),
        );
        signal.addEventListener('abort', () => controller.error(new Error('aborted')));
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  });
  return { fn, requests };
}

const flush = () => act(async () => void (await vi.advanceTimersByTimeAsync(0)));

describe('useLiveStream', () => {
  let server: ReturnType<typeof streamingFetch>;
  beforeEach(() => {
    vi.useFakeTimers();
    server = streamingFetch();
    vi.stubGlobal('fetch', server.fn);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shares one connection per set of clusters and renders its events', async () => {
    const one = renderHook(() => useLiveStream(['b', 'a']));
    const two = renderHook(() => useLiveStream(['a', 'b']));
    await flush();
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v1/stream?clusters=a,b']);
    for (const hook of [one, two]) {
      expect(hook.result.current.connection.state).toBe('open');
      expect(hook.result.current.version).toBe('v1');
      expect(hook.result.current.clusterNames).toEqual(['a', 'b']);
    }
    one.unmount();
    two.unmount();
    await act(async () => void (await vi.advanceTimersByTimeAsync(6_000)));
  });

  it('keeps the connection for 5 s after the last screen leaves, then closes it', async () => {
    const first = renderHook(() => useLiveStream(['c']));
    await flush();
    first.unmount();
    await act(async () => void (await vi.advanceTimersByTimeAsync(4_000)));
    // Navigating to another screen within the linger time reuses the open stream.
    const second = renderHook(() => useLiveStream(['c']));
    await flush();
    expect(server.requests).toHaveLength(1);
    expect(second.result.current.connection.state).toBe('open');
    second.unmount();
    await act(async () => void (await vi.advanceTimersByTimeAsync(4_999)));
    expect(server.requests[0]!.signal.aborted).toBe(false);
    await act(async () => void (await vi.advanceTimersByTimeAsync(1)));
    expect(server.requests[0]!.signal.aborted).toBe(true);
  });
});
