import { describe, expect, it } from 'vitest';
import { podResources, podRows } from './podRows.js';
import { container, inventory, MI, node, pod, podUsage, sample } from './testFixtures.js';

const NOW = 1_000_000_000;

describe('podRows', () => {
  const inv = inventory(
    [node('n1')],
    [
      pod('ns', 'web', {
        containers: [
          container('app', { cpuRequestNanocores: 100e6, memoryLimitBytes: 64 * MI }),
          container('sidecar'),
        ],
      }),
      pod('ns', 'young', { createdMs: NOW - 119_999 }),
      pod('ns', 'old', { createdMs: NOW - 120_000 }),
      pod('other', 'x'),
    ],
  );
  const s = sample(
    NOW,
    [['n1', 1e9, MI]],
    [
      podUsage('ns', 'web', [
        ['app', 1_000_001, 801_480 * 1024],
        ['sidecar', 1_000_001, 1024],
      ]),
    ],
  );

  it('lists every pod of the namespace, sorted, including those without metrics', () => {
    expect(podRows(inv, s, 'ns', NOW).map((p) => p.name)).toEqual(['old', 'web', 'young']);
    expect(podRows(inv, s, 'nope', NOW)).toEqual([]);
  });

  it('rounds pod CPU once over the containers, like kubectl top pod', () => {
    const web = podRows(inv, s, 'ns', NOW).find((p) => p.name === 'web')!;
    expect(web.metrics).toBe('ok');
    expect(web.cpu.usageMillicores).toBe(3);
    expect(web.memory.usageBytes).toBe(820_715_520 + 1024);
    expect(web.containers.map((c) => [c.name, c.cpu.usageMillicores, c.memory.usageBytes])).toEqual(
      [
        ['app', 2, 820_715_520],
        ['sidecar', 2, 1024],
      ],
    );
  });

  it('tells warming-up from missing by kubectl’s 2-minute grace', () => {
    const rows = podRows(inv, s, 'ns', NOW);
    const state = (name: string) => rows.find((p) => p.name === name)!.metrics;
    expect(state('young')).toBe('warming-up');
    expect(state('old')).toBe('missing');
    const young = rows.find((p) => p.name === 'young')!;
    expect(young.cpu.usageMillicores).toBeNull();
    expect(young.memory.usageBytes).toBeNull();
    expect(young.containers[0]!.cpu.usageMillicores).toBeNull();
  });

  it('keeps a container missing from the sample as a null row', () => {
    const partial = sample(NOW, [], [podUsage('ns', 'web', [['app', 5e6, MI]])]);
    const web = podRows(inv, partial, 'ns', NOW).find((p) => p.name === 'web')!;
    expect(web.containers.map((c) => c.cpu.usageMillicores)).toEqual([5, null]);
    expect(web.containers[1]!.memory.usageBytes).toBeNull();
  });

  it('sums requests where set; the pod limit is null unless every container has one', () => {
    const web = podRows(inv, s, 'ns', NOW).find((p) => p.name === 'web')!;
    expect(web.cpu).toMatchObject({ requestMillicores: 100, limitMillicores: null });
    // `sidecar` sets no memory limit, so the pod as a whole is not limited (the kubelet's
    // rule, and k9s's for %MEM/L); the container row keeps its own limit.
    expect(web.memory).toMatchObject({ requestBytes: null, limitBytes: null });
    expect(web.containers[1]!.cpu).toMatchObject({
      requestMillicores: null,
      limitMillicores: null,
    });
    expect(web.containers[0]!.memory.limitBytes).toBe(64 * MI);
  });
});

describe('podResources', () => {
  it('rounds the exact CPU sum once; a zero limit is no limit, as for the kubelet', () => {
    const r = podResources(
      pod('ns', 'p', {
        containers: [
          container('a', { cpuRequestNanocores: 1e5, cpuLimitNanocores: 0, memoryLimitBytes: MI }),
          container('b', {
            cpuRequestNanocores: 1e5,
            cpuLimitNanocores: 1e6,
            memoryLimitBytes: MI,
          }),
        ],
      }),
    );
    expect(r).toEqual({
      cpuRequestMillicores: 1,
      cpuLimitMillicores: null,
      memoryRequestBytes: null,
      memoryLimitBytes: 2 * MI,
    });
  });

  it('counts sidecars and overhead in requests; container rows say which is a sidecar', () => {
    const mesh = pod('ns', 'mesh', {
      containers: [
        container('c', { cpuRequestNanocores: 100e6, memoryLimitBytes: 128 * MI }),
        container('side', {
          kind: 'sidecar',
          cpuRequestNanocores: 500e6,
          memoryLimitBytes: 256 * MI,
        }),
        container('setup', { kind: 'init', cpuRequestNanocores: 2e9, memoryLimitBytes: MI }),
      ],
      overhead: { cpuNanocores: 10e6, memoryBytes: null },
    });
    const withUsage = sample(
      NOW,
      [],
      [
        podUsage('ns', 'mesh', [
          ['c', 50e6, 64 * MI],
          ['side', 400e6, 200 * MI],
        ]),
      ],
    );
    const row = podRows(inventory([node('n1')], [mesh]), withUsage, 'ns', NOW)[0]!;
    // max(100m + 500m, 2000m for `setup` + the 500m sidecar declared before it) + 10m overhead.
    expect(row.cpu).toEqual({
      usageMillicores: 450,
      requestMillicores: 2510,
      limitMillicores: null,
    });
    expect(row.memory).toEqual({
      usageBytes: 264 * MI,
      requestBytes: null,
      limitBytes: 384 * MI,
    });
    // The finished init container has no usage, so no row.
    expect(row.containers.map((c) => [c.name, c.kind, c.cpu.usageMillicores])).toEqual([
      ['c', 'container', 50],
      ['side', 'sidecar', 400],
    ]);
  });
});
