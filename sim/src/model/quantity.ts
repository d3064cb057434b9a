import { formatCpuCanonical, formatMemoryCanonical } from '@kubeglance/shared/quantityFormat';

/**
 * Resource sizes as the simulator writes them: the values people put in manifests (ladders),
 * and the quantity texts of requests, limits and plain-mode metrics. Parsing and canonical
 * printing are `shared`'s (one exact implementation for the whole project).
 */

/** CPU in millicores, canonical: whole cores as `2`, otherwise `250m`. */
export function formatCpuMilli(milli: number): string {
  return formatCpuCanonical(Math.round(milli) * 1_000_000);
}

/** Memory in MiB, canonical: whole GiB as `4Gi`, otherwise `512Mi`. */
export function formatMemoryMi(mi: number): string {
  return formatMemoryCanonical(Math.round(mi) * 1048576);
}

/** Plain-mode CPU: always integer nanocores (`7990556n`), never canonicalised. */
export function formatNanocores(cores: number): string {
  return `${Math.max(0, Math.round(cores * 1e9))}n`;
}

/** Plain-mode memory: always integer KiB (`14064Ki`), never canonicalised. */
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
