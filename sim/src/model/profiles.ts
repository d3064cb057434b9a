import { tryParseCpuNanocores, tryParseMemoryBytes } from '@kubeglance/shared/quantity';
import { hashString, mix32, unit } from './random.js';
import { leakKey, type Scenario } from './scenario.js';
import { MINUTE, parseTime } from './time.js';
import type { KubeObject } from './types.js';
import type { ContainerProfile, Leak, WaveGroup } from './usage.js';

/**
 * Usage profiles derived from pod and node objects: how busy each container is relative to
 * its requests, whether it leaks, whether it sits on the hot node. Computed once per object
 * (objects are immutable) and cached by the metrics source.
 */

const MI = 1048576;
const TAU = 2 * Math.PI;

/** What the metrics need to know about a running pod. */
export interface PodProfile {
  readonly name: string;
  readonly namespace: string;
  readonly labels: Record<string, string> | undefined;
  readonly nodeName: string;
  readonly createdMs: number;
  /** Running containers only (a crash-looping container reports no usage). */
  readonly containers: readonly ContainerProfile[];
}

/** What the metrics need to know about a node. */
export interface NodeProfile {
  readonly name: string;
  readonly labels: Record<string, string> | undefined;
  readonly key: number;
  readonly capacityCores: number;
  readonly capacityBytes: number;
  readonly allocatableCores: number;
  readonly hot: boolean;
}

type Json = Record<string, unknown>;

function resources(container: Json, field: 'requests' | 'limits'): Json {
  const r = (container.resources as Json | undefined)?.[field];
  return (r as Json | undefined) ?? {};
}

/** A CPU quantity in cores (undefined when absent or unreadable). */
function cores(value: unknown): number | undefined {
  const nano = typeof value === 'string' ? tryParseCpuNanocores(value) : null;
  return nano === null ? undefined : nano / 1e9;
}

/** A memory quantity in bytes (undefined when absent or unreadable). */
function bytes(value: unknown): number | undefined {
  const b = typeof value === 'string' ? tryParseMemoryBytes(value) : null;
  return b === null ? undefined : b;
}

/** A value in [lo, hi) from a hash, log-uniform (sizes spread over magnitudes). */
function logBetween(hash: number, lo: number, hi: number): number {
  return Math.exp(Math.log(lo) + unit(hash) * (Math.log(hi) - Math.log(lo)));
}

function between(hash: number, lo: number, hi: number): number {
  return lo + unit(hash) * (hi - lo);
}

/**
 * How much of its requests a pod uses: most pods are over-provisioned (2-25% of CPU requests),
 * a third use a healthy share, one in ten runs at or above its requests.
 */
function utilisation(podKey: number): { cpu: number; memory: number } {
  const band = unit(mix32(podKey, 1));
  const a = mix32(podKey, 2);
  const b = mix32(podKey, 3);
  if (band < 0.55) return { cpu: logBetween(a, 0.02, 0.25), memory: between(b, 0.15, 0.45) };
  if (band < 0.9) return { cpu: between(a, 0.3, 0.8), memory: between(b, 0.45, 0.85) };
  return { cpu: between(a, 0.8, 1.3), memory: between(b, 0.8, 0.95) };
}

/** A container's name and resources, parsed once per pod template (shared by its pods). */
export interface ParsedContainer {
  readonly name: string;
  readonly cpuRequest: number | undefined;
  readonly memoryRequest: number | undefined;
  readonly cpuLimit: number | undefined;
  readonly memoryLimit: number | undefined;
  /** A restartable init container (native sidecar). */
  readonly sidecar: boolean;
}

/** Parses the names and resource quantities of `spec.containers`. */
export function parseContainers(containers: readonly Json[]): ParsedContainer[] {
  return containers.map((c) => ({
    name: String(c.name),
    cpuRequest: cores(resources(c, 'requests').cpu),
    memoryRequest: bytes(resources(c, 'requests').memory),
    cpuLimit: cores(resources(c, 'limits').cpu),
    memoryLimit: bytes(resources(c, 'limits').memory),
    sidecar: c.restartPolicy === 'Always',
  }));
}

/** What podProfile needs besides the pod: seed, scenario and the shared caches. */
export interface ProfileContext {
  readonly seedKey: number;
  readonly scenario: Scenario;
  /** Parsed containers of a `spec.containers` array (cached by array identity). */
  parsed(containers: readonly Json[]): readonly ParsedContainer[];
  /** The wave group of a namespace. */
  group(namespace: string): WaveGroup;
}

/** The pod's usage profile, or undefined when it is not running anywhere. */
export function podProfile(pod: KubeObject, ctx: ProfileContext): PodProfile | undefined {
  const status = (pod.status ?? {}) as Json;
  const spec = (pod.spec ?? {}) as Json;
  const nodeName = spec.nodeName;
  if (status.phase !== 'Running' || typeof nodeName !== 'string') return undefined;
  const { seedKey, scenario } = ctx;
  const namespace = pod.metadata.namespace ?? '';
  const labels = pod.metadata.labels;
  const podKey = hashString(pod.metadata.uid, seedKey);
  const use = utilisation(podKey);
  const hot = nodeName === scenario.hotNode;
  const group = ctx.group(namespace);
  const app = labels?.['app.kubernetes.io/name'] ?? labels?.['k8s-app'] ?? labels?.component;
  const leaking = app !== undefined && scenario.memoryLeaks.has(leakKey(namespace, app));
  const pin = app === undefined ? undefined : scenario.memoryPins.get(leakKey(namespace, app));
  const statuses = (status.containerStatuses ?? []) as Json[];
  const parsed = ctx.parsed((spec.containers ?? []) as Json[]);
  const containers: ContainerProfile[] = [];
  // The kubelet reports every running container: regular ones, then native sidecars (classic
  // init containers have terminated and report nothing).
  const add = (c: ParsedContainer, index: number, entry: Json | undefined): void => {
    const running = (entry?.state as Json | undefined)?.running as Json | undefined;
    if (running === undefined) return;
    const key = mix32(podKey, 100 + index);
    // No requests: a typical small process; limit-only: a share of the limit.
    let cpuBase =
      c.cpuRequest !== undefined
        ? c.cpuRequest * use.cpu
        : c.cpuLimit !== undefined
          ? c.cpuLimit * use.cpu * 0.5
          : logBetween(mix32(key, 1), 0.002, 0.12);
    let memoryBase =
      c.memoryRequest !== undefined
        ? c.memoryRequest * use.memory
        : c.memoryLimit !== undefined
          ? c.memoryLimit * use.memory * 0.5
          : logBetween(mix32(key, 2), 24 * MI, 300 * MI);
    if (c.memoryLimit !== undefined) memoryBase = Math.min(memoryBase, 0.9 * c.memoryLimit);
    // Pods on the hot node are busy too; the node's own floor does the rest.
    if (hot) cpuBase *= 2.2;
    let leak: Leak | undefined;
    if (leaking && index === 0 && c.memoryLimit !== undefined) {
      const startMs = parseTime(String(running.startedAt));
      memoryBase = 0.4 * c.memoryLimit;
      const tauMs = (30 + 30 * unit(hashString(`${namespace}/${app ?? ''}`, seedKey))) * MINUTE;
      leak = {
        startMs: Number.isFinite(startMs) ? startMs : 0,
        tauMs,
        targetBytes: 0.97 * c.memoryLimit,
      };
    }
    containers.push({
      name: c.name,
      key,
      cpuBase,
      memoryBase,
      cpuCap: c.cpuLimit ?? Number.POSITIVE_INFINITY,
      memoryCap: c.memoryLimit === undefined ? Number.POSITIVE_INFINITY : 0.98 * c.memoryLimit,
      group,
      periodMs: (6 + 20 * unit(mix32(key, 3))) * MINUTE,
      phase: TAU * unit(mix32(key, 4)),
      leak,
      // A whole Ki at or just above the share, so the served quantity is exact and the
      // pod's usage over its limit is the share itself, never a hair below it.
      pinnedBytes:
        pin === undefined || c.memoryLimit === undefined
          ? undefined
          : Math.min(c.memoryLimit, Math.ceil((pin * c.memoryLimit) / 1024) * 1024),
    });
  };
  parsed.forEach((c, index) => add(c, index, statuses[index]));
  const init = spec.initContainers as Json[] | undefined;
  if (init !== undefined) {
    const initStatuses = (status.initContainerStatuses ?? []) as Json[];
    ctx.parsed(init).forEach((c, i) => {
      if (c.sidecar) add(c, parsed.length + i, initStatuses[i]);
    });
  }
  return {
    name: pod.metadata.name,
    namespace,
    labels,
    nodeName,
    createdMs: parseTime(pod.metadata.creationTimestamp),
    containers,
  };
}

/** The node's capacity and role in the scenario. */
export function nodeProfile(node: KubeObject, seedKey: number, scenario: Scenario): NodeProfile {
  const status = (node.status ?? {}) as Json;
  const capacity = (status.capacity ?? {}) as Json;
  const allocatable = (status.allocatable ?? {}) as Json;
  const capacityCores = cores(capacity.cpu) ?? 0;
  return {
    name: node.metadata.name,
    labels: node.metadata.labels,
    key: hashString(node.metadata.name, seedKey),
    capacityCores,
    capacityBytes: bytes(capacity.memory) ?? 0,
    allocatableCores: cores(allocatable.cpu) ?? capacityCores,
    hot: node.metadata.name === scenario.hotNode,
  };
}
