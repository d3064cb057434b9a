import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterPipeline } from '../pipeline/clusterPipeline.js';
import { ListBuffers } from './listBuffers.js';

/** Just what ListBuffers reads of a pipeline: the sample, the inventory version, staleness. */
class FakePipeline extends EventEmitter {
  sample: { timestampMs: number } | null = { timestampMs: 1000 };
  inventory = { version: 1 };
  stale = false;
  newSample(ts: number) {
    this.sample = { timestampMs: ts };
    this.emit('sample');
  }
}

const pipeline = new FakePipeline();
const buffers = new ListBuffers(pipeline as unknown as ClusterPipeline);
let builds = 0;
const make = () => {
  builds++;
  return {
    items: [{ rows: 'x'.repeat(20_000), build: builds }],
    timestampMs: pipeline.sample!.timestampMs,
    stale: pipeline.stale,
  };
};
let url = '';
let server: ReturnType<ReturnType<typeof express>['listen']>;

beforeAll(async () => {
  const app = express();
  app.get('/list', (req, res) => void buffers.send(req, res, 'list', make));
  await new Promise<void>((r) => (server = app.listen(0, '127.0.0.1', () => r())));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/list`;
});
afterAll(() => server.close());

const get = async () => {
  const r = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  return {
    gzip: r.headers.get('content-encoding'),
    body: (await r.json()) as ReturnType<typeof make>,
  };
};
const until = async (cond: () => boolean) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
};

describe('prebuilt list buffers', () => {
  it('builds a list inline once, then ahead after every sample; readers get the prebuilt bytes', async () => {
    const first = await get();
    expect(first.body.items[0]!.build).toBe(1);
    pipeline.newSample(2000);
    // Built ahead, not by a request, and swapped in.
    await until(() => buffers['builtFrom']?.sample === pipeline.sample);
    expect(builds).toBe(2);
    const hits = await Promise.all([get(), get(), get()]);
    expect(hits.map((h) => h.body.items[0]!.build)).toEqual([2, 2, 2]);
    expect(hits.map((h) => h.body.timestampMs)).toEqual([2000, 2000, 2000]);
    expect(hits[0]!.gzip).toBe('gzip');
    expect(builds).toBe(2);
  });

  it('never serves bytes of an older sample: a request before the rebuild builds inline', async () => {
    pipeline.sample = { timestampMs: 3000 }; // no event yet: the prebuilt list is of 2000
    const r = await get();
    expect(r.body.timestampMs).toBe(3000);
  });

  it('rebuilds after an inventory change within a second, without a new sample', async () => {
    pipeline.newSample(4000);
    await until(() => buffers['builtFrom']?.sample === pipeline.sample);
    const before = (await get()).body.items[0]!.build;
    pipeline.inventory = { version: 2 };
    await get(); // still the prebuilt list; notices the change
    await until(() => builds > before);
    await until(() => buffers['builtFrom']?.version === 2);
    expect((await get()).body.items[0]!.build).toBe(builds);
  });
});
