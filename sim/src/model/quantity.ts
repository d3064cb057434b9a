/**
 * The few resource-quantity conversions the model needs. The simulator *produces* quantities
 * in the canonical forms the apiserver emits (`250m`, `2`, `512Mi`, `4Gi`) and reads back only
 * its own objects, so a small parser is enough here (the full one lives in shared/).
 */

const DECIMAL_SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const BINARY_SUFFIX: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/** Parses a Kubernetes quantity into its base unit (cores, bytes, count); NaN if malformed. */
export function parseQuantity(text: string): number {
  const match = QUANTITY.exec(text.trim());
  if (match === null) return Number.NaN;
  const value = Number(match[1]);
  if (match[2] !== undefined) return value * 10 ** Number(match[2]);
  const suffix = match[3] ?? '';
  return value * (BINARY_SUFFIX[suffix] ?? DECIMAL_SUFFIX[suffix] ?? Number.NaN);
}

/** CPU in millicores, canonical: whole cores as `2`, otherwise `250m`. */
export function formatCpuMilli(milli: number): string {
  const m = Math.round(milli);
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Memory in MiB, canonical: whole GiB as `4Gi`, otherwise `512Mi`. */
export function formatMemoryMi(mi: number): string {
  const m = Math.round(mi);
  return m % 1024 === 0 ? `${m / 1024}Gi` : `${m}Mi`;
}

/** metrics-server's CPU format: always integer nanocores (`7990556n`). */
export function formatNanocores(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** metrics-server's memory format: always integer KiB (`14064Ki`). */
export function formatKi(bytes: number): string {
  return `${Math.max(0, Math.round(bytes / 1024))}Ki`;
}

/** Rounds to the nearest entry of an ascending ladder (in log space: sizes are multiplicative). */
export function nearestOnLadder(value: number, ladder: readonly number[]): number {
  let best = ladder[0] ?? value;
  let bestDistance = Number.POSITIVE_INFINITY;
  const target = Math.log(Math.max(value, 1e-9));
  for (const step of ladder) {
    const distance = Math.abs(Math.log(step) - target);
    if (distance < bestDistance) {
      best = step;
      bestDistance = distance;
    }
  }
  return best;
}

/** CPU values people actually write in manifests, in millicores. */
export const CPU_LADDER_MILLI = [
  5, 10, 20, 25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 4000, 6000,
  8000,
] as const;

/** Memory values people actually write in manifests, in MiB. */
export const MEMORY_LADDER_MI = [
  16, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048, 3072, 4096, 6144, 8192, 12288,
  16384,
] as const;
