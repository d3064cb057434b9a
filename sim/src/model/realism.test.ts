import { describe, expect, it } from 'vitest';
import { podRequests, qosClassOf } from './resources.js';
import { testCluster } from './testing.js';
import type { KubeObject } from './types.js';
import type { ContainerPlan } from './workloads.js';

type Json = Record<string, unknown>;
type Container = { name: string; restartPolicy?: string };
const spec = (p: KubeObject) => (p.spec ?? {}) as Json;
const init = (p: KubeObject) => (spec(p).initContainers ?? []) as Container[];
const statuses = (p: KubeObject, field: string) => ((p.status ?? {}) as Json)[field] as Json[];
const running = (p: KubeObject) => (p.status as Json).phase === 'Running';

describe('realistic workloads (the default)', () => {
  const { cluster } = testCluster();
  const pods = cluster.store.list('pods');
  const podMetrics = cluster.metrics.sampleAt(Math.floor(cluster.generatedAtMs / 15_000)).pods;
  const metricsOf = (p: KubeObject) =>
    podMetrics.find(
      (m) => m.metadata.namespace === p.metadata.namespace && m.metadata.name === p.metadata.name,
    );

  it('runs native sidecars, classic init containers and a RuntimeClass on a share of pods', () => {
    const sidecar = pods.filter((p) => init(p).some((c) => c.restartPolicy === 'Always'));
    const classic = pods.filter((p) => init(p).some((c) => c.restartPolicy === undefined));
    const kata = pods.filter((p) => spec(p).runtimeClassName === 'kata-qemu');
    expect(sidecar.length).toBeGreaterThan(pods.length * 0.05);
    expect(classic.length).toBeGreaterThan(pods.length * 0.02);
    expect(kata.length).toBeGreaterThan(0);
    for (const p of kata) expect(spec(p).overhead).toEqual({ cpu: '250m', memory: '160Mi' });
    // Native sidecars never sit in spec.containers as well.
    for (const p of sidecar) {
      const names = (spec(p).containers as Container[]).map((c) => c.name);
      for (const c of init(p)) expect(names).not.toContain(c.name);
    }
  });

  it('marks static pods on control-plane nodes as mirror pods owned by their Node', () => {
    const mirrors = pods.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'Node');
    expect(mirrors.map((p) => p.metadata.name)).toContain('etcd-sim-control-plane-1');
    for (const p of mirrors) {
      const a = p.metadata.annotations ?? {};
      expect(a['kubernetes.io/config.mirror']).toMatch(/^[0-9a-f]{32}$/);
      expect(a['kubernetes.io/config.hash']).toBe(a['kubernetes.io/config.mirror']);
      expect(a['kubernetes.io/config.source']).toBe('file');
    }
  });

  it('fills container statuses like a kubelet', () => {
    for (const p of pods.filter(running)) {
      for (const field of ['containerStatuses', 'initContainerStatuses']) {
        for (const cs of statuses(p, field) ?? []) {
          expect(cs.image).toEqual(expect.any(String));
          expect(cs.imageID).toMatch(/@sha256:[0-9a-f]{64}$/);
          expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
          expect(cs.lastState).toBeDefined();
          expect(typeof cs.started).toBe('boolean');
        }
      }
      const initStatuses = statuses(p, 'initContainerStatuses') ?? [];
      init(p).forEach((c, i) => {
        const state = initStatuses[i]?.state as Json;
        if (c.restartPolicy === 'Always') expect(Object.keys(state)).toEqual(['running']);
        else expect((state.terminated as Json).reason).toBe('Completed');
      });
    }
  });

  it('reports running sidecars in PodMetrics, never finished classic init containers', () => {
    let withSidecar = 0;
    for (const p of pods.filter(running)) {
      const item = metricsOf(p);
      if (item === undefined) continue;
      const names = item.containers.map((c) => c.name);
      for (const c of init(p)) {
        if (c.restartPolicy === 'Always') expect(names).toContain(c.name);
        else expect(names).not.toContain(c.name);
      }
      if (init(p).some((c) => c.restartPolicy === 'Always')) withSidecar++;
    }
    expect(withSidecar).toBeGreaterThan(0);
  });

  it('can be switched off: plain workloads have one kind of container only', () => {
    const plain = testCluster({ plain: ['workloads'] }).cluster.store.list('pods');
    expect(plain.length).toBe(pods.length);
    for (const p of plain) {
      expect(spec(p).initContainers).toBeUndefined();
      expect(spec(p).overhead).toBeUndefined();
      expect(p.metadata.annotations).toBeUndefined();
    }
  });
});

describe('effective requests and QoS', () => {
  const c = (name: string, cpu: number, memory: number, extra: Partial<ContainerPlan> = {}) => ({
    name,
    image: 'x',
    cpuRequestMilli: cpu,
    memoryRequestMi: memory,
    ...extra,
  });

  it('follows the scheduler: max(regular + sidecars, init peak) + overhead', () => {
    const always = { restartPolicy: 'Always' as const };
    // Sidecars add to the regular containers.
    expect(
      podRequests({ containers: [c('a', 100, 128)], initContainers: [c('s', 500, 256, always)] }),
    ).toEqual({ cpuMilli: 600, memoryBytes: 384 * 1048576 });
    // A big classic init container runs alone (plus the sidecars started before it).
    expect(
      podRequests({
        containers: [c('a', 100, 64)],
        initContainers: [c('s', 50, 32, always), c('migrate', 1000, 16)],
      }),
    ).toEqual({ cpuMilli: 1050, memoryBytes: 96 * 1048576 });
    expect(
      podRequests({
        containers: [c('a', 100, 64)],
        overhead: { runtimeClassName: 'kata-qemu', cpuMilli: 250, memoryMi: 160 },
      }),
    ).toEqual({ cpuMilli: 350, memoryBytes: 224 * 1048576 });
  });

  it('counts init containers in the QoS class', () => {
    const guaranteed = (name: string) =>
      c(name, 100, 64, { cpuLimitMilli: 100, memoryLimitMi: 64 });
    expect(qosClassOf({ containers: [guaranteed('a')] })).toBe('Guaranteed');
    expect(qosClassOf({ containers: [guaranteed('a')], initContainers: [c('i', 10, 16)] })).toBe(
      'Burstable',
    );
    expect(
      qosClassOf({ containers: [{ name: 'a', image: 'x' }], initContainers: [c('i', 10, 16)] }),
    ).toBe('Burstable');
  });
});
