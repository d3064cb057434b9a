/**
 * Sort keys for names: a string whose plain code-unit order (`<`) is `compareNames`' order, so
 * sorting 10,000 rows compares built-in strings instead of walking two names per comparison.
 * Only for Kubernetes-style names (ASCII letters, digits, `-`, `.`); any other character has
 * no key (null) and the caller compares with `compareNames`, which hands it to the collator.
 *
 * The key folds case (letters as upper case, as `compareNames` weighs them) and writes each
 * digit run as `0`, one character holding its length without leading zeros, then those
 * digits: runs then compare by value, and a run still weighs as a digit against `-`, `.` and
 * letters. Where one name is a prefix of the other, the shorter key is the smaller, as in
 * `compareNames`.
 */

const DASH = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;
/** Run lengths are written as this plus the length: one UTF-16 unit up to 65,000 digits. */
const LENGTH_BASE = 0x100;

/** Keys of names seen lately; names repeat from sort to sort (and node names within one). */
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 100_000;

function build(name: string): string | null {
  let key = '';
  let i = 0;
  while (i < name.length) {
    const c = name.charCodeAt(i);
    if (c >= ZERO && c <= NINE) {
      let end = i;
      while (end < name.length && isDigit(name.charCodeAt(end))) end++;
      let start = i;
      while (start < end - 1 && name.charCodeAt(start) === ZERO) start++;
      key += '0' + String.fromCharCode(LENGTH_BASE + end - start) + name.slice(start, end);
      i = end;
      continue;
    }
    if (c >= LOWER_A && c <= LOWER_Z) key += String.fromCharCode(c - 32);
    else if ((c >= UPPER_A && c <= UPPER_Z) || c === DASH || c === DOT) key += name[i];
    else return null;
    i++;
  }
  return key;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** `name`'s sort key, or null when it holds a character only the collator orders. */
export function collationKey(name: string): string | null {
  let key = cache.get(name);
  if (key !== undefined) return key;
  key = build(name);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(name, key);
  return key;
}
