import { describe, expect, it } from 'vitest';
import { parseNamespace, parseNode, parsePod } from './parseInventory.js';

const node = {
  metadata: {
    name: 'w1',
    creationTimestamp: '2026-11-20T00:00:00Z',
    labels: {
      'node-role.kubernetes.io/worker': '',
      'node-role.kubernetes.io/control-plane': '',
      other: 'x',
    },
  },
  status: {
    capacity: { cpu: '4', memory: '16Gi', pods: '110' },
    allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
    conditions: [
      { type: 'MemoryPressure', status: 'False' },
      { type: 'Ready', status: 'True' },
    ],
  },
};

describe('parseNode', () => {
  it('reads roles, readiness, capacity and allocatable exactly', () => {
    expect(parseNode(node)).toEqual({
      name: 'w1',
      ready: true,
      roles: ['control-plane', 'worker'],
      unschedulable: false,
      allocatable: { cpuNanocores: 3_800_000_000, memoryBytes: 15 * 2 ** 30 },
      capacity: { cpuNanocores: 4_000_000_000, memoryBytes: 16 * 2 ** 30 },
      createdMs: Date.parse('2026-11-20T00:00:00Z'),
      labels: node.metadata.labels,
      group: 'control-plane',
      conditions: [
        {
          type: 'MemoryPressure',
          status: 'False',
          reason: null,
          message: null,
          lastTransitionMs: null,
        },
        { type: 'Ready', status: 'True', reason: null, message: null, lastTransitionMs: null },
      ],
    });
  });

  it('groups by node pool, then instance type, zone, role', () => {
    const labelled = (labels: Record<string, string>) =>
      parseNode({ ...node, metadata: { ...node.metadata, labels } }).group;
    expect(
      labelled({ 'cloud.google.com/gke-nodepool': 'pool-a', 'topology.kubernetes.io/zone': 'z' }),
    ).toBe('pool-a');
    expect(labelled({ 'node.kubernetes.io/instance-type': 'm5.xlarge' })).toBe('m5.xlarge');
    expect(labelled({ 'topology.kubernetes.io/zone': 'eu-1a' })).toBe('eu-1a');
    expect(labelled({ 'node-role.kubernetes.io/worker': '' })).toBe('worker');
    expect(labelled({})).toBeNull();
  });

  it('is not ready without a True Ready condition', () => {
    expect(parseNode({ ...node, status: { ...node.status, conditions: [] } }).ready).toBe(false);
  });
});

describe('parsePod', () => {
  const pod = (resources: object[], extra: object = {}) => ({
    metadata: { name: 'p', namespace: 'ns', uid: 'u', creationTimestamp: '2026-11-21T00:00:00Z' },
    spec: {
      nodeName: 'w1',
      containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })),
    },
    status: {
      phase: 'Running',
      containerStatuses: [{ restartCount: 2 }, { restartCount: 1 }],
      ...extra,
    },
  });

  it('keeps unset requests and limits as null, never 0', () => {
    const p = parsePod(pod([{ requests: { cpu: '100m' } }, {}]));
    expect(p.containers).toEqual([
      {
        name: 'c0',
        kind: 'container',
        cpuRequestNanocores: 100_000_000,
        cpuLimitNanocores: null,
        memoryRequestBytes: null,
        memoryLimitBytes: null,
      },
      {
        name: 'c1',
        kind: 'container',
        cpuRequestNanocores: null,
        cpuLimitNanocores: null,
        memoryRequestBytes: null,
        memoryLimitBytes: null,
      },
    ]);
    expect(p.restarts).toBe(3);
    expect(p.qosClass).toBe('Burstable');
  });

  it('knows whether a container or native sidecar runs, and when it cannot tell', () => {
    const waiting = { state: { waiting: { reason: 'CrashLoopBackOff' } } };
    const running = { state: { running: { startedAt: '2026-11-21T00:00:01Z' } } };
    expect(parsePod(pod([{}], { containerStatuses: [waiting] })).running).toBe(false);
    expect(parsePod(pod([{}], { containerStatuses: [waiting, running] })).running).toBe(true);
    const sidecar = { containerStatuses: [waiting], initContainerStatuses: [running] };
    expect(parsePod(pod([{}], sidecar)).running).toBe(true);
    expect(parsePod(pod([{}], { containerStatuses: undefined })).running).toBeNull();
  });

  it('derives the QoS class when status has none', () => {
    const g = { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } };
    expect(parsePod(pod([g])).qosClass).toBe('Guaranteed');
    expect(parsePod(pod([{}])).qosClass).toBe('BestEffort');
    expect(parsePod(pod([{}], { qosClass: 'Guaranteed' })).qosClass).toBe('Guaranteed');
  });

  it('defaults a missing request to the limit, as the apiserver does', () => {
    const p = parsePod(pod([{ limits: { cpu: '500m', memory: '256Mi' } }]));
    expect(p.containers[0]).toMatchObject({
      cpuRequestNanocores: 500_000_000,
      memoryRequestBytes: 256 * 2 ** 20,
    });
  });

  it('unscheduled pods have no node', () => {
    const raw = pod([{}]);
    delete (raw.spec as { nodeName?: string }).nodeName;
    expect(parsePod(raw).node).toBeNull();
  });

  it('throws on a bad quantity rather than storing NaN', () => {
    expect(() => parsePod(pod([{ requests: { cpu: 'much' } }]))).toThrow();
  });

  it('replicas share one container list and resources; any differing value does not', () => {
    const spec = [{ requests: { cpu: '100m' }, limits: { memory: '64Mi' } }];
    const a = parsePod(pod(spec));
    const b = parsePod({ ...pod(spec), metadata: { name: 'q', namespace: 'ns' } });
    expect(b.containers).toBe(a.containers);
    expect(b.resources).toBe(a.resources);
    expect(b.namespace).toBe(a.namespace);
    const zero = parsePod(pod([{ requests: { cpu: '0' }, limits: { memory: '64Mi' } }]));
    const unset = parsePod(pod([{ limits: { memory: '64Mi' } }]));
    const overhead = parsePod({
      ...pod(spec),
      spec: { ...pod(spec).spec, overhead: { cpu: '1m' } },
    });
    for (const other of [zero, unset, overhead]) expect(other.resources).not.toBe(a.resources);
    expect(zero.containers[0]!.cpuRequestNanocores).toBe(0);
    expect(unset.containers[0]!.cpuRequestNanocores).toBeNull();
    expect(overhead.resources.requests.cpuNanocores).toBe(101_000_000);
    expect(overhead.containers).not.toBe(a.containers);
  });
});

describe('parsePod: sidecars, init containers, overhead', () => {
  const raw = {
    metadata: { name: 'mesh', namespace: 'shop', uid: 'u' },
    spec: {
      nodeName: 'n1',
      overhead: { cpu: '250m', memory: '120Mi' },
      containers: [
        { name: 'c', resources: { requests: { cpu: '100m' }, limits: { memory: '128Mi' } } },
      ],
      initContainers: [
        { name: 'setup', resources: { requests: { cpu: '1' } } },
        {
          name: 'side',
          restartPolicy: 'Always',
          resources: { requests: { cpu: '500m' }, limits: { memory: '256Mi' } },
        },
      ],
      ephemeralContainers: [{ name: 'debugger' }],
    },
    status: { phase: 'Running' },
  };

  it('keeps every container with its kind, regular ones first', () => {
    const p = parsePod(raw);
    expect(p.containers.map((c) => [c.name, c.kind])).toEqual([
      ['c', 'container'],
      ['setup', 'init'],
      ['side', 'sidecar'],
      ['debugger', 'ephemeral'],
    ]);
  });

  it('computes effective requests and limits once, at parse time', () => {
    const p = parsePod(raw);
    // max(100m + 500m, 1000m + 0 sidecars before it) + 250m overhead.
    expect(p.resources.requests.cpuNanocores).toBe(1_250_000_000);
    // Limits without requests default the requests (as the apiserver does).
    expect(p.resources.requests.memoryBytes).toBe((128 + 256 + 120) * 1024 * 1024);
    expect(p.resources.limits.memoryBytes).toBe((128 + 256 + 120) * 1024 * 1024);
    // `setup` sets no memory limit: the kubelet leaves the pod cgroup unbounded.
    expect(p.resources.enforcedLimits.memoryBytes).toBeNull();
  });
});

describe('parseNamespace', () => {
  it('reads name and phase', () => {
    expect(
      parseNamespace({ metadata: { name: 'kube-system' }, status: { phase: 'Active' } }),
    ).toMatchObject({
      name: 'kube-system',
      phase: 'Active',
    });
  });
});
