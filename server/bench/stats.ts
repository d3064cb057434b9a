/** Small statistics helpers for the benchmark: medians and percentiles, never means alone. */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const median = (values: number[]): number => percentile(values, 50);

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

export async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const result = await fn();
  return [result, performance.now() - t0];
}

export function rssMiB(): number {
  return round(process.memoryUsage().rss / 2 ** 20, 1);
}
