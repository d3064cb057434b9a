import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { Upstream, UpstreamError, USER_AGENT } from './upstream.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
});

/** A plain-HTTP "apiserver" answering with `handler`, and an Upstream pointed at it. */
async function upstreamOf(handler: Handler, gzip = false): Promise<Upstream> {
  server = createServer(handler);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kc = new KubeConfig();
  kc.loadFromOptions({
    // client-node allows plain HTTP only with skipTLSVerify (there is no TLS to verify).
    clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
    users: [{ name: 'u' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return new Upstream(kc, url, { gzip });
}

/** Sends headers and the start of a list at once, then one space every 20 ms, forever. */
function trickle(closed: { at?: number }): Handler {
  return (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":[');
    const timer = setInterval(() => res.write(' '), 20);
    req.socket.on('close', () => {
      clearInterval(timer);
      closed.at = Date.now();
    });
  };
}

describe('Upstream', () => {
  it('cuts a response that trickles forever at the deadline, and closes the connection', async () => {
    const closed: { at?: number } = {};
    const upstream = await upstreamOf(trickle(closed));
    const started = Date.now();
    const error = await upstream
      .getJson('/api/v1/pods', { timeoutMs: 300 })
      .catch((e: unknown) => e);
    const took = Date.now() - started;
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'timeout', path: '/api/v1/pods' });
    expect((error as Error).cause).toBeInstanceOf(DOMException);
    // Cut at the deadline (the socket was never idle for 300 ms), not minutes later.
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5_000);
    await expect.poll(() => closed.at, { timeout: 5_000 }).toBeDefined();
  });

  it('stop() aborts a request in flight with the stop reason', async () => {
    let arrived = false;
    const slow = trickle({});
    const upstream = await upstreamOf((req, res) => {
      arrived = true;
      slow(req, res);
    });
    const pending = upstream.getJson('/api/v1/nodes', { timeoutMs: 60_000 }).catch((e) => e);
    await expect.poll(() => arrived, { timeout: 5_000 }).toBe(true);
    upstream.stop();
    const error = (await pending) as Error;
    expect(error).not.toBeInstanceOf(UpstreamError);
    expect(error.message).toBe('upstream stopped');
  });

  it('sends its User-Agent and Accept, and parses a complete answer', async () => {
    const seen: Record<string, string | undefined> = {};
    const upstream = await upstreamOf((req, res) => {
      seen.ua = req.headers['user-agent'];
      seen.accept = req.headers.accept;
      res.end('{"items":[]}');
    });
    const { body } = await upstream.getJson('/api/v1/namespaces', { timeoutMs: 5_000 });
    expect(body).toEqual({ items: [] });
    expect(USER_AGENT).toMatch(/^kubeglance\/\d+\.\d+\.\d+/);
    expect(seen).toEqual({ ua: USER_AGENT, accept: 'application/json' });
  });

  it('builds HTTP errors from the Status body, with Retry-After', async () => {
    const upstream = await upstreamOf((_req, res) => {
      res.writeHead(429, { 'retry-after': '7', 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', reason: 'TooManyRequests', message: 'slow down' }));
    });
    const error = await upstream.getJson('/api/v1/pods', { timeoutMs: 5_000 }).catch((e) => e);
    expect(error).toMatchObject({
      name: 'UpstreamError',
      kind: 'http',
      status: 429,
      reason: 'TooManyRequests',
      statusMessage: 'slow down',
      retryAfterSeconds: 7,
      message: 'HTTP 429: slow down',
    });
  });

  it('keeps the JSON error as the cause of a parse failure', async () => {
    const upstream = await upstreamOf((_req, res) => res.end('{"items": ['));
    const error = await upstream.getJson('/api/v1/pods', { timeoutMs: 5_000 }).catch((e) => e);
    expect(error).toMatchObject({ kind: 'parse' });
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it('asks for gzip only when configured, and decodes a gzipped answer', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => ({ metadata: { name: `pod-${i}` } }));
    const json = JSON.stringify({ items });
    const asked: (string | undefined)[] = [];
    const handler: Handler = (req, res) => {
      asked.push(req.headers['accept-encoding']);
      if (req.headers['accept-encoding'] === 'gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' });
        res.end(gzipSync(json));
      } else res.end(json);
    };
    const gz = await (
      await upstreamOf(handler, true)
    ).getJson('/api/v1/pods', { timeoutMs: 5_000 });
    await new Promise((r) => server?.close(r));
    const plain = await (await upstreamOf(handler)).getJson('/api/v1/pods', { timeoutMs: 5_000 });
    expect(asked).toEqual(['gzip', undefined]);
    expect(gz.body).toEqual({ items });
    expect(plain.body).toEqual({ items });
    expect(gz.jsonBytes).toBe(Buffer.byteLength(json));
    expect(plain.bytes).toBe(Buffer.byteLength(json));
    expect(gz.bytes).toBe(gzipSync(json).length);
  });

  it('reports a corrupt gzip body as a parse failure with its cause', async () => {
    const upstream = await upstreamOf((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end('not gzip at all');
    }, true);
    const error = await upstream.getJson('/api/v1/pods', { timeoutMs: 5_000 }).catch((e) => e);
    expect(error).toMatchObject({ name: 'UpstreamError', kind: 'parse' });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
