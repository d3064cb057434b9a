/**
 * Go `time.ParseDuration` for every duration a person or an apiserver writes: flags
 * (`--retention 1h`), URL parameters (`rotate=20s`) and metrics windows (`window: 10.228s`).
 *
 * Grammar, as in Go: an optional sign, then either a lone `0` or one or more decimal numbers each
 * followed by a unit (`ns`, `us`, `µs`/`μs`, `ms`, `s`, `m`, `h`), e.g. `15s`, `1m30s`, `1.5h`,
 * `500ms`, `.5s`. Units are case-sensitive and there are no days, exactly as in Go, so what
 * kubectl and the Go components accept is what we accept. A bare number other than `0` is refused
 * (Go refuses it too: `30` could mean seconds or milliseconds).
 *
 * Durations are returned in (possibly fractional) milliseconds; callers round if they must.
 */

/** The only error {@link parseDurationMs} throws; `input` is the offending text. */
export class DurationError extends Error {
  override readonly name = 'DurationError';
  readonly input: string;

  constructor(input: string, detail: string) {
    super(`invalid duration ${JSON.stringify(input)}: ${detail}`);
    this.input = input;
  }
}

const UNIT_MS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3, // U+00B5 micro sign
  μs: 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
};

// One `<number><unit>` term; the number may be `1`, `1.5`, `1.` or `.5` but not `.`.
const TERM = /(\d+\.?\d*|\.\d+)([a-zµμ]+)/y;

/** Parses a Go duration to milliseconds; throws {@link DurationError} when malformed. */
export function parseDurationMs(text: string): number {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new DurationError(text, 'empty');
  let total = 0;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < rest.length) {
    const at = TERM.lastIndex;
    const m = TERM.exec(rest);
    if (!m) throw new DurationError(text, `expected a number and a unit at "${rest.slice(at)}"`);
    const unit = UNIT_MS[m[2] ?? ''];
    if (unit === undefined) {
      throw new DurationError(text, `unknown unit "${m[2] ?? ''}" (use ns, us, ms, s, m or h)`);
    }
    total += Number(m[1]) * unit;
  }
  if (!Number.isFinite(total)) throw new DurationError(text, 'out of range');
  return sign * total + 0;
}
