import { describe, expect, it } from 'vitest';
import type { HistoryResponse } from '@kubeglance/shared/api';
import { allocationLines } from './allocations';

const base: HistoryResponse = {
  scope: 'cluster',
  range: '7d',
  resolutionSeconds: 900,
  series: [],
  spans: [{ source: 'prometheus', fromMs: 0, toMs: 900_000 }],
};

describe('allocationLines', () => {
  it('draws kube-state-metrics history as lines, limits only where some are set', () => {
    const data: HistoryResponse = {
      ...base,
      requests: [
        {
          metric: 'cpu',
          unit: 'millicores',
          points: [
            [0, 500],
            [900_000, 750],
          ],
        },
        {
          metric: 'memory',
          unit: 'bytes',
          points: [
            [0, 10],
            [900_000, 20],
          ],
        },
      ],
      limits: [
        {
          metric: 'cpu',
          unit: 'millicores',
          points: [
            [0, null],
            [900_000, null],
          ],
        },
        {
          metric: 'memory',
          unit: 'bytes',
          points: [
            [0, 40],
            [900_000, 40],
          ],
        },
      ],
    };
    const cpu = allocationLines(data, 'cpu', 999);
    expect(cpu.references).toEqual([]);
    expect(cpu.series.map((s) => [s.key, s.label, s.line])).toEqual([
      ['requests', 'requests (kube-state-metrics)', true],
    ]);
    expect(cpu.series[0]!.points).toEqual([
      [0, 500],
      [900_000, 750],
    ]);
    expect(allocationLines(data, 'memory', 999).series.map((s) => s.key)).toEqual([
      'requests',
      'limits',
    ]);
  });

  it("falls back to today's requests, named so on a long range", () => {
    expect(allocationLines(base, 'cpu', 750).references[0]).toMatchObject({
      value: 750,
      label: 'requests today',
    });
    const { spans: _spans, ...memoryOnly } = base;
    expect(allocationLines({ ...memoryOnly, range: '1h' }, 'cpu', 750).references[0]?.label).toBe(
      'requests',
    );
  });
});
