/**
 * One unit per table column, chosen by the column's largest value, so `2.33 cores` never
 * sits above `896m` and digits line up. CPU: millicores below one core, else cores;
 * memory: MiB below one GiB, else GiB.
 */
const MI = 1024 ** 2;
const GI = 1024 ** 3;

export type Formatter = (value: number) => string;

function largest(values: readonly (number | null)[]): number {
  let max = 0;
  for (const v of values) if (v != null && v > max) max = v;
  return max;
}

/** Two decimals below 10, one below 100, none above. */
function compact(v: number): string {
  const digits = v < 10 ? 2 : v < 100 ? 1 : 0;
  return v.toFixed(digits);
}

export function cpuColumnFormat(millicores: readonly (number | null)[]): Formatter {
  return largest(millicores) >= 1000
    ? (m) => `${compact(m / 1000)} cores`
    : (m) => `${Math.round(m)}m`;
}

export function memoryColumnFormat(bytes: readonly (number | null)[]): Formatter {
  return largest(bytes) >= GI
    ? (b) => `${compact(b / GI)} GiB`
    : (b) => `${Math.floor(b / MI)} MiB`;
}
