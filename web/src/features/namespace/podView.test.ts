import { describe, expect, it } from 'vitest';
import type { PodRow } from '@kubeglance/shared/api';
import { flattenRows, podAccessors, podSearchText, toPodView } from './podView';
import { sortRows } from '../../lib/sort';

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
