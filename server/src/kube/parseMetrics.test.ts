import { describe, expect, it } from 'vitest';
import {
  parseGoDurationMs,
  parseNodeMetricsList,
  parsePodMetricsList,
  toSample,
} from './parseMetrics.js';

describe('parseGoDurationMs', () => {
  it.each([
    ['15s', 15_000],
    ['1m0s', 60_000],
    ['10.228s', 10_228],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
  ])('%s → %d ms', (s, ms) => {
    expect(parseGoDurationMs(s)).toBeCloseTo(ms, 6);
  });

  it.each(['', '15', 's', '15x', '1m junk'])('rejects %j', (s) => {
    expect(parseGoDurationMs(s)).toBeNaN();
  });
});

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
});
