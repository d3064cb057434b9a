/**
 * Requests and limits from pod specs to every total that shows them: pod, namespace, node and
 * cluster. The containers of one pod set DIFFERENT values (100m + 250m, ...), so summing only
 * some containers, or keeping the first or last one, gives a different number at every level.
 */
import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '@kubeglance/shared/api';
import { parsePod } from '../kube/parseInventory.js';
import { namespaceRows } from './namespaceRows.js';
import { nodeRows } from './nodeRows.js';
import { podRows } from './podRows.js';
import { summary } from './summary.js';
import { GI, inventory, MI, node } from './testFixtures.js';

type Resources = { requests?: Record<string, string>; limits?: Record<string, string> };

function rawPod(namespace: string, name: string, nodeName: string, containers: Resources[]) {
  return {
    metadata: {
      name,
      namespace,
      uid: `${namespace}/${name}`,
      creationTimestamp: '2026-11-21T00:00:00Z',
    },
    spec: {
      nodeName,
      containers: containers.map((resources, i) => ({ name: `c${i}`, resources })),
    },
    status: { phase: 'Running' },
  };
}

const inv = inventory(
  [node('n1'), node('n2')],
  [
    rawPod('shop', 'web', 'n1', [
      { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
      { requests: { cpu: '250m', memory: '32Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
    ]),
    rawPod('shop', 'db', 'n1', [
      { requests: { cpu: '50m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } },
    ]),
    rawPod('tools', 'x', 'n2', [{ requests: { cpu: '10m', memory: '8Mi' } }, {}]),
  ].map(parsePod),
);

const status: ClusterStatus = {
  state: 'ok',
  inventorySynced: true,
  metrics: 'ok',
  lastSampleMs: 0,
  newestSampleSeenMs: null,
  serverNowMs: 0,
  dataAgeMs: null,
  resolutionSeconds: 15,
  problems: [],
};

describe('requests and limits of multi-container pods', () => {
  it('pod: the sum over its containers', () => {
    const web = podRows(inv, null, 'shop', 0).find((p) => p.name === 'web')!;
    expect(web.cpu).toMatchObject({ requestMillicores: 350, limitMillicores: 750 });
    expect(web.memory).toMatchObject({ requestBytes: 96 * MI, limitBytes: 384 * MI });
    expect(web.containers.map((c) => [c.cpu.requestMillicores, c.cpu.limitMillicores])).toEqual([
      [100, 250],
      [250, 500],
    ]);
  });

  it('namespace: the sum over its pods', () => {
    const shop = namespaceRows(inv, null).find((n) => n.name === 'shop')!;
    expect(shop.cpu).toMatchObject({ requestMillicores: 400, limitMillicores: 1750 });
    expect(shop.memory).toMatchObject({
      requestBytes: 96 * MI + GI,
      limitBytes: 384 * MI + 2 * GI,
    });
    const tools = namespaceRows(inv, null).find((n) => n.name === 'tools')!;
    // One container sets requests only: the limit is unknown (unbounded), not 0.
    expect(tools.cpu).toMatchObject({ requestMillicores: 10, limitMillicores: null });
  });

  it('node: the sum over the pods bound to it', () => {
    const rows = new Map(nodeRows(inv, null).map((n) => [n.name, n]));
    expect(rows.get('n1')).toMatchObject({
      pods: 2,
      cpu: { requestMillicores: 400 },
      memory: { requestBytes: 96 * MI + GI },
    });
    expect(rows.get('n2')).toMatchObject({
      pods: 1,
      cpu: { requestMillicores: 10 },
      memory: { requestBytes: 8 * MI },
    });
  });

  it('cluster: the sum over every scheduled pod', () => {
    const s = summary(inv, null, { cluster: 'c', simulated: false, status, stale: false });
    expect(s.cpu).toMatchObject({ requestMillicores: 410, limitMillicores: 1750 });
    expect(s.memory).toMatchObject({
      requestBytes: 104 * MI + GI,
      limitBytes: 384 * MI + 2 * GI,
    });
  });
});
