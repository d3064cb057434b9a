import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../model/types.js';
import {
  ContinueTokenError,
  decodeContinue,
  encodeContinue,
  inKeyOrder,
  indexAfter,
  namespaceRange,
  objectKey,
  takePage,
} from './paging.js';

const obj = (namespace: string | undefined, name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, uid: name, resourceVersion: '1', creationTimestamp: '' },
});

const sorted = [
  obj('a', 'p1'),
  obj('a', 'p2'),
  obj('a-b', 'p1'),
  obj('b', 'p0'),
  obj('b', 'p9'),
  obj('c', 'p5'),
];

describe('continue tokens', () => {
  it('round-trip and stay opaque (URL-safe)', () => {
    const raw = encodeContinue({ rv: 42, after: objectKey(obj('b', 'p0')) });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeContinue(raw)).toEqual({ rv: 42, after: 'b\u0000p0' });
  });

  it.each([
    'not base64!',
    Buffer.from('{}').toString('base64url'),
    Buffer.from('nonsense').toString('base64url'),
    Buffer.from(JSON.stringify({ v: 'kubeglance-sim/v1', rv: -1, start: 'x' })).toString(
      'base64url',
    ),
    Buffer.from(JSON.stringify({ v: 'other', rv: 1, start: 'x' })).toString('base64url'),
  ])('reject %j', (raw) => {
    expect(() => decodeContinue(raw)).toThrow(ContinueTokenError);
  });
});

describe('keyed paging', () => {
  it('keeps a sorted list as is and sorts a differently collated one', () => {
    expect(inKeyOrder(sorted)).toBe(sorted);
    const shuffled = [
      sorted[3],
      sorted[0],
      sorted[5],
      sorted[2],
      sorted[1],
      sorted[4],
    ] as KubeObject[];
    expect(inKeyOrder(shuffled).map(objectKey)).toEqual(sorted.map(objectKey));
  });

  it('finds namespace ranges without confusing prefixes (a vs a-b)', () => {
    expect(namespaceRange(sorted, 'a')).toEqual([0, 2]);
    expect(namespaceRange(sorted, 'a-b')).toEqual([2, 3]);
    expect(namespaceRange(sorted, 'zz')).toEqual([6, 6]);
    const cluster = [obj(undefined, 'n1'), obj(undefined, 'n2')];
    expect(namespaceRange(cluster, '')).toEqual([0, 2]);
  });

  it('resumes after a key even when that item is gone', () => {
    expect(indexAfter(sorted, objectKey(obj('a', 'p2')))).toBe(2);
    expect(indexAfter(sorted, objectKey(obj('b', 'p5')))).toBe(4); // deleted between pages
  });

  it('walks every item exactly once across pages, with filters', () => {
    const accept = (o: KubeObject): boolean => o.metadata.name !== 'p9';
    const seen: string[] = [];
    let start = 0;
    for (let guard = 0; guard < 10; guard++) {
      const page = takePage(sorted, start, sorted.length, 2, accept);
      seen.push(...page.items.map(objectKey));
      if (page.nextAfter === undefined) break;
      start = indexAfter(sorted, page.nextAfter);
    }
    expect(seen).toEqual(sorted.filter(accept).map(objectKey));
  });

  it('promises no empty trailing page and counts what remains', () => {
    const page = takePage(sorted, 0, sorted.length, 6, () => true);
    expect(page.nextAfter).toBeUndefined();
    const first = takePage(sorted, 0, sorted.length, 4, () => true);
    expect(first.remaining).toBe(2);
  });
});
