import { PLATFORM_NAMESPACES } from './namespaces.js';
import type { Rng } from './random.js';
import { rfc3339 } from './time.js';
import type { ContainerPlan, PodOverhead, WorkloadPlan } from './workloads.js';

/**
 * What real clusters' pod templates look like beyond one container per process: the Istio
 * proxy as a native sidecar (a restartable init container, Kubernetes >= 1.29) after its
 * classic `istio-init`, log shippers as native sidecars, classic init containers that wait
 * for dependencies, a RuntimeClass with `spec.overhead` on a few pods, and the kubelet's
 * `kubernetes.io/config.*` annotations on static (mirror) pods. Applied to the plans before
 * their resources are fitted; draws come from their own Rng so names and counts stay the
 * same as in a plain cluster of the same seed.
 */

/** kata-deploy's `kata-qemu` RuntimeClass: every pod pays the VM's overhead. */
export const KATA_OVERHEAD: PodOverhead = {
  runtimeClassName: 'kata-qemu',
  cpuMilli: 250,
  memoryMi: 160,
};

const BUSYBOX = 'docker.io/library/busybox:1.36.1';
/** Share of generic services and stores with a classic "wait for dependencies" init container. */
const CLASSIC_INIT_SHARE = 0.2;
/** Share of product Deployments running under the kata RuntimeClass. */
const KATA_SHARE = 0.06;

/** Resources shaped like `like`'s (same QoS pattern), sized cpu m / memory Mi. */
function sizedLike(like: ContainerPlan, cpu: number, memory: number): Partial<ContainerPlan> {
  if (like.cpuRequestMilli === undefined && like.memoryRequestMi === undefined) return {};
  const guaranteed =
    like.cpuLimitMilli === like.cpuRequestMilli && like.memoryLimitMi === like.memoryRequestMi;
  const out: Partial<ContainerPlan> = { cpuRequestMilli: cpu, memoryRequestMi: memory };
  if (guaranteed) {
    out.cpuLimitMilli = cpu;
    out.memoryLimitMi = memory;
  } else if (like.memoryLimitMi !== undefined) {
    out.memoryLimitMi = memory * 2;
  }
  return out;
}

function take(plan: WorkloadPlan, name: string): ContainerPlan | undefined {
  const index = plan.containers.findIndex((c) => c.name === name);
  if (index <= 0) return undefined; // never the main container
  return plan.containers.splice(index, 1)[0];
}

/** Turns a user workload's sidecars into native ones and adds its init containers. */
function realizeUser(rng: Rng, plan: WorkloadPlan): void {
  const main = plan.containers[0];
  if (main === undefined) return;
  const init: ContainerPlan[] = [];
  const proxy = take(plan, 'istio-proxy');
  if (proxy !== undefined) {
    // Istio's injector gives istio-init the proxy's own resources.
    const { name: _name, image: _image, port: _port, ...resources } = proxy;
    init.push({ name: 'istio-init', image: proxy.image, ...resources });
    init.push({ ...proxy, restartPolicy: 'Always' });
  } else if (
    (plan.kind === 'Deployment' || plan.kind === 'StatefulSet') &&
    rng.chance(CLASSIC_INIT_SHARE)
  ) {
    const name = plan.kind === 'StatefulSet' ? 'init-permissions' : 'wait-for-deps';
    init.push({ name, image: BUSYBOX, ...sizedLike(main, 10, 16) });
  }
  const shipper = take(plan, 'log-shipper');
  if (shipper !== undefined) init.push({ ...shipper, restartPolicy: 'Always' });
  if (init.length > 0) plan.initContainers = init;
  if (
    plan.kind === 'Deployment' &&
    !PLATFORM_NAMESPACES.has(plan.namespace) &&
    rng.chance(KATA_SHARE)
  ) {
    plan.overhead = KATA_OVERHEAD;
  }
}

/** The kubelet's annotations on the mirror pod of a static manifest. */
function mirrorAnnotations(rng: Rng, seenMs: number): Record<string, string> {
  const hash = rng.uuid().replaceAll('-', '');
  return {
    'kubernetes.io/config.hash': hash,
    'kubernetes.io/config.mirror': hash,
    'kubernetes.io/config.seen': rfc3339(seenMs).replace('Z', '.000000000Z'),
    'kubernetes.io/config.source': 'file',
  };
}

/** Makes the plans look like a real cluster's (see the module comment). Mutates the plans. */
export function addRealism(rng: Rng, plans: readonly WorkloadPlan[], nowMs: number): void {
  for (const plan of plans) {
    if (plan.kind === 'StaticPod') plan.annotations = mirrorAnnotations(rng, nowMs);
    else if (!plan.system) realizeUser(rng, plan);
  }
}
