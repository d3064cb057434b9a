import { describe, expect, it } from 'vitest';
import { cpuMillicoresKubectl, cpuPercentKubectl, memoryPercentKubectl } from './format.js';
import {
  decodeNodeColumns,
  encodeNodeColumns,
  nodeOrderOf,
  sameNodeOrder,
  type NodeOrderColumns,
  type NodeUsageTuple,
} from './nodeColumns.js';

const T = 1_795_829_487_000;
const order: NodeOrderColumns = {
  names: ['node-a', 'node-b', 'node-c'],
  allocatableMillicores: [15_890, 4000, 940],
  allocatableBytes: [64_000_000_000, 16_000_000_000, 1_000_000_000],
};
const usage: NodeUsageTuple[] = [
  ['node-a', 407, 3_811_491_840, 2, 5, T - 7000],
  ['node-b', null, null, null, null, null],
  // Not a whole KiB: still exact (1024 is a power of two).
  ['node-c', 12, 1_000_000_123, 1, 100, T],
];

describe('node columns', () => {
  it('round-trips every value exactly, with the order sent or held', () => {
    const withOrder = encodeNodeColumns(usage, T, 4, order);
    expect(withOrder.order).toEqual(order);
    expect(withOrder.memoryKiB[0]).toBe(3_722_160);
    expect(withOrder.metricsOffsets).toEqual([-7, null, 0]);
    expect(withOrder.metricsOffsetUnitMs).toBe(1000);
    expect(withOrder).not.toHaveProperty('cpuPercent');
    const sent = JSON.parse(JSON.stringify(withOrder)) as typeof withOrder;
    expect(decodeNodeColumns(sent, sent.order!, T)).toEqual(usage);
    const without = encodeNodeColumns(usage, T, 4, null);
    expect(without.order).toBeNull();
    expect(decodeNodeColumns(without, order, T)).toEqual(usage);
  });

  it('keeps offsets in milliseconds when one is not a whole second', () => {
    const odd: NodeUsageTuple[] = [usage[0]!, usage[1]!, ['node-c', 12, 1024, 0, 0, T + 250]];
    const cols = encodeNodeColumns(odd, T, 1, null);
    expect(cols.metricsOffsetUnitMs).toBe(1);
    expect(cols.metricsOffsets).toEqual([-7000, null, 250]);
    expect(decodeNodeColumns(cols, order, T)!.map((u) => u[5])).toEqual([T - 7000, null, T + 250]);
  });

  it('refuses an order that does not fit the columns', () => {
    const cols = encodeNodeColumns(usage, T, 1, null);
    const short = { ...order, names: ['node-a', 'node-b'] };
    expect(decodeNodeColumns(cols, short, T)).toBeUndefined();
    const shortAlloc = { ...order, allocatableBytes: [1, 2] };
    expect(decodeNodeColumns(cols, shortAlloc, T)).toBeUndefined();
  });

  it('orders differ when a name or an allocatable does', () => {
    const rows = order.names.map((name, i) => ({
      name,
      cpu: { allocatableMillicores: order.allocatableMillicores[i]! },
      memory: { allocatableBytes: order.allocatableBytes[i]! },
    }));
    expect(sameNodeOrder(nodeOrderOf(rows), order)).toBe(true);
    const bytes = [...order.allocatableBytes];
    bytes[2]! += 1;
    expect(sameNodeOrder({ ...order, allocatableBytes: bytes }, order)).toBe(false);
    expect(sameNodeOrder({ ...order, allocatableMillicores: [1, 2, 3] }, order)).toBe(false);
    expect(sameNodeOrder({ ...order, names: ['node-a', 'node-c', 'node-b'] }, order)).toBe(false);
  });

  // The client computes the percentages the server no longer sends: they must be exactly the
  // server's (kubectl's), computed from nanocores and bytes, for any usage and allocatable.
  it('computes the same percentages as the server rows, for random and edge values', () => {
    let seed = 12345;
    const rand = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * max);
    };
    const edges: [number, number, number, number][] = [
      [0, 0, 0, 0],
      [1, 1, 1, 1],
      [999_999, 1_000_001, 1023, 1025],
      [2_000_000_000, 1_000_000_000, 2 ** 40, 2 ** 39],
      [15_889_999_999, 15_890_000_000, 2 ** 43 + 1, 2 ** 43 + 3],
    ];
    const cases = [...edges];
    for (let i = 0; i < 5000; i++) {
      const allocNano = rand(2 ** 31) * rand(64);
      const allocBytes = rand(2 ** 31) * rand(2 ** 14);
      cases.push([rand(allocNano * 1.2 + 2), allocNano, rand(allocBytes * 1.2 + 2), allocBytes]);
    }
    for (const [usageNano, allocNano, usageBytes, allocBytes] of cases) {
      const tuple: NodeUsageTuple = [
        'n',
        cpuMillicoresKubectl(usageNano),
        usageBytes,
        cpuPercentKubectl(usageNano, allocNano),
        memoryPercentKubectl(usageBytes, allocBytes),
        T,
      ];
      const o = { names: ['n'], allocatableMillicores: [cpuMillicoresKubectl(allocNano)] };
      const cols = encodeNodeColumns([tuple], T, 1, null);
      const wire = JSON.parse(JSON.stringify(cols)) as typeof cols;
      expect(decodeNodeColumns(wire, { ...o, allocatableBytes: [allocBytes] }, T)).toEqual([tuple]);
    }
  });
});
