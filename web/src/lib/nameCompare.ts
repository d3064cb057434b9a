/**
 * Comparing names as people read them ("node-2" before "node-10", case ignored), fast.
 * `Intl.Collator` with numeric collation costs about a microsecond a call: sorting 10,000 pods
 * by name (or breaking ties by name) took well over 100 ms in it. Kubernetes names are ASCII
 * letters, digits, `-` and `.`; for those this gives the collator's order by plain character
 * codes (where `-` < `.` < digits < letters, as in the collator) and digit runs by value. Any
 * other character hands the pair to the collator, so the order is the collator's throughout.
 */

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const DASH = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const UPPER_A = 65;
const UPPER_Z = 90;
const LOWER_A = 97;
const LOWER_Z = 122;

const isDigit = (c: number) => c >= ZERO && c <= NINE;

/** The character's weight (case folded), or -1 for a character outside the simple set. */
function simple(c: number): number {
  if (c >= LOWER_A && c <= LOWER_Z) return c - 32;
  if ((c >= UPPER_A && c <= UPPER_Z) || isDigit(c) || c === DASH || c === DOT) return c;
  return -1;
}

/** End of the digit run starting at `i`. */
function digitsEnd(s: string, i: number): number {
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** Compares the digit runs a[i..ie) and b[j..je) by value; leading zeros do not count. */
function compareRuns(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  while (i < ie - 1 && a.charCodeAt(i) === ZERO) i++;
  while (j < je - 1 && b.charCodeAt(j) === ZERO) j++;
  if (ie - i !== je - j) return ie - i - (je - j);
  for (; i < ie; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d;
  }
  return 0;
}

/** Negative, zero or positive as `Intl.Collator('en', {numeric, sensitivity: 'base'})`. */
export function compareNames(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      const ie = digitsEnd(a, i);
      const je = digitsEnd(b, j);
      const byValue = compareRuns(a, i, ie, b, j, je);
      if (byValue !== 0) return byValue < 0 ? -1 : 1;
      i = ie;
      j = je;
      continue;
    }
    const wa = simple(ca);
    const wb = simple(cb);
    if (wa < 0 || wb < 0) return collator.compare(a, b);
    if (wa !== wb) return wa < wb ? -1 : 1;
    i++;
    j++;
  }
  // One is a prefix of the other; the rest may still hold a character only the collator knows.
  for (let k = i; k < a.length; k++) if (simple(a.charCodeAt(k)) < 0) return collator.compare(a, b);
  for (let k = j; k < b.length; k++) if (simple(b.charCodeAt(k)) < 0) return collator.compare(a, b);
  return a.length - i === b.length - j ? 0 : a.length - i < b.length - j ? -1 : 1;
}
