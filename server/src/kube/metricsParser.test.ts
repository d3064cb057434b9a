import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { MetricsParser } from './metricsParser.js';
import { parseNodeMetricsList, parsePodMetricsList } from './parseMetrics.js';
import { UpstreamError } from './upstream.js';

const iso = (ms: number) => new Date(ms).toISOString();
const t0 = Date.parse('2026-11-21T10:00:15Z');

const podItem = (ns: string, name: string, containers: [string, string, string][]) => ({
  metadata: { name, namespace: ns },
  timestamp: iso(t0),
  window: '15s',
  containers: containers.map(([n, cpu, memory]) => ({ name: n, usage: { cpu, memory } })),
});

/** Good items, exact big values, an odd window, and every kind of malformed item. */
const podList = {
  kind: 'PodMetricsList',
  items: [
    podItem('a', 'p1', [['app', '1000001n', '1Ki']]),
    podItem('b', 'p2', [
      ['app', '9007199254740991n', '64Gi'],
      ['sidecar', '0', '0'],
    ]),
    { ...podItem('a', 'odd-window', [['app', '5m', '3Mi']]), window: 'soon' },
    { ...podItem('a', 'no-ts', [['app', '1n', '1Ki']]), timestamp: null },
    podItem('a', 'empty', []),
    podItem('b', 'lots', [['app', 'lots', '1Ki']]),
    podItem('b', 'neg', [['app', '-1n', '1Ki']]),
    { metadata: { name: 'shapeless', namespace: 'b' } },
    42,
  ],
};

const nodeList = {
  items: [
    {
      metadata: { name: 'n1' },
      timestamp: iso(t0),
      window: '20.5s',
      usage: { cpu: '2', memory: '3Gi' },
    },
    {
      metadata: { name: 'bad' },
      timestamp: 'yesterday',
      window: '15s',
      usage: { cpu: '1', memory: '1' },
    },
  ],
};

const body = (v: unknown) => Buffer.from(JSON.stringify(v));
const parser = new MetricsParser();
afterAll(() => parser.close());

describe('metrics parse worker', () => {
  it('gives exactly what the inline parse gives: same items, same dropped items and reasons', async () => {
    const pods = await parser.pods(body(podList), '/pods');
    const nodes = await parser.nodes(body(nodeList), '/nodes');
    expect(pods).toEqual(parsePodMetricsList(podList));
    expect(nodes).toEqual(parseNodeMetricsList(nodeList));
    expect(pods.items.map((p) => p.name)).toEqual(['p1', 'p2', 'odd-window']);
    expect(pods.items[1]!.containers[0]!.cpuNanocores).toBe(9007199254740991);
    expect(pods.items[2]!.windowMs).toBeNaN();
    expect(pods.dropped.map((d) => d.what)).toEqual([
      'pod a/no-ts',
      'pod a/empty',
      'pod b/lots',
      'pod b/neg',
      'pod b/shapeless',
      'item 8',
    ]);
    expect(nodes.dropped).toEqual([
      {
        what: 'node bad',
        reason: 'invalid timestamp "yesterday"',
        kind: 'node',
        name: 'bad',
        code: 'invalid-timestamp',
        value: '"yesterday"',
      },
    ]);
  });

  it('interns repeated names: one string per namespace and container name', async () => {
    const many = {
      items: [
        podItem('ns', 'x', [['app', '1n', '1Ki']]),
        podItem('ns', 'y', [['app', '2n', '2Ki']]),
      ],
    };
    const pods = await parser.pods(body(many), '/pods');
    expect(pods.items.map((p) => p.containers[0]!.cpuNanocores)).toEqual([1, 2]);
    expect(Object.is(pods.items[0]!.containers[0]!.name, pods.items[1]!.containers[0]!.name)).toBe(
      true,
    );
  });

  it('keeps every pod name exactly, whatever its characters (names cross joined)', async () => {
    const names = ['', 'ñ', '😀-pod', 'a\nb', 'x'.repeat(300), '名前'];
    const list = { items: names.map((n) => podItem('ns', n, [['app', '1n', '1Ki']])) };
    const pods = await parser.pods(body(list), '/pods');
    expect(pods.items.map((p) => p.name)).toEqual(names);
    expect(pods).toEqual(parsePodMetricsList(list));
  });

  it('rebuilds a large list over several turns of the event loop, every pod in order', async () => {
    const items = Array.from({ length: 60_001 }, (_, i) =>
      podItem(`ns-${i % 7}`, `p-${i}`, [['app', `${i}n`, '1Ki']]),
    );
    const pods = await parser.pods(body({ items }), '/pods');
    expect(pods.items).toHaveLength(60_001);
    expect(pods.items[60_000]).toMatchObject({ namespace: 'ns-3', name: 'p-60000' });
    expect(pods.items[60_000]!.containers[0]!.cpuNanocores).toBe(60_000);
    expect(pods.items[25_000]!.name).toBe('p-25000');
  });

  it('joins and decompresses a list that arrived in chunks (slices of one pool among them)', async () => {
    const gz = gzipSync(body(podList));
    // Two slices of one buffer (as a socket hands them out) and one buffer of its own.
    const pool = Buffer.concat([gz.subarray(0, 100), Buffer.alloc(50)]);
    const chunks = [pool.subarray(0, 60), pool.subarray(60, 100), Buffer.from(gz.subarray(100))];
    const pods = await parser.pods({ chunks, bytes: gz.length, gzipped: true }, '/pods');
    expect(pods).toEqual(parsePodMetricsList(podList));
    // The pool's other bytes stay where they were; the buffer of its own has moved.
    expect(pool.byteLength).toBe(150);
    const plain = body(nodeList);
    const half = plain.length >> 1;
    const wire = { chunks: [plain.subarray(0, half), plain.subarray(half)], bytes: plain.length };
    const nodes = await parser.nodes({ ...wire, gzipped: false }, '/nodes');
    expect(nodes).toEqual(parseNodeMetricsList(nodeList));
  });

  it('refuses a body that is not gzip, though said to be, as an upstream parse error', async () => {
    const wire = { chunks: [body(nodeList)], bytes: 10, gzipped: true };
    const e = await parser.nodes(wire, '/nodes').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(UpstreamError);
    expect(e).toMatchObject({
      kind: 'parse',
      path: '/nodes',
      message: 'response is not valid gzip',
    });
  });

  it('refuses a body that is not JSON as an upstream parse error, and a list of the wrong shape', async () => {
    const notJson = await parser.pods(Buffer.from('<html>'), '/pods').catch((e: unknown) => e);
    expect(notJson).toBeInstanceOf(UpstreamError);
    expect(notJson).toMatchObject({ kind: 'parse', path: '/pods' });
    const shape = await parser.nodes(body({ items: {} }), '/nodes').catch((e: unknown) => e);
    expect(shape).toBeInstanceOf(Error);
    expect(shape).not.toBeInstanceOf(UpstreamError);
    expect(() => parseNodeMetricsList({ items: {} })).toThrow((shape as Error).message);
  });

  it('answers requests sent together, each with its own list, after a closed worker restarts', async () => {
    await parser.close();
    const lists = await Promise.all(
      ['p', 'q', 'r'].map((n) =>
        parser.pods(body({ items: [podItem('ns', n, [['c', '1n', '1Ki']])] }), '/pods'),
      ),
    );
    expect(lists.map((l) => l.items[0]!.name)).toEqual(['p', 'q', 'r']);
  });
});

describe('metrics parse worker between polls', () => {
  const one = () => body({ items: [podItem('ns', 'p', [['c', '1n', '1Ki']])] });

  it('exits once idle for its idle time, and the next list starts a new one', async () => {
    const idle = new MetricsParser(150);
    try {
      expect((await idle.pods(one(), '/pods')).items).toHaveLength(1);
      expect(idle.running).toBe(true);
      const deadline = Date.now() + 10_000;
      while (idle.running && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(idle.running, 'still running 10 s after its last list').toBe(false);
      expect((await idle.pods(one(), '/pods')).items[0]!.name).toBe('p');
      expect(idle.started).toBe(2);
    } finally {
      await idle.close();
    }
  });

  it('keeps its worker for lists that come sooner than its idle time', async () => {
    const busy = new MetricsParser(60_000);
    try {
      for (let i = 0; i < 3; i++) await busy.pods(one(), '/pods');
      expect(busy.started).toBe(1);
      expect(busy.running).toBe(true);
    } finally {
      await busy.close();
    }
  });
});
