/**
 * Printing quantities in apimachinery's canonical form (`Quantity.String()`), the form every
 * apiserver and metrics-server response uses: the inverse of `parseQuantity` in quantity.ts.
 *
 * - DecimalSI (CPU): trailing zeros are folded into the largest power-of-ten suffix whose
 *   exponent is a multiple of three, so 0.25 cores is `250m`, 1.5 cores `1500m`, 0.0015 cores
 *   `1500u`, 7990556 nanocores `7990556n`, 2 cores `2` and zero `0`. Never a decimal point.
 * - BinarySI (memory): a whole number of bytes of at least 1024 takes the largest power-of-1024
 *   suffix that divides it exactly (`14064Ki`, `512Mi`, `4Gi`), otherwise plain bytes
 *   (`123456789`); below 1024 bytes, or with a fraction of a byte, it prints as DecimalSI
 *   (`1000` bytes is `1k`), as apimachinery does to avoid rounding.
 */

/** The two formats metrics and resources use. */
export type QuantityFormat = 'DecimalSI' | 'BinarySI';

const DECIMAL_SUFFIX: Readonly<Record<number, string>> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;
const NANOS_PER_UNIT = 1_000_000_000n;

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

/** A value of `nanos` * 10^-9 in DecimalSI canonical form. */
function decimal(nanos: bigint): string {
  if (nanos === 0n) return '0';
  let mantissa = nanos;
  let exponent = -9;
  while (mantissa % 10n === 0n && exponent < 18) {
    mantissa /= 10n;
    exponent++;
  }
  // Down to a multiple of three (exponents beyond E keep E and a longer mantissa).
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  return `${mantissa}${DECIMAL_SUFFIX[exponent] ?? ''}`;
}

/** A whole number of bytes in BinarySI canonical form (the caller checked |bytes| >= 1024). */
function binary(bytes: bigint): string {
  let mantissa = bytes;
  let power = 0;
  while (mantissa % 1024n === 0n && power < BINARY_SUFFIX.length - 1) {
    mantissa /= 1024n;
    power++;
  }
  return `${mantissa}${BINARY_SUFFIX[power]}`;
}

/**
 * The canonical text of a quantity given in nano-units (as `Quantity.nanos` holds it).
 * `formatQuantity(parseQuantity(s).nanos, f)` round-trips every canonical `s`.
 */
export function formatQuantity(nanos: bigint, format: QuantityFormat): string {
  if (
    format === 'BinarySI' &&
    nanos % NANOS_PER_UNIT === 0n &&
    abs(nanos) >= 1024n * NANOS_PER_UNIT
  ) {
    return binary(nanos / NANOS_PER_UNIT);
  }
  return decimal(nanos);
}

/** CPU as metrics-server prints it from integer nanocores (`250m`, `7990556n`, `2`, `0`). */
export function formatCpuCanonical(nanocores: number): string {
  if (!Number.isSafeInteger(nanocores)) throw new RangeError(`not an integer: ${nanocores}`);
  return formatQuantity(BigInt(nanocores), 'DecimalSI');
}

/** Memory as metrics-server prints it from integer bytes (`14064Ki`, `512Mi`, `123456789`). */
export function formatMemoryCanonical(bytes: number): string {
  if (!Number.isSafeInteger(bytes)) throw new RangeError(`not an integer: ${bytes}`);
  return formatQuantity(BigInt(bytes) * NANOS_PER_UNIT, 'BinarySI');
}
