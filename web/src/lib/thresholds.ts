/** When a number deserves attention. One place, so tables, badges and the NOC agree. */
import type { CpuUsage, MemoryUsage } from '@kubeglance/shared/api';
import { t } from '../i18n/t';

/**
 * Every threshold is compared with the *printed* percentage (truncated, as kubectl and k9s
 * print it), never with the exact ratio: 89.7 % prints "89%" and is not an OOM risk; the
 * badge, the colour and the number always agree.
 */
/** Memory at or above this percent of the limit: the OOM killer is close. */
export const OOM_RISK_PERCENT = 90;
/** Usage below this percent of the request: capacity reserved but unused. */
export const OVER_PROVISIONED_PERCENT = 20;
/** Node CPU% or memory% above this is an alert on the wall screen. */
export const NODE_ALERT_PERCENT = 85;

/**
 * `usage / reference` as a whole percent, truncated as k9s (%CPU/R, %MEM/L…) and kubectl
 * print it. `null` when either side is unknown or the reference is unset/zero: "no limit"
 * is not 0 %.
 */
export function percentOf(usage: number | null, reference: number | null): number | null {
  if (usage == null || reference == null || reference <= 0) return null;
  return Math.trunc((usage * 100) / reference);
}

export type Resource = 'cpu' | 'memory';

/** `percent`: the printed memory percent of the limit that raised the flag. */
export type PodFlag =
  { kind: 'oom-risk'; percent: number } | { kind: 'over-provisioned'; resources: Resource[] };

/** Whether a printed %MEM/L is an OOM risk (the one rule for badge, colour and alert). */
export function isOomRisk(percentOfLimit: number | null): boolean {
  return percentOfLimit != null && percentOfLimit >= OOM_RISK_PERCENT;
}

/** Whether a printed %/R means over-provisioned. */
export function isOverProvisioned(percentOfRequest: number | null): boolean {
  return percentOfRequest != null && percentOfRequest < OVER_PROVISIONED_PERCENT;
}

/** Flags for one pod or container, most severe first. */
export function usageFlags(cpu: CpuUsage, memory: MemoryUsage): PodFlag[] {
  return flagsOf(
    percentOf(memory.usageBytes, memory.limitBytes),
    percentOf(cpu.usageMillicores, cpu.requestMillicores),
    percentOf(memory.usageBytes, memory.requestBytes),
  );
}

/**
 * `usageFlags` from the printed percentages a caller has already computed (%MEM/L, %CPU/R,
 * %MEM/R), so the flags and the numbers beside them come from the same values.
 */
export function flagsOf(
  memoryPctLimit: number | null,
  cpuPctRequest: number | null,
  memoryPctRequest: number | null,
): PodFlag[] {
  const flags: PodFlag[] = [];
  if (memoryPctLimit != null && isOomRisk(memoryPctLimit))
    flags.push({ kind: 'oom-risk', percent: memoryPctLimit });
  const cpuIdle = isOverProvisioned(cpuPctRequest);
  const memoryIdle = isOverProvisioned(memoryPctRequest);
  if (cpuIdle || memoryIdle)
    flags.push({
      kind: 'over-provisioned',
      resources: cpuIdle && memoryIdle ? ['cpu', 'memory'] : cpuIdle ? ['cpu'] : ['memory'],
    });
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
/** The band each heat level stands for, in words ("85% or more"), in the language on screen. */
export const HEAT_LABELS: Readonly<Record<HeatLevel, string>> = {
  get 0() {
    return t('heat.band0');
  },
  get 1() {
    return t('heat.band1');
  },
  get 2() {
    return t('heat.band2');
  },
  get 3() {
    return t('heat.band3');
  },
};

export function heatLevel(percent: number | null): HeatLevel | null {
  if (percent == null) return null;
  if (percent < HEAT_STEPS[0]) return 0;
  if (percent < HEAT_STEPS[1]) return 1;
  if (percent < HEAT_STEPS[2]) return 2;
  return 3;
}
