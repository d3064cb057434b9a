/**
 * Time formats the Kubernetes API uses: RFC 3339 timestamps with second precision
 * (`metav1.Time`) and Go `time.Duration` strings (metrics-server's `window`).
 */

/** Milliseconds in common units, so ages and periods read naturally. */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Timestamps are formatted ~10 times per pod (1.5 million at 150 000 pods), so rfc3339 builds
 * them from char codes in one call: 2-3x faster than a template literal, and the result is a
 * flat string (a template makes a rope that every later read or hash has to flatten first).
 */
const stamp: number[] = new Array<number>(20).fill(0);
let stampDay = Number.NaN;

function setDigits(at: number, value: number): void {
  stamp[at] = 48 + Math.floor(value / 10);
  stamp[at + 1] = 48 + (value % 10);
}

/** `2026-11-21T10:00:15Z`: the apiserver serialises metav1.Time without fractional seconds. */
export function rfc3339(ms: number): string {
  const seconds = Math.floor(ms / SECOND);
  const day = Math.floor(seconds / 86400);
  if (day !== stampDay) {
    const iso = new Date(day * DAY).toISOString();
    // Years outside 0000-9999 do not fit the fixed layout; let Date format them.
    if (iso.length !== 24) return `${new Date(seconds * SECOND).toISOString().slice(0, -5)}Z`;
    for (let i = 0; i < 11; i++) stamp[i] = iso.charCodeAt(i);
    stamp[13] = stamp[16] = 58; // ':'
    stamp[19] = 90; // 'Z'
    stampDay = day;
  }
  const s = seconds - day * 86400;
  setDigits(11, Math.floor(s / 3600));
  setDigits(14, Math.floor((s % 3600) / 60));
  setDigits(17, s % 60);
  return String.fromCharCode.apply(null, stamp);
}

/** Epoch ms of `YYYY-MM-DD` day strings seen by parseTime. */
const dayStarts = new Map<string, number>();

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;

/**
 * Parses an RFC 3339 timestamp into epoch milliseconds (NaN when malformed). The canonical
 * `2026-11-21T10:00:15Z` form takes a fast path: the metrics read one per pod per new object.
 */
export function parseTime(text: string): number {
  if (
    text.length === 20 &&
    text[10] === 'T' &&
    text[13] === ':' &&
    text[16] === ':' &&
    text[19] === 'Z'
  ) {
    const key = text.slice(0, 10);
    let day = dayStarts.get(key);
    if (day === undefined) {
      if (dayStarts.size > 4096) dayStarts.clear();
      day = Date.parse(`${key}T00:00:00Z`);
      dayStarts.set(key, day);
    }
    const h = digit(text, 11) * 10 + digit(text, 12);
    const m = digit(text, 14) * 10 + digit(text, 15);
    const s = digit(text, 17) * 10 + digit(text, 18);
    return day + h * HOUR + m * MINUTE + s * SECOND;
  }
  return Date.parse(text);
}

/** Formats a fixed-point number of units without trailing zeros (`1.5`, `10.228`, `2`). */
function trimFraction(value: number, decimals: number): string {
  return value.toFixed(decimals).replace(/\.?0+$/, '');
}

/**
 * Formats milliseconds like Go's `time.Duration.String()`: `500ms`, `15s`, `10.228s`,
 * `1m0s`, `1m30s`, `1h0m0s`. Sub-millisecond precision is not needed here.
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < SECOND) return `${sign}${trimFraction(abs, 3)}ms`;
  const hours = Math.floor(abs / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  const seconds = trimFraction((abs % MINUTE) / SECOND, 3);
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}
