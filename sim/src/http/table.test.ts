import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { acceptedTableVersion, tableRow } from './table.js';

const s = 1000;
const m = 60 * s;

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

  const pod = (initStatuses: Record<string, unknown>[], phase = 'Running') =>
    (
      tableRow('pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
        spec: {
          initContainers: [{ name: 'init' }, { name: 'proxy', restartPolicy: 'Always' }],
          containers: [{ name: 'a' }],
        },
        status: {
          phase,
          initContainerStatuses: initStatuses,
          containerStatuses: [
            { name: 'a', ready: phase === 'Running', restartCount: 0, state: { running: {} } },
          ],
        },
      }).cells as unknown[]
    ).slice(1, 3);

  it('counts native sidecars in READY and shows init progress like kubectl', () => {
    const done = { name: 'init', ready: true, state: { terminated: { exitCode: 0 } } };
    const proxy = { name: 'proxy', ready: true, started: true, state: { running: {} } };
    expect(pod([done, proxy])).toEqual(['2/2', 'Running']);
    const waiting = { state: { waiting: { reason: 'PodInitializing' } } };
    expect(
      pod(
        [
          { name: 'init', ...waiting },
          { name: 'proxy', ...waiting },
        ],
        'Pending',
      ),
    ).toEqual(['0/2', 'Init:0/2']);
    const pulling = { name: 'proxy', state: { waiting: { reason: 'ErrImagePull' } } };
    expect(pod([done, pulling], 'Pending')).toEqual(['0/2', 'Init:ErrImagePull']);
  });
});
