import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '@kubeglance/sim/index';
import type { RunningServer } from '../src/server.js';
import { eventually, type Sim } from './harness.js';
import { request } from './httpClient.js';

/** Per-client API rate limit and SSE caps: one greedy client cannot crowd out another. */
const ALICE = 'alice-token-abcdefghijklmnop';
const BOB = 'bob-token-abcdefghijklmnopqr';
const CAROL = 'carol-token-abcdefghijklmnop';
const DAVE = 'dave-token-abcdefghijklmnopq';
let sim: Sim;
let server: RunningServer;

beforeAll(async () => {
  sim = await startSim({ name: 'abuse', nodes: 20, pods: 2000, port: 0, resolutionMs: 1000 });
  const { serverWith } = await import('./httpClient.js');
  server = await serverWith(
    sim,
    [
      '--auth',
      'token',
      '--rate-limit',
      '100',
      '--max-streams',
      '3',
      '--max-streams-per-client',
      '2',
    ],
    { KUBEGLANCE_TOKENS: `alice:${ALICE},bob:${BOB},carol:${CAROL},dave:${DAVE}` },
  );
});
afterAll(async () => {
  await server?.stop();
  await sim?.stop();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });
async function drain(body: ReadableStream<Uint8Array>): Promise<void> {
  try {
    for await (const chunk of body) void chunk;
  } catch {
    // aborted by the test
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('abuse limits', () => {
  it('turns a flooding client away with 429 while another is served as fast as before', async () => {
    // The pod table of 2,000 pods: real work per request, unless the limiter says no.
    const path = `${server.url}/api/v1/clusters/abuse/pods`;
    await eventually(
      async () => (await request(path, { headers: as(BOB) })).status === 200,
      20_000,
    );
    for (let i = 0; i < 5; i++) await request(path, { headers: as(BOB) });
    const bobAlone: number[] = [];
    for (let i = 0; i < 20; i++) bobAlone.push((await request(path, { headers: as(BOB) })).ms);

    let flooding = true;
    const statuses: number[] = [];
    const flood = Promise.all(
      Array.from({ length: 2 }, async () => {
        while (flooding) statuses.push((await request(path, { headers: as(ALICE) })).status);
      }),
    );
    await eventually(async () => statuses.includes(429), 10_000, 'alice rate-limited');
    const bobDuring: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await request(path, { headers: as(BOB) });
      expect(res.status).toBe(200);
      bobDuring.push(res.ms);
    }
    flooding = false;
    await flood;

    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(100);
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    const last429 = await request(path, { headers: as(ALICE) });
    // The limit as a parameter too, for browsers that say it in another language.
    expect(JSON.parse(last429.body)).toMatchObject({
      error: { code: 'rate-limited', params: { perMinute: 100 } },
    });
    expect(last429.headers['retry-after']).toBeDefined();
    console.log(
      `bob median ${median(bobAlone).toFixed(1)} ms alone, ${median(bobDuring).toFixed(1)} ms during alice's flood (${statuses.length} requests)`,
    );
    // A 429 costs next to nothing, so Bob's requests are not queued behind Alice's work.
    expect(median(bobDuring)).toBeLessThan(median(bobAlone) * 2 + 10);
  });

  it('caps SSE streams per client and in total', async () => {
    const stream = `${server.url}/api/v1/stream`;
    const open = async (token: string) => {
      const ac = new AbortController();
      const res = await fetch(stream, { headers: as(token), signal: ac.signal });
      // Read what arrives, as a browser does (an unread stream is dropped as a slow reader).
      if (res.status === 200) void drain(res.body!);
      return {
        status: res.status,
        body: res.status === 200 ? undefined : await res.json(),
        close: () => ac.abort(),
      };
    };
    const a1 = await open(CAROL);
    const a2 = await open(CAROL);
    const a3 = await open(CAROL);
    expect([a1.status, a2.status, a3.status]).toEqual([200, 200, 429]);
    expect(a3.body).toMatchObject({
      error: { code: 'too-many-streams', params: { open: 2, limit: 2 } },
    });
    const b1 = await open(DAVE);
    const b2 = await open(DAVE);
    expect([b1.status, b2.status]).toEqual([200, 503]);
    expect(b2.body).toMatchObject({ error: { code: 'too-many-streams', params: { limit: 3 } } });
    a1.close();
    await eventually(async () => server.broadcaster.size === 2, 5000, 'stream closed');
    const b3 = await open(DAVE);
    expect(b3.status).toBe(200);
    // HEAD answers with the stream's headers and opens nothing.
    const head = await request(stream, { method: 'HEAD', headers: as(DAVE) });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toMatch(/text\/event-stream/);
    expect(server.broadcaster.size).toBe(3);
    for (const s of [a2, b1, b3]) s.close();
  });
});
