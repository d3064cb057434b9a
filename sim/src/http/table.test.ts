import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { acceptedTableVersion, humanDuration, tableRow } from './table.js';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe('humanDuration', () => {
  it.each([
    [-5 * s, '<invalid>'],
    [-1 * s, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 20 * s, '3m20s'],
    [42 * m, '42m'],
    [5 * h + 12 * m, '5h12m'],
    [6 * h, '6h'],
    [30 * h, '30h'],
    [3 * d + 4 * h, '3d4h'],
    [12 * d, '12d'],
    [800 * d, '2y70d'],
    [10 * 365 * d, '10y'],
  ])('%d ms -> %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });
});

describe('tables', () => {
  const req = (accept: string): IncomingMessage => ({ headers: { accept } }) as IncomingMessage;

  it('recognises the Accept header kubectl get sends', () => {
    const kubectl =
      'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
    expect(acceptedTableVersion(req(kubectl))).toBe('meta.k8s.io/v1');
    expect(acceptedTableVersion(req('application/json'))).toBeUndefined();
  });

  it('renders pod cells like kubectl', () => {
    const created = new Date(Date.now() - 5 * m).toISOString();
    const row = tableRow('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'p',
        namespace: 'ns',
        uid: 'u',
        resourceVersion: '1',
        creationTimestamp: created,
      },
      spec: { nodeName: 'n1', containers: [{ name: 'a' }, { name: 'b' }] },
      status: {
        phase: 'Running',
        podIP: '10.0.0.1',
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 0, state: { running: {} } },
          {
            name: 'b',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
        ],
      },
    });
    expect(row.cells).toEqual([
      'p',
      '1/2',
      'CrashLoopBackOff',
      '3',
      '5m',
      '10.0.0.1',
      'n1',
      '<none>',
      '<none>',
    ]);
  });
});
