/** Durations in URL parameters (`rotate=20s`, `reload=6h`), Go/kubectl style. */

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * Parse `"20s"`, `"6h"`, `"1h30m"`, `"1500ms"` to milliseconds. A bare number is
 * seconds. Returns `null` for anything else (including zero and negatives), so a
 * typo in a wall-screen URL falls back to the default instead of looping at 0 ms.
 */
export function parseDuration(text: string | null | undefined): number | null {
  if (text == null) return null;
  const s = text.trim().toLowerCase();
  if (s === '') return null;
  if (/^\d+(\.\d+)?$/.test(s)) return positive(Number(s) * 1000);
  let total = 0;
  let consumed = 0;
  for (const m of s.matchAll(PART)) {
    if (m.index !== consumed) return null;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? Number.NaN);
    consumed += m[0].length;
  }
  return consumed === s.length ? positive(total) : null;
}

function positive(ms: number): number | null {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : null;
}
