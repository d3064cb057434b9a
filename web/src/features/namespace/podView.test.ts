import { describe, expect, it } from 'vitest';
import type { PodRow } from '@kubeglance/shared/api';
import { flagCounts, flattenRows, podAccessors, podSearchText, toPodView } from './podView';
import { sortRows } from '../../lib/sort';
import { usageFlags } from '../../lib/thresholds';

function pod(
  name: string,
  cpu: number | null,
  memory: number | null,
  memLimit: number | null,
): PodRow {
  const c = {
    name: 'app',
    kind: 'container' as const,
    cpu: { usageMillicores: cpu, requestMillicores: 100, limitMillicores: null },
    memory: { usageBytes: memory, requestBytes: 100, limitBytes: memLimit },
  };
  return {
    name,
    namespace: 'shop',
    node: 'node-1',
    phase: 'Running',
    restarts: 0,
    qosClass: 'Burstable',
    createdMs: 0,
    metrics: cpu == null ? 'missing' : 'ok',
    cpu: c.cpu,
    memory: c.memory,
    containers: [c, { ...c, name: 'sidecar', kind: 'sidecar' }],
  };
}

describe('toPodView', () => {
  it('computes k9s-style percentages, unknown where a side is missing', () => {
    const v = toPodView(pod('web', 50, 95, 100));
    expect(v.cpu.pctRequest).toBe(50);
    expect(v.cpu.pctLimit).toBeNull();
    expect(v.memory.pctLimit).toBe(95);
    expect(v.flags.map((f) => f.kind)).toEqual(['oom-risk']);
    expect(v.containers).toHaveLength(2);
  });

  it('leaves pods without metrics unknown and unflagged', () => {
    const v = toPodView(pod('new', null, null, 100));
    expect(v.cpu.usage).toBeNull();
    expect(v.memory.pctRequest).toBeNull();
    expect(v.flags).toEqual([]);
  });
});

describe('toPodView in one pass', () => {
  const values = [null, 0, 5, 19, 20, 89, 90, 100, 250];

  it('flags exactly as usageFlags does from the same usage, requests and limits', () => {
    let flagged = 0;
    for (const usage of values)
      for (const request of values)
        for (const limit of values) {
          const p = pod('p', usage, usage, limit);
          p.cpu = { usageMillicores: usage, requestMillicores: request, limitMillicores: limit };
          p.memory = { usageBytes: usage, requestBytes: request, limitBytes: limit };
          const v = toPodView(p);
          expect(v.flags).toEqual(usageFlags(p.cpu, p.memory));
          flagged += v.flags.length;
          expect(v.containers[1]!.flags).toEqual(
            usageFlags(p.containers[1]!.cpu, p.containers[1]!.memory),
          );
        }
    expect(flagged).toBeGreaterThan(0);
  });

  it('builds the container views once, when first read, with their own numbers', () => {
    const v = toPodView(pod('web', 50, 95, 100));
    const first = v.containers;
    expect(v.containers).toBe(first);
    expect(first.map((c) => c.container.name)).toEqual(['app', 'sidecar']);
    expect(first[0]).toMatchObject({
      cpu: { usage: 50, pctRequest: 50 },
      memory: { pctLimit: 95 },
    });
  });
});

describe('sorting and searching pods', () => {
  const views = [pod('a', 10, 10, null), pod('b', null, null, null), pod('c', 90, 99, 100)].map(
    toPodView,
  );

  it('sorts by %CPU/R with unknowns last', () => {
    const sorted = sortRows(views, { key: 'cpuPctRequest', dir: 'asc' }, podAccessors);
    expect(sorted.map((v) => v.pod.name)).toEqual(['a', 'c', 'b']);
  });

  it('puts flagged pods first when sorting by flags', () => {
    const sorted = sortRows(views, { key: 'flags', dir: 'desc' }, podAccessors, (v) => v.pod.name);
    expect(sorted.map((v) => v.pod.name)).toEqual(['c', 'a', 'b']);
  });

  it('counts OOM risks and over-provisioned pods, a pod being both counted in each', () => {
    const both = pod('d', 1, 95, 100); // 1 % of the CPU request, 95 % of the memory limit
    expect(toPodView(both).flags.map((f) => f.kind)).toEqual(['oom-risk', 'over-provisioned']);
    expect(flagCounts([...views, toPodView(both)])).toEqual({ oom: 2, idle: 2 });
    expect(flagCounts([])).toEqual({ oom: 0, idle: 0 });
  });

  it('searches names, node, phase and containers', () => {
    expect(podSearchText(views[0]!)).toEqual(['a', 'node-1', 'Running', 'app', 'sidecar']);
  });
});

describe('flattenRows', () => {
  const views = [pod('a', 1, 1, null), pod('b', 1, 1, null)].map(toPodView);

  it('inserts containers after expanded pods only', () => {
    const rows = flattenRows(views, new Set(['a']));
    expect(rows.map((r) => r.key)).toEqual(['a', 'a/app', 'a/sidecar', 'b']);
    expect(rows[0]).toMatchObject({ kind: 'pod', expanded: true });
    expect(rows[2]).toMatchObject({ kind: 'container', last: true });
    expect(flattenRows(views, new Set())).toHaveLength(2);
  });
});
