/** When a number deserves attention. One place, so tables, badges and the NOC agree. */
import type { CpuUsage, MemoryUsage } from '@kubeglance/shared/api';

/** Memory at or above this share of the limit: the OOM killer is close. */
export const OOM_RISK_RATIO = 0.9;
/** Usage below this share of the request: capacity reserved but unused. */
export const OVER_PROVISIONED_RATIO = 0.2;
/** Node CPU% or memory% above this is an alert on the wall screen. */
export const NODE_ALERT_PERCENT = 85;

/**
 * `usage / reference` as a whole percent, k9s style (%CPU/R, %MEM/L…). `null` when
 * either side is unknown or the reference is unset/zero: "no limit" is not 0 %.
 */
export function percentOf(usage: number | null, reference: number | null): number | null {
  if (usage == null || reference == null || reference <= 0) return null;
  return Math.round((usage / reference) * 100);
}

function ratio(usage: number | null, reference: number | null): number | null {
  if (usage == null || reference == null || reference <= 0) return null;
  return usage / reference;
}

export type Resource = 'cpu' | 'memory';

export type PodFlag =
  { kind: 'oom-risk'; ratio: number } | { kind: 'over-provisioned'; resources: Resource[] };

/** Flags for one pod or container, most severe first. */
export function usageFlags(cpu: CpuUsage, memory: MemoryUsage): PodFlag[] {
  const flags: PodFlag[] = [];
  const memLimit = ratio(memory.usageBytes, memory.limitBytes);
  if (memLimit != null && memLimit >= OOM_RISK_RATIO)
    flags.push({ kind: 'oom-risk', ratio: memLimit });
  const idle: Resource[] = [];
  const cpuReq = ratio(cpu.usageMillicores, cpu.requestMillicores);
  if (cpuReq != null && cpuReq < OVER_PROVISIONED_RATIO) idle.push('cpu');
  const memReq = ratio(memory.usageBytes, memory.requestBytes);
  if (memReq != null && memReq < OVER_PROVISIONED_RATIO) idle.push('memory');
  if (idle.length > 0) flags.push({ kind: 'over-provisioned', resources: idle });
  return flags;
}

/** Sort key for a flags column: OOM risk first, then over-provisioned, then none. */
export function flagSeverity(flags: readonly PodFlag[]): number {
  if (flags.some((f) => f.kind === 'oom-risk')) return 2;
  return flags.length > 0 ? 1 : 0;
}

/** The hotter of two percentages; unknown only when both are unknown. */
export function hotterPercent(a: number | null, b: number | null): number | null {
  if (a == null) return b;
  if (b == null) return a;
  return Math.max(a, b);
}

/** Heat buckets, upper bounds in percent; the last bucket is everything above. */
export const HEAT_STEPS = [50, 70, 85] as const;
export type HeatLevel = 0 | 1 | 2 | 3;
export const HEAT_LABELS: Record<HeatLevel, string> = {
  0: 'below 50%',
  1: '50–69%',
  2: '70–84%',
  3: '85% or more',
};

export function heatLevel(percent: number | null): HeatLevel | null {
  if (percent == null) return null;
  if (percent < HEAT_STEPS[0]) return 0;
  if (percent < HEAT_STEPS[1]) return 1;
  if (percent < HEAT_STEPS[2]) return 2;
  return 3;
}
