import { describe, expect, it } from 'vitest';
import { podResources } from './podResources.js';
import type { ContainerKind, ContainerSpec } from './types.js';

const MI = 1024 * 1024;
const m = (millicores: number) => millicores * 1e6;

function c(
  name: string,
  kind: ContainerKind,
  cpu: [number | null, number | null] = [null, null],
  memory: [number | null, number | null] = [null, null],
): ContainerSpec {
  return {
    name,
    kind,
    cpuRequestNanocores: cpu[0],
    cpuLimitNanocores: cpu[1],
    memoryRequestBytes: memory[0],
    memoryLimitBytes: memory[1],
  };
}

describe('podResources (PodRequests / PodLimits)', () => {
  it('adds a native sidecar to the regular containers (the issue’s reproduction)', () => {
    const r = podResources([
      c('c', 'container', [m(100), null], [null, 128 * MI]),
      c('side', 'sidecar', [m(500), null], [null, 256 * MI]),
    ]);
    expect(r.requests).toEqual({ cpuNanocores: m(600), memoryBytes: null });
    expect(r.limits).toEqual({ cpuNanocores: null, memoryBytes: 384 * MI });
    // Every container limits memory: the pod cgroup is limited at the sum.
    expect(r.enforcedLimits).toEqual({ cpuNanocores: null, memoryBytes: 384 * MI });
  });

  it('takes a classic init container when it is larger than the running sum', () => {
    const r = podResources([
      c('app', 'container', [m(100), m(200)], [64 * MI, 64 * MI]),
      c('migrate', 'init', [m(800), m(1000)], [32 * MI, 32 * MI]),
    ]);
    expect(r.requests).toEqual({ cpuNanocores: m(800), memoryBytes: 64 * MI });
    expect(r.limits).toEqual({ cpuNanocores: m(1000), memoryBytes: 64 * MI });
  });

  it('adds the sidecars started before a classic init container to it, not those after', () => {
    // Spec order: side1 (sidecar), setup (init), side2 (sidecar). While `setup` runs only
    // side1 runs beside it: 300 + 100 = 400 > 50 + 100 + 100 = 250.
    const r = podResources([
      c('app', 'container', [m(50), null]),
      c('side1', 'sidecar', [m(100), null]),
      c('setup', 'init', [m(300), null]),
      c('side2', 'sidecar', [m(100), null]),
    ]);
    expect(r.requests.cpuNanocores).toBe(m(400));
    // The same containers with side2 first: 300 + 200 = 500.
    const r2 = podResources([
      c('app', 'container', [m(50), null]),
      c('side1', 'sidecar', [m(100), null]),
      c('side2', 'sidecar', [m(100), null]),
      c('setup', 'init', [m(300), null]),
    ]);
    expect(r2.requests.cpuNanocores).toBe(m(500));
  });

  it('adds overhead to requests always, and to a limit only when it is set and non-zero', () => {
    const overhead = { cpuNanocores: m(250), memoryBytes: 120 * MI };
    const r = podResources([c('app', 'container', [m(100), m(500)], [64 * MI, null])], overhead);
    expect(r.requests).toEqual({ cpuNanocores: m(350), memoryBytes: 184 * MI });
    expect(r.limits).toEqual({ cpuNanocores: m(750), memoryBytes: null });
    const none = podResources([c('app', 'container')], overhead);
    expect(none.requests).toEqual({ cpuNanocores: m(250), memoryBytes: 120 * MI });
    expect(none.limits).toEqual({ cpuNanocores: null, memoryBytes: null });
  });

  it('sums the limits that are set, but enforces a pod limit only if every container has one', () => {
    const r = podResources([
      c('app', 'container', [null, m(500)], [null, 128 * MI]),
      c('log', 'sidecar', [null, null], [null, 64 * MI]),
      c('setup', 'init', [null, m(100)], [null, 32 * MI]),
    ]);
    expect(r.limits).toEqual({ cpuNanocores: m(500), memoryBytes: 192 * MI });
    // `log` has no CPU limit: the pod as a whole is CPU-unbounded.
    expect(r.enforcedLimits).toEqual({ cpuNanocores: null, memoryBytes: 192 * MI });
    const withoutInitLimit = podResources([
      c('app', 'container', [null, m(500)], [null, 128 * MI]),
      c('setup', 'init', [null, null], [null, 32 * MI]),
    ]);
    expect(withoutInitLimit.enforcedLimits.cpuNanocores).toBeNull();
    expect(withoutInitLimit.enforcedLimits.memoryBytes).toBe(128 * MI);
  });

  it('reads null (not 0) for a resource nothing sets; ephemeral containers do not count', () => {
    const r = podResources([c('app', 'container'), c('debug', 'ephemeral')]);
    expect(r.requests).toEqual({ cpuNanocores: null, memoryBytes: null });
    expect(r.limits).toEqual({ cpuNanocores: null, memoryBytes: null });
    const limited = podResources([
      c('app', 'container', [null, m(100)], [null, MI]),
      c('debug', 'ephemeral'),
    ]);
    expect(limited.enforcedLimits).toEqual({ cpuNanocores: m(100), memoryBytes: MI });
  });
});
