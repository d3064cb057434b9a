import { describe, expect, it } from 'vitest';
import { parseNodeMetricsList, parsePodMetricsList, toSample } from './parseMetrics.js';

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
  it('parses quantities exactly and picks the newest timestamp', () => {
    const nodes = parseNodeMetricsList(nodeList);
    const pods = parsePodMetricsList(podList);
    expect(nodes[0]).toMatchObject({
      name: 'n1',
      cpuNanocores: 273214048,
      memoryBytes: 801480 * 1024,
      windowMs: 15_000,
    });
    expect(pods[0]?.containers.map((c) => c.cpuNanocores)).toEqual([1000001, 1000001]);
    expect(toSample(nodes, pods)?.timestampMs).toBe(Date.parse('2026-11-21T10:00:16Z'));
  });

  it('treats null items (empty lists from metrics-server) as no sample', () => {
    expect(
      toSample(parseNodeMetricsList({ items: null }), parsePodMetricsList({ items: [] })),
    ).toBeNull();
  });

  it('rejects malformed lists instead of inventing values', () => {
    expect(() => parseNodeMetricsList({ items: [{ metadata: { name: 'x' } }] })).toThrow();
    const bad = structuredClone(nodeList);
    bad.items[0]!.usage.cpu = 'lots';
    expect(() => parseNodeMetricsList(bad)).toThrow();
  });

  it('reads Go duration windows and leaves a malformed one unknown (NaN), not 0', () => {
    const odd = structuredClone(nodeList);
    odd.items[0]!.window = '1m0.5s';
    expect(parseNodeMetricsList(odd)[0]?.windowMs).toBe(60_500);
    odd.items[0]!.window = '15';
    expect(parseNodeMetricsList(odd)[0]?.windowMs).toBeNaN();
  });
});
