import { describe, expect, it } from 'vitest';
import { ItemSyntaxError, splitList } from './splitList.js';

/** What reading a document gives: the envelope and items, or that it is not JSON. */
function readSplit(text: string): { ok: true; value: unknown } | { ok: false } | null {
  let split;
  try {
    split = splitList(Buffer.from(text));
  } catch (e) {
    expect(e).toBeInstanceOf(SyntaxError);
    return { ok: false };
  }
  if (split === null) return null;
  try {
    const items = Array.from({ length: split.length }, (_, i) => split.at(i));
    return { ok: true, value: { ...(split.envelope as object), items } };
  } catch (e) {
    expect(e).toBeInstanceOf(ItemSyntaxError);
    return { ok: false };
  }
}

function readWhole(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const LIST = {
  kind: 'PodMetricsList',
  metadata: { resourceVersion: '', note: 'a "quoted" ] } , [ { text' },
  items: [
    { metadata: { name: 'p1', namespace: 'ns' }, containers: [{ name: 'a', usage: {} }] },
    { metadata: { name: 'ü\\"}]', namespace: '名前' }, timestamp: null, n: -1.5e3 },
    42,
    'text ] with , brackets',
    null,
    true,
    [[], [1, [2]], {}],
  ],
  after: [1, 2, { items: [] }],
};

describe('splitList', () => {
  it.each([
    ['compact', JSON.stringify(LIST)],
    ['indented', JSON.stringify(LIST, null, 2)],
    ['items first', JSON.stringify({ items: LIST.items, kind: 'x', n: 5 })],
    ['no items', JSON.stringify({ kind: 'x', items: [] })],
    ['one number item, spaces', ' \r\n{ "items" :\t[ 7 ] , "x" : 1 } \n'],
    ['byte-order mark', '\ufeff' + JSON.stringify(LIST)],
  ])('reads a %s list item by item, exactly as a whole parse', (_, text) => {
    const split = readSplit(text);
    expect(split).not.toBeNull();
    expect(split).toEqual(readWhole(text.replace(/^\ufeff/, '')));
  });

  it.each([
    ['not an object', '[1, 2]'],
    ['items null', '{"items": null}'],
    ['items twice', '{"items": [1], "items": [2]}'],
    ['items escaped', '{"\\u0069tems": [1]}'],
    ['empty object', '{}'],
  ])('leaves a list that is %s to the whole parse', (_, text) => {
    expect(readSplit(text)).toBeNull();
  });

  it('agrees with a whole parse on every mangled document: same values, or both not JSON', () => {
    const text = JSON.stringify(LIST, null, 1);
    // Deterministic PRNG (mulberry32) so a failure is reproducible.
    let seed = 12345;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const marks = ['{', '}', '[', ']', '"', '\\', ',', ':', ' ', '1', 'n', ''];
    let split = 0;
    let invalid = 0;
    for (let n = 0; n < 4000; n++) {
      let t = text;
      for (let k = 1 + Math.floor(random() * 2); k > 0; k--) {
        const at = Math.floor(random() * t.length);
        const mark = marks[Math.floor(random() * marks.length)]!;
        // Replace, insert or delete one character.
        const cut = random() < 0.5 ? 1 : 0;
        t = t.slice(0, at) + mark + t.slice(at + cut);
      }
      const whole = readWhole(t);
      const parts = readSplit(t);
      if (!whole.ok) invalid++;
      if (parts === null) continue;
      split++;
      expect(parts, t).toEqual(whole);
    }
    // Most documents were split, and many of them were not JSON.
    expect(split).toBeGreaterThan(2000);
    expect(invalid).toBeGreaterThan(1000);
  });
});
