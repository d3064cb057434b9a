import type { Rng } from './random.js';
import { formatCpuMilli } from './quantity.js';
import { HOUR, rfc3339 } from './time.js';
import type { KubeObject } from './types.js';

/** A machine shape, named like a cloud instance type. */
export interface InstanceType {
  name: string;
  cpu: number;
  memoryGi: number;
}

const XLARGE: InstanceType = { name: 'm6i.xlarge', cpu: 4, memoryGi: 16 };
const X2LARGE: InstanceType = { name: 'm6i.2xlarge', cpu: 8, memoryGi: 32 };
const X4LARGE: InstanceType = { name: 'm6i.4xlarge', cpu: 16, memoryGi: 64 };
const R2XLARGE: InstanceType = { name: 'r6i.2xlarge', cpu: 8, memoryGi: 64 };

/** Worker pool mix: mostly mid-size general purpose, some big and memory-optimised ones. */
const WORKER_TYPES: readonly (readonly [InstanceType, number])[] = [
  [XLARGE, 25],
  [X2LARGE, 50],
  [X4LARGE, 18],
  [R2XLARGE, 7],
];

const REGION = 'us-east-1';
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;
const KUBELET_VERSION = 'v1.31.4';
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

/** What generation, scheduling and churn need to know about a node besides its JSON. */
export interface SimNode {
  readonly index: number;
  readonly name: string;
  readonly controlPlane: boolean;
  /** Whether ordinary workloads may land here (control-plane nodes are tainted). */
  readonly schedulable: boolean;
  readonly allocatableCpuMilli: number;
  readonly allocatableMemoryBytes: number;
  readonly maxPods: number;
  readonly internalIP: string;
  /** First three octets of the node's pod CIDR, e.g. `10.64.3.`. */
  readonly podIPPrefix: string;
  readonly object: KubeObject;
}

/**
 * Control-plane size: small clusters run one control-plane node (a single-node cluster runs
 * everything on it, untainted, like kind or minikube); from 10 nodes on, an HA trio.
 */
export function controlPlaneCount(nodes: number): number {
  return nodes < 10 ? 1 : 3;
}

/**
 * CPU the kubelet reserves (the tiered GKE/EKS formula): 6% of the first core, 1% of the
 * second, 0.5% of the next two and 0.25% of the rest, so 8 cores allocate `7910m`.
 */
export function reservedCpuMilli(cores: number): number {
  const tiers = [
    [1, 60],
    [1, 10],
    [2, 5],
    [Number.POSITIVE_INFINITY, 2.5],
  ] as const;
  let left = cores;
  let reserved = 0;
  for (const [size, perCore] of tiers) {
    const used = Math.min(left, size);
    reserved += used * perCore;
    left -= used;
  }
  return Math.round(reserved);
}

/** Memory the kubelet reserves (EKS formula, 255Mi + 11Mi per pod) plus the 100Mi eviction threshold. */
export function reservedMemoryKi(maxPods: number): number {
  return (255 + 11 * maxPods + 100) * 1024;
}

function controlPlaneType(nodes: number): InstanceType {
  if (nodes >= 500) return X4LARGE;
  return nodes >= 50 ? X2LARGE : XLARGE;
}

/** The four kubelet-reported conditions of a healthy node. */
function healthyConditions(heartbeat: string, since: string) {
  const rows = [
    [
      'MemoryPressure',
      'False',
      'KubeletHasSufficientMemory',
      'kubelet has sufficient memory available',
    ],
    ['DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'],
  ] as const;
  return rows.map(([type, status, reason, message]) => ({
    type,
    status,
    lastHeartbeatTime: heartbeat,
    lastTransitionTime: since,
    reason,
    message,
  }));
}

/**
 * Builds `count` Ready nodes. All nodes stay Ready: a permanently NotReady node would also need
 * its pods evicted and its metrics missing to be believable, which fault injection does better.
 */
export function buildNodes(
  rng: Rng,
  count: number,
  maxPods: number,
  nowMs: number,
  clusterBornMs: number,
): SimNode[] {
  const cpCount = Math.min(count, controlPlaneCount(count));
  const workerCount = count - cpCount;
  const workerWidth = Math.max(3, String(workerCount).length);
  const heartbeat = rfc3339(nowMs);
  const nodes: SimNode[] = [];
  for (let index = 0; index < count; index++) {
    const controlPlane = index < cpCount;
    const name = controlPlane
      ? `sim-control-plane-${index + 1}`
      : `sim-worker-${String(index - cpCount + 1).padStart(workerWidth, '0')}`;
    const type = controlPlane ? controlPlaneType(count) : rng.weighted(WORKER_TYPES);
    const zone = ZONES[index % ZONES.length] as string;
    // Control-plane nodes are as old as the cluster; workers come and go with the autoscaler.
    const createdMs = controlPlane
      ? clusterBornMs + index * 90_000
      : nowMs - rng.logUniform(2 * HOUR, Math.max(3 * HOUR, nowMs - clusterBornMs));
    const capacityKi = Math.floor((type.memoryGi * 1048576 * 0.98) / 4) * 4 - rng.int(0, 64) * 4;
    const allocatableKi = capacityKi - reservedMemoryKi(maxPods);
    const allocatableCpuMilli = type.cpu * 1000 - reservedCpuMilli(type.cpu);
    const diskKi = 101430960;
    const internalIP = `10.0.${Math.floor(index / 250)}.${(index % 250) + 4}`;
    const podIPPrefix = `10.${64 + (index >> 8)}.${index & 255}.`;
    const labels: Record<string, string> = {
      'beta.kubernetes.io/arch': 'amd64',
      'beta.kubernetes.io/instance-type': type.name,
      'beta.kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'kubernetes.io/hostname': name,
      'kubernetes.io/os': 'linux',
      'node.kubernetes.io/instance-type': type.name,
      'topology.kubernetes.io/region': REGION,
      'topology.kubernetes.io/zone': zone,
    };
    if (controlPlane) labels[CONTROL_PLANE_LABEL] = '';
    // Only some node pools get the (purely cosmetic) worker role label, as in real clusters.
    else if (type !== XLARGE) labels['node-role.kubernetes.io/worker'] = '';
    const tainted = controlPlane && count > 1;
    const readySince = rfc3339(createdMs + 40_000);
    const resources = (cpu: string, memoryKi: number, storage: string) => ({
      cpu,
      'ephemeral-storage': storage,
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: `${memoryKi}Ki`,
      pods: String(maxPods),
    });
    const object: KubeObject = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: rng.uuid(),
        resourceVersion: '',
        creationTimestamp: rfc3339(createdMs),
        labels,
        annotations: {
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      },
      spec: {
        podCIDR: `${podIPPrefix}0/24`,
        podCIDRs: [`${podIPPrefix}0/24`],
        providerID: `aws:///${zone}/i-0${rng.hex(16)}`,
        ...(tainted ? { taints: [{ key: CONTROL_PLANE_LABEL, effect: 'NoSchedule' }] } : undefined),
      },
      status: {
        capacity: resources(String(type.cpu), capacityKi, `${diskKi}Ki`),
        allocatable: resources(
          formatCpuMilli(allocatableCpuMilli),
          allocatableKi,
          String(Math.floor(diskKi * 1024 * 0.9)),
        ),
        conditions: healthyConditions(heartbeat, readySince),
        addresses: [
          { type: 'InternalIP', address: internalIP },
          { type: 'Hostname', address: name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: rng.hex(32),
          systemUUID: rng.uuid(),
          bootID: rng.uuid(),
          kernelVersion: '6.8.0-1019-aws',
          osImage: 'Ubuntu 24.04.1 LTS',
          containerRuntimeVersion: 'containerd://1.7.22',
          kubeletVersion: KUBELET_VERSION,
          kubeProxyVersion: KUBELET_VERSION,
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    };
    nodes.push({
      index,
      name,
      controlPlane,
      schedulable: !tainted,
      allocatableCpuMilli,
      allocatableMemoryBytes: allocatableKi * 1024,
      maxPods,
      internalIP,
      podIPPrefix,
      object,
    });
  }
  return nodes;
}
