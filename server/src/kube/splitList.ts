/**
 * A Kubernetes list read item by item: the bytes of each element of the top-level `items`
 * array are found by a scan that only tracks strings and brackets, and each is parsed when it
 * is read. One `JSON.parse` of a 56 MiB PodMetricsList built every item's objects at once
 * (hundreds of MiB in the parse worker, and the collection of them); item by item, only one
 * lives at a time, and the whole takes about half the CPU (issue 12).
 *
 * Exactness: a document is split only when its shape is plain (an object with one `items`
 * key whose value is an array); anything else returns null and is parsed whole as before. A
 * split document is valid JSON exactly when its envelope (the document with `[]` for the
 * items) and every item parse, which they are checked to do: the separators between items
 * are checked by the scan, and an item that is not JSON throws {@link ItemSyntaxError}.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ITEMS_KEY = Buffer.from('"items"');

/** The document is not JSON, found while reading one of its items. */
export class ItemSyntaxError extends SyntaxError {
  override name = 'ItemSyntaxError';
}

/** A list whose items are parsed one at a time, when read. */
export class SplitList {
  constructor(
    /** The document without its items (`items: []`), parsed. */
    readonly envelope: unknown,
    private readonly bytes: Buffer,
    /** Start and end offset of each item, in pairs. */
    private readonly bounds: readonly number[],
  ) {}

  get length(): number {
    return this.bounds.length / 2;
  }

  /** Item `i`, parsed now; throws {@link ItemSyntaxError} when it is not JSON. */
  at(i: number): unknown {
    const text = this.bytes.toString('utf8', this.bounds[i * 2], this.bounds[i * 2 + 1]);
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ItemSyntaxError(`item ${i}: ${(e as Error).message}`);
    }
  }
}

/** JSON white space. */
const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** A literal (number, true, false, null) ends at a separator, a closing bracket or space. */
const endsLiteral = (c: number | undefined) =>
  c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || isSpace(c);

/** The offset just past the string starting at `i` (a quote), or -1 when it never ends. */
function stringEnd(b: Buffer, i: number): number {
  for (let j = i + 1; j < b.length; j++) {
    const c = b[j];
    if (c === BACKSLASH) j++;
    else if (c === QUOTE) return j + 1;
  }
  return -1;
}

/** The offset just past the value starting at `i`, tracking strings and brackets only. */
function valueEnd(b: Buffer, i: number): number {
  const first = b[i];
  if (first === QUOTE) return stringEnd(b, i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number or literal: up to the next separator (JSON.parse judges what it is).
    let j = i;
    while (j < b.length && !endsLiteral(b[j])) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < b.length; j++) {
    const c = b[j];
    if (c === QUOTE) {
      j = stringEnd(b, j) - 1;
      if (j < 0) return -1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return j + 1;
    }
  }
  return -1;
}

function skipSpace(b: Buffer, i: number): number {
  while (isSpace(b[i])) i++;
  return i;
}

/** Item bounds of the array starting at `open`, and the offset past it; null when odd. */
function arrayItems(b: Buffer, open: number): { bounds: number[]; close: number } | null {
  const bounds: number[] = [];
  let i = skipSpace(b, open + 1);
  if (b[i] === CLOSE_BRACKET) return { bounds, close: i };
  for (;;) {
    const end = valueEnd(b, i);
    if (end <= i) return null;
    bounds.push(i, end);
    i = skipSpace(b, end);
    if (b[i] === CLOSE_BRACKET) return { bounds, close: i };
    if (b[i] !== COMMA) return null;
    i = skipSpace(b, i + 1);
  }
}

/**
 * The top-level `items` array's bounds: the document must be an object whose keys are read
 * in turn; null for any other shape, a second `items` key, or anything the scan cannot place.
 */
function findItems(b: Buffer): { open: number; bounds: number[]; close: number } | null {
  let i = skipSpace(b, 0);
  if (b[i] !== OPEN_BRACE) return null;
  let found: { open: number; bounds: number[]; close: number } | null = null;
  i = skipSpace(b, i + 1);
  if (b[i] === CLOSE_BRACE) return null;
  for (;;) {
    if (b[i] !== QUOTE) return null;
    const keyEnd = stringEnd(b, i);
    if (keyEnd < 0) return null;
    const isItems = keyEnd - i === ITEMS_KEY.length && b.compare(ITEMS_KEY, 0, 7, i, keyEnd) === 0;
    i = skipSpace(b, keyEnd);
    if (b[i] !== COLON) return null;
    i = skipSpace(b, i + 1);
    if (isItems) {
      if (found !== null || b[i] !== OPEN_BRACKET) return null;
      const items = arrayItems(b, i);
      if (items === null) return null;
      found = { open: i, ...items };
      i = items.close + 1;
    } else {
      const end = valueEnd(b, i);
      if (end <= i) return null;
      i = end;
    }
    i = skipSpace(b, i);
    if (b[i] === CLOSE_BRACE) return found;
    if (b[i] !== COMMA) return null;
    i = skipSpace(b, i + 1);
  }
}

/**
 * The list split into its envelope and items, or null to parse it whole. Throws a
 * SyntaxError when the envelope is not JSON (the document then is not either).
 */
export function splitList(bytes: Buffer): SplitList | null {
  // A byte-order mark: decoders drop it, and so does a whole parse of the decoded text.
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const items = findItems(body);
  if (items === null) return null;
  const envelope =
    body.toString('utf8', 0, items.open) + '[]' + body.toString('utf8', items.close + 1);
  return new SplitList(JSON.parse(envelope), body, items.bounds);
}
