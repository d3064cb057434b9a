/**
 * Exact parsing of Kubernetes `resource.Quantity` strings (`7990556n`, `14064Ki`, `1.5Gi`).
 *
 * Mirrors apimachinery's `ParseQuantity` + `ScaledValue` without ever going through a float:
 * the digits become a BigInt and the suffix an exact power of ten or of two, so `0.1` cores is
 * exactly 100000000 nanocores and `1.1Gi` is exactly ceil(1181116006.4) = 1181116007 bytes.
 *
 * Rounding, as in apimachinery (pkg/api/resource):
 * - Parsing keeps a value down to nano-units; a finer non-zero remainder rounds *away from zero*
 *   (`0.1n` → 1n, `3.001n` → 4n, `-0.1n` → -1n): "if you asked for some, you get some".
 * - `ScaledValue(scale)` (so `Value()` and `MilliValue()`) rounds a fraction up, away from zero,
 *   for positive values (`1.5` → 2 bytes). For negatives the int64 path (every ordinary parsed
 *   value) also rounds away from zero (`-1.5` → -2) and so do we; apimachinery's inf.Dec path is
 *   inconsistent there, which only matters for values that never appear in metrics.
 * - A binary-SI value above 2^63-1 is silently capped to 2^63-1, as apimachinery does.
 *
 * Deliberate differences, all on inputs no apiserver emits: apimachinery's scanner takes a number
 * with no digits at all (`+`, `-`, `.`, `Mi`) as zero; we reject it so a broken producer is loud.
 * An exponent outside int32 (which apimachinery wraps) and a magnitude of 1e40 or more are
 * `quantity-out-of-range` instead of a value no integer accessor could return.
 */

/** Why a quantity was refused: malformed text, or a value our integer outputs cannot hold. */
export type QuantityErrorCode = 'invalid-quantity' | 'quantity-out-of-range';

/** The only error the parsers throw for bad input; `input` is the offending string. */
export class QuantityError extends Error {
  override readonly name = 'QuantityError';
  readonly code: QuantityErrorCode;
  readonly input: string;

  constructor(code: QuantityErrorCode, input: string, detail: string) {
    super(`${code}: ${JSON.stringify(input)}: ${detail}`);
    this.code = code;
    this.input = input;
  }
}

/** A parsed quantity, exactly as apimachinery holds it after parsing: whole nano-units. */
export interface Quantity {
  /** The value in units of 10^-9 (already rounded away from zero to the nano); may be negative. */
  readonly nanos: bigint;
  /** The text it was parsed from, kept for error messages. */
  readonly input: string;
}

/** Power-of-ten scales as in apimachinery's `resource.Scale`: an integer counts 10^scale units. */
export const Scale = {
  Nano: -9,
  Micro: -6,
  Milli: -3,
  Unit: 0,
  Kilo: 3,
  Mega: 6,
  Giga: 9,
} as const;

// <sign><digits>[.<digits>] then exactly one suffix: an exponent, a binary SI or a decimal SI
// suffix (possibly empty). Suffixes are case-sensitive: `1K` and `1ki` are errors upstream too.
const QUANTITY_RE =
  /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:([eE][+-]?[0-9]+)|([KMGTPE])i|([numkMGTPE]?))$/;

// prettier-ignore
const DECIMAL_EXPONENT: Readonly<Record<string, number>> = {
  n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18,
};
// prettier-ignore
const BINARY_SHIFT: Readonly<Record<string, number>> = { K: 10, M: 20, G: 30, T: 40, P: 50, E: 60 };

const NANOS_PER_UNIT = 1_000_000_000n;
const INT64_MAX = 2n ** 63n - 1n;
const MAX_NANO_DIGITS = 40 + 9; // |value| < 1e40 units
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Parses a quantity string with apimachinery's grammar into exact nano-units.
 * @throws QuantityError `invalid-quantity` for malformed text, `quantity-out-of-range` for an
 * exponent outside int32 or a magnitude of 1e40 or more.
 */
export function parseQuantity(input: string): Quantity {
  if (typeof input !== 'string') {
    throw new QuantityError('invalid-quantity', String(input), 'not a string');
  }
  const match = QUANTITY_RE.exec(input);
  if (match === null) throw invalid(input, 'expected <sign><digits>[.<digits>]<suffix>');
  const [, sign = '', whole = '', fraction = '', exponent, binary, decimal = ''] = match;
  if (whole.length + fraction.length === 0) throw invalid(input, 'no digits');
  // The fraction digits join the mantissa; dividing by 10^fraction.length puts the point back.
  const mantissa = BigInt(whole + fraction);
  const magnitude =
    binary !== undefined
      ? binaryNanos(mantissa, fraction.length, BINARY_SHIFT[binary] ?? 0, input)
      : shiftToNanos(mantissa, tenExponent(exponent, decimal, input) - fraction.length, input);
  return { nanos: sign === '-' ? -magnitude : magnitude, input };
}

/** Reads the power of ten of an `e<int>` or decimal SI suffix. */
function tenExponent(exponent: string | undefined, decimal: string, input: string): number {
  if (exponent === undefined) return DECIMAL_EXPONENT[decimal] ?? 0;
  const value = BigInt(exponent.slice(1));
  // apimachinery parses the exponent as int64 (error beyond) then wraps it to int32.
  if (!fitsSigned(value, 64)) throw invalid(input, 'exponent overflows int64');
  if (!fitsSigned(value, 32)) throw outOfRange(input, 'exponent beyond int32');
  return Number(value);
}

/** mantissa * 10^(exp10) in nano-units, rounded up (the caller applies the sign). */
function shiftToNanos(mantissa: bigint, exp10: number, input: string): bigint {
  if (mantissa === 0n) return 0n;
  const shift = exp10 + 9;
  const digits = mantissa.toString().length;
  if (shift >= 0) {
    if (digits + shift > MAX_NANO_DIGITS) throw outOfRange(input, 'magnitude of 1e40 or more');
    return mantissa * 10n ** BigInt(shift);
  }
  // Below one nano-unit: apimachinery rounds any non-zero remainder up to the next nano.
  if (-shift > digits) return 1n;
  return ceilDiv(mantissa, 10n ** BigInt(-shift));
}

/** (m / 10^fractionDigits) * 2^shift in nano-units, capped at 2^63-1 like apimachinery. */
function binaryNanos(m: bigint, fractionDigits: number, shift: number, input: string): bigint {
  const scaled = m << BigInt(shift); // = value * 10^fractionDigits
  if (scaled > INT64_MAX * 10n ** BigInt(fractionDigits)) return INT64_MAX * NANOS_PER_UNIT;
  return shiftToNanos(scaled, -fractionDigits, input);
}

function fitsSigned(value: bigint, bits: 32 | 64): boolean {
  return BigInt.asIntN(bits, value) === value;
}

function ceilDiv(numerator: bigint, divisor: bigint): bigint {
  return (numerator + divisor - 1n) / divisor;
}

/**
 * The value as an integer count of 10^scale units, like apimachinery's `ScaledValue`: exact when
 * it divides evenly, otherwise rounded away from zero. Not range-checked (see toScaledInteger).
 */
export function scaledValue(q: Quantity, scale: number): bigint {
  if (!Number.isInteger(scale) || Math.abs(scale) > 30) {
    throw new RangeError(`scale must be an integer in [-30, 30], got ${scale}`);
  }
  const shift = Scale.Nano - scale;
  if (shift >= 0) return q.nanos * 10n ** BigInt(shift);
  const divisor = 10n ** BigInt(-shift);
  return q.nanos < 0n ? -ceilDiv(-q.nanos, divisor) : ceilDiv(q.nanos, divisor);
}

/**
 * `scaledValue` as a plain number.
 * @throws QuantityError `quantity-out-of-range` unless the result is a safe integer.
 */
export function toScaledInteger(q: Quantity, scale: number): number {
  const value = scaledValue(q, scale);
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw outOfRange(q.input, `not a safe integer at scale 10^${scale}`);
  }
  return Number(value);
}

/**
 * CPU quantity → integer nanocores (`214650124n` → 214650124, `1` → 1e9, `0.1n` → 1).
 * @throws QuantityError for malformed text or a result beyond Number.MAX_SAFE_INTEGER.
 */
export function parseCpuNanocores(s: string): number {
  // metrics-server always writes CPU as `<integer>n`: take that exact form without BigInt
  // (a 150,000-pod PodMetricsList holds ~600,000 quantities per poll).
  if (NANO_INT.test(s)) return Number(s.slice(0, -1));
  return toScaledInteger(parseQuantity(s), Scale.Nano);
}

/**
 * Memory quantity → integer bytes (`14064Ki` → 14401536, `1.5` → 2: rounded up like `Value()`).
 * @throws QuantityError for malformed text or a result beyond Number.MAX_SAFE_INTEGER.
 */
export function parseMemoryBytes(s: string): number {
  // ... and memory as `<integer>Ki`: exact in a double while it stays below 2^53.
  if (KI_INT.test(s)) return Number(s.slice(0, -2)) * 1024;
  return toScaledInteger(parseQuantity(s), Scale.Unit);
}

/** Up to 15 digits: always below 2^53, so Number() is exact. */
const NANO_INT = /^\d{1,15}n$/;
/** Up to 12 digits: times 1024 stays below 2^53. */
const KI_INT = /^\d{1,12}Ki$/;

/** parseCpuNanocores, or null for a string it would reject (other errors still throw). */
export function tryParseCpuNanocores(s: string): number | null {
  return orNull(() => parseCpuNanocores(s));
}

/** parseMemoryBytes, or null for a string it would reject (other errors still throw). */
export function tryParseMemoryBytes(s: string): number | null {
  return orNull(() => parseMemoryBytes(s));
}

function orNull(parse: () => number): number | null {
  try {
    return parse();
  } catch (error) {
    if (error instanceof QuantityError) return null;
    throw error;
  }
}

function invalid(input: string, detail: string): QuantityError {
  return new QuantityError('invalid-quantity', input, detail);
}

function outOfRange(input: string, detail: string): QuantityError {
  return new QuantityError('quantity-out-of-range', input, detail);
}
