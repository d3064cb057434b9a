import { describe, expect, it } from 'vitest';
import { parseNodeMetricsList, parsePodMetricsList } from './parseMetrics.js';

const nodeList = {
  kind: 'NodeMetricsList',
  apiVersion: 'metrics.k8s.io/v1beta1',
  metadata: {},
  items: [
    {
      metadata: { name: 'n1', creationTimestamp: '2026-11-21T10:00:20Z' },
      timestamp: '2026-11-21T10:00:15Z',
      window: '15s',
      usage: { cpu: '273214048n', memory: '801480Ki' },
    },
  ],
};

const podList = {
  kind: 'PodMetricsList',
  apiVersion: 'metrics.k8s.io/v1beta1',
  metadata: {},
  items: [
    {
      metadata: { name: 'p1', namespace: 'ns', creationTimestamp: '2026-11-21T10:00:20Z' },
      timestamp: '2026-11-21T10:00:16Z',
      window: '15s',
      containers: [
        { name: 'a', usage: { cpu: '1000001n', memory: '1Ki' } },
        { name: 'b', usage: { cpu: '1000001n', memory: '2Ki' } },
      ],
    },
  ],
};

describe('metrics lists', () => {
  it('parses quantities exactly, each item with its own timestamp', () => {
    const nodes = parseNodeMetricsList(nodeList);
    const pods = parsePodMetricsList(podList);
    expect(nodes.items[0]).toMatchObject({
      name: 'n1',
      cpuNanocores: 273214048,
      memoryBytes: 801480 * 1024,
      windowMs: 15_000,
      timestampMs: Date.parse('2026-11-21T10:00:15Z'),
    });
    expect(pods.items[0]?.containers.map((c) => c.cpuNanocores)).toEqual([1000001, 1000001]);
    expect(pods.items[0]?.timestampMs).toBe(Date.parse('2026-11-21T10:00:16Z'));
    expect(nodes.dropped).toEqual([]);
  });

  it('reads null items (empty lists from metrics-server) as no items', () => {
    expect(parseNodeMetricsList({ items: null })).toEqual({ items: [], dropped: [] });
  });

  it('fails only when the response as a whole is unusable', () => {
    expect(() => parseNodeMetricsList('service unavailable')).toThrow();
    expect(() => parsePodMetricsList({ items: {} })).toThrow();
  });

  it.each([
    ['canonical CPU and memory forms', '0', '0', 0, 0],
    ['micro-cores and plain bytes', '1500u', '123456789', 1_500_000, 123456789],
    ['whole cores and GiB', '2', '3Gi', 2e9, 3 * 1024 ** 3],
    ['millicores and MiB', '250m', '512Mi', 250e6, 512 * 1024 ** 2],
  ])('parses %s exactly', (_, cpu, memory, nanocores, bytes) => {
    const list = structuredClone(nodeList);
    list.items[0]!.usage = { cpu, memory };
    expect(parseNodeMetricsList(list).items[0]).toMatchObject({
      cpuNanocores: nanocores,
      memoryBytes: bytes,
    });
  });

  it('drops and names malformed items, keeping the rest', () => {
    const good = podList.items[0]!;
    const list = {
      items: [
        good,
        { ...good, metadata: { name: 'no-ts', namespace: 'ns' }, timestamp: null },
        { ...good, metadata: { name: 'empty', namespace: 'ns' }, containers: [] },
        {
          ...good,
          metadata: { name: 'huge', namespace: 'ns' },
          containers: [{ name: 'a', usage: { cpu: '18446744073709551616', memory: '1Ki' } }],
        },
        {
          ...good,
          metadata: { name: 'lots', namespace: 'ns' },
          containers: [{ name: 'a', usage: { cpu: 'lots', memory: '1Ki' } }],
        },
        { metadata: { name: 'shapeless', namespace: 'ns' } },
        42,
      ],
    };
    const parsed = parsePodMetricsList(list);
    expect(parsed.items.map((p) => p.name)).toEqual(['p1']);
    expect(parsed.dropped.map((d) => d.what)).toEqual([
      'pod ns/no-ts',
      'pod ns/empty',
      'pod ns/huge',
      'pod ns/lots',
      'pod ns/shapeless',
      'item 6',
    ]);
    expect(parsed.dropped[0]!.reason).toBe('null timestamp');
    expect(parsed.dropped[1]!.reason).toBe('no containers');
    expect(parsed.dropped[2]!.reason).toMatch(/quantity-out-of-range/);
    expect(parsed.dropped[3]!.reason).toMatch(/invalid-quantity/);
    // The same as codes with the item's parts and the value, for other languages.
    expect(
      parsed.dropped.map(({ kind, name, code, value }) => ({ kind, name, code, value })),
    ).toEqual([
      { kind: 'pod', name: 'ns/no-ts', code: 'null-timestamp', value: undefined },
      { kind: 'pod', name: 'ns/empty', code: 'no-containers', value: undefined },
      {
        kind: 'pod',
        name: 'ns/huge',
        code: 'quantity-out-of-range',
        value: expect.stringMatching(/^"/),
      },
      { kind: 'pod', name: 'ns/lots', code: 'invalid-quantity', value: '"lots"' },
      { kind: 'pod', name: 'ns/shapeless', code: 'invalid-field', value: 'timestamp' },
      { kind: 'item', name: '6', code: 'invalid-field', value: 'item' },
    ]);
  });

  it('drops a node with a negative or overflowing quantity', () => {
    const list = structuredClone(nodeList);
    list.items.push({
      ...list.items[0]!,
      metadata: { name: 'neg', creationTimestamp: '' },
      usage: { cpu: '-5n', memory: '1Ki' },
    });
    list.items.push({
      ...list.items[0]!,
      metadata: { name: 'big', creationTimestamp: '' },
      usage: { cpu: '1n', memory: '9999999999999999999Ki' },
    });
    const parsed = parseNodeMetricsList(list);
    expect(parsed.items.map((n) => n.name)).toEqual(['n1']);
    expect(parsed.dropped.map((d) => d.what)).toEqual(['node neg', 'node big']);
  });

  it('reads Go duration windows and leaves a malformed one unknown (NaN), not 0', () => {
    const odd = structuredClone(nodeList);
    odd.items[0]!.window = '1m0.5s';
    expect(parseNodeMetricsList(odd).items[0]?.windowMs).toBe(60_500);
    odd.items[0]!.window = '15';
    expect(parseNodeMetricsList(odd).items[0]?.windowMs).toBeNaN();
  });
});
