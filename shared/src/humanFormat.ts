/**
 * Friendly formatters for the UI: `1.25 cores`, `1.5 GiB`, `42%`, `3h`, `12 s ago`.
 *
 * These round for readability and must NOT be used where output has to match kubectl; that is
 * `format.ts`. All are pure: anything time-relative takes `nowMs` instead of reading the clock.
 *
 * Missing values: null, NaN and ±Infinity all render as `NO_VALUE` (an em dash). A dash reads as
 * "nothing to show" in a table cell without claiming to know why; the API's null means "unknown
 * or not set", and the screen around the cell says which.
 */

/** Placeholder for a missing or non-finite value. */
export const NO_VALUE = '—';

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/**
 * Millicores for people: `250m` below one core, then `1 core`, `1.25 cores`, `12.5 cores`,
 * `125 cores` (about three significant digits, trailing zeros dropped).
 */
export function formatCores(millicores: number | null): string {
  if (!isFiniteNumber(millicores)) return NO_VALUE;
  const rounded = Math.round(millicores) + 0;
  if (Math.abs(rounded) < 1000) return `${rounded}m`;
  const cores = compactNumber(millicores / 1000);
  return `${cores} ${cores === '1' || cores === '-1' ? 'core' : 'cores'}`;
}

/** Bytes in IEC units: `512 B`, `512 MiB`, `1.5 GiB`, `3.2 TiB` (about three significant digits). */
export function formatBytesIEC(bytes: number | null): string {
  if (!isFiniteNumber(bytes)) return NO_VALUE;
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  let text = unit === 0 ? String(Math.round(value)) : compactNumber(value);
  // 1023.7 MiB rounds to "1024"; say "1 GiB" instead.
  if (Number(text) >= 1024 && unit < BYTE_UNITS.length - 1) {
    unit += 1;
    text = compactNumber(value / 1024);
  }
  return `${sign}${text} ${BYTE_UNITS[unit]}`;
}

/** A value already in percent: `formatPercent(42.3)` → `42%`, `formatPercent(7.25, 1)` → `7.3%`. */
export function formatPercent(percent: number | null, fractionDigits = 0): string {
  if (!isFiniteNumber(percent)) return NO_VALUE;
  return `${(percent + 0).toFixed(fractionDigits)}%`;
}

/** A ratio of 1 = 100%: `formatRatioAsPercent(0.423)` → `42%`. */
export function formatRatioAsPercent(ratio: number | null, fractionDigits = 0): string {
  return isFiniteNumber(ratio) ? formatPercent(ratio * 100, fractionDigits) : NO_VALUE;
}

/**
 * An age the way `kubectl get` prints its AGE column (apimachinery `duration.HumanDuration`):
 * `45s`, `119s`, `5m`, `5m30s`, `3h`, `3h15m`, `2d`, `2d5h`, `400d`, `2y30d`, `9y`.
 * Up to 2 s in the future reads `0s` (clock skew); further is `<invalid>`, as in kubectl.
 */
export function formatAge(ms: number | null): string {
  if (!isFiniteNumber(ms)) return NO_VALUE;
  const seconds = Math.trunc(ms / 1000) + 0;
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) return withRest(minutes, 'm', seconds % 60, 's');
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) return withRest(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return withRest(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return withRest(years, 'y', days % 365, 'd');
  return `${years}y`;
}

/** `5m30s`, but just `5m` when the smaller unit is zero. */
function withRest(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;
}

/**
 * A one-unit age (apimachinery `duration.ShortHumanDuration`): `45s`, `5m`, `3h`, `2d`, `3y`.
 * Same skew rule as `formatAge`.
 */
export function formatAgeShort(ms: number | null): string {
  if (!isFiniteNumber(ms)) return NO_VALUE;
  const seconds = Math.trunc(ms / 1000) + 0;
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * How old a piece of data is, for "updated 12 s ago" captions: `0 s ago`, `12 s ago`,
 * `3 min ago`, `2 h ago`, `5 d ago`. A timestamp more than 2 s ahead of `nowMs` says
 * `in the future` rather than hiding a clock problem behind `0 s ago`.
 */
export function formatRelativeTime(timestampMs: number | null, nowMs: number): string {
  if (!isFiniteNumber(timestampMs) || !isFiniteNumber(nowMs)) return NO_VALUE;
  const ageMs = nowMs - timestampMs;
  if (ageMs < -2000) return 'in the future';
  const seconds = Math.max(0, Math.floor(ageMs / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} d ago`;
}

/** Two decimals below 10, one below 100, none above; trailing zeros dropped. */
function compactNumber(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0;
  const text = value.toFixed(digits);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

function isFiniteNumber(value: number | null): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
