/**
 * Formatters that reproduce `kubectl top node` / `kubectl top pod` output exactly.
 *
 * Source of truth: kubectl `pkg/metricsutil/metrics_printer.go`, which prints
 * - CPU as `quantity.MilliValue()` + "m": millicores rounded *up* (away from zero);
 * - memory as `quantity.Value() / (1024*1024)` + "Mi": Go int64 division, which truncates
 *   (floor for the non-negative values metrics carry);
 * - percent as `int64(float64(usage.MilliValue()) / float64(available.MilliValue()) * 100)`,
 *   or 0 when `available.IsZero()`. That is float64 arithmetic, not integer: 290m of 1000m
 *   prints 28% because 0.29 * 100 = 28.999999999999996. JS numbers are the same IEEE-754
 *   doubles, so doing the same operations in the same order gives the same digits;
 * - `<unknown>` in every column of a node that has no metrics.
 * Pod rows sum the containers' quantities exactly and round once (`1000001n + 1000001n` → 3m).
 *
 * Inputs are integer nanocores / bytes as returned by `quantity.ts`, or integer millicores as the
 * server stores them. These are for kubectl parity; for friendlier UI text see `humanFormat.ts`.
 */

/** What kubectl prints in place of a value for a node without metrics. */
export const KUBECTL_UNKNOWN = '<unknown>';

const NANOCORES_PER_MILLICORE = 1_000_000;
const BYTES_PER_MEBIBYTE = 1024 * 1024;

/**
 * Nanocores → millicores as kubectl's `MilliValue()`: exact when divisible, otherwise rounded
 * away from zero (`214650124` → 215, `1` → 1).
 */
export function cpuMillicoresKubectl(nanocores: number): number {
  assertSafeInteger('nanocores', nanocores);
  // Integer remainder instead of Math.ceil(n / 1e6): the float quotient can round onto a whole
  // number for large n and lose the "+1".
  const remainder = nanocores % NANOCORES_PER_MILLICORE;
  const whole = (nanocores - remainder) / NANOCORES_PER_MILLICORE;
  return remainder === 0 ? whole : whole + Math.sign(remainder);
}

/** Bytes → whole mebibytes as kubectl's `Value()/(1024*1024)` (truncating; `1Gi` → 1024). */
export function memoryMebibytesKubectl(bytes: number): number {
  assertSafeInteger('bytes', bytes);
  // Dividing by a power of two is exact in floating point, so truncating the quotient is exact.
  return Math.trunc(bytes / BYTES_PER_MEBIBYTE) + 0; // `+ 0` turns -0 into 0
}

/** `"215m"` from nanocores, or `<unknown>` for null. */
export function formatCpuKubectl(nanocores: number | null): string {
  return nanocores === null ? KUBECTL_UNKNOWN : `${cpuMillicoresKubectl(nanocores)}m`;
}

/**
 * `"215m"` from millicores that were already rounded with `cpuMillicoresKubectl` (what the
 * server stores and the API carries), or `<unknown>` for null. Do not feed it a sum of rounded
 * values; sum nanocores and round once instead.
 */
export function formatMillicoresKubectl(millicores: number | null): string {
  if (millicores === null) return KUBECTL_UNKNOWN;
  assertSafeInteger('millicores', millicores);
  return `${millicores}m`;
}

/** `"782Mi"` from bytes, or `<unknown>` for null. */
export function formatMemoryKubectl(bytes: number | null): string {
  return bytes === null ? KUBECTL_UNKNOWN : `${memoryMebibytesKubectl(bytes)}Mi`;
}

/**
 * kubectl's CPU(%) column from nanocores: both sides rounded up to millicores first.
 * Equals `percentFromMillicores(cpuMillicoresKubectl(usage), cpuMillicoresKubectl(allocatable))`.
 */
export function cpuPercentKubectl(usageNanocores: number, allocatableNanocores: number): number {
  return percentFromMillicores(
    cpuMillicoresKubectl(usageNanocores),
    cpuMillicoresKubectl(allocatableNanocores),
  );
}

/**
 * kubectl's CPU(%) column from millicores already rounded by `cpuMillicoresKubectl` (use this on
 * the server's stored values; use `cpuPercentKubectl` when you still hold nanocores).
 * 0 when allocatable is 0.
 */
export function percentFromMillicores(
  usageMillicores: number,
  allocatableMillicores: number,
): number {
  assertSafeInteger('usageMillicores', usageMillicores);
  assertSafeInteger('allocatableMillicores', allocatableMillicores);
  return truncatedPercent(usageMillicores, allocatableMillicores);
}

/**
 * kubectl's MEMORY(%) column. `MilliValue()` of bytes is bytes * 1000, which overflows 2^53 above
 * ~9 TB, so it is formed in BigInt; Number() then rounds it to the nearest double exactly like
 * Go's float64(int64). 0 when allocatable is 0.
 */
export function memoryPercentKubectl(usageBytes: number, allocatableBytes: number): number {
  assertSafeInteger('usageBytes', usageBytes);
  assertSafeInteger('allocatableBytes', allocatableBytes);
  const usageMilli = Number(BigInt(usageBytes) * 1000n);
  const allocatableMilli = Number(BigInt(allocatableBytes) * 1000n);
  return truncatedPercent(usageMilli, allocatableMilli);
}

/** The float64 expression from metrics_printer.go, operation for operation. */
function truncatedPercent(usageMilli: number, allocatableMilli: number): number {
  if (allocatableMilli === 0) return 0;
  return Math.trunc((usageMilli / allocatableMilli) * 100) + 0;
}

/** `"7%"`, or `<unknown>` for null. */
export function formatPercentKubectl(percent: number | null): string {
  if (percent === null) return KUBECTL_UNKNOWN;
  assertSafeInteger('percent', percent);
  return `${percent}%`;
}

/** Exact sum of container nanocores for a pod row (round the total once, not each part). */
export function sumNanocores(values: readonly number[]): number {
  return exactSum('nanocores', values);
}

/** Exact sum of container bytes for a pod row. */
export function sumBytes(values: readonly number[]): number {
  return exactSum('bytes', values);
}

function exactSum(what: string, values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    assertSafeInteger(what, value);
    total += value;
    // Once the true sum leaves the safe range the float sum does too, so this catches it.
    if (!Number.isSafeInteger(total)) throw new RangeError(`sum of ${what} exceeds 2^53 - 1`);
  }
  return total;
}

function assertSafeInteger(what: string, value: number): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer, got ${String(value)}`);
  }
}
