import { describe, expect, it } from 'vitest';
import { matchesLabels, parseLabelSelector, SelectorParseError } from './labels.js';

const match = (selector: string, labels?: Record<string, string>): boolean =>
  matchesLabels(parseLabelSelector(selector), labels);

describe('parseLabelSelector', () => {
  it('parses every operator form', () => {
    expect(parseLabelSelector('a=1, b==2,c!=3,d in (x, y),e notin (z),f,!g,h>4,i<5')).toEqual([
      { key: 'a', operator: '=', values: ['1'] },
      { key: 'b', operator: '=', values: ['2'] },
      { key: 'c', operator: '!=', values: ['3'] },
      { key: 'd', operator: 'in', values: ['x', 'y'] },
      { key: 'e', operator: 'notin', values: ['z'] },
      { key: 'f', operator: 'exists', values: [] },
      { key: 'g', operator: '!', values: [] },
      { key: 'h', operator: '>', values: ['4'] },
      { key: 'i', operator: '<', values: ['5'] },
    ]);
  });

  it('accepts prefixed keys, empty values and the empty selector', () => {
    expect(parseLabelSelector('')).toEqual([]);
    expect(parseLabelSelector('  ')).toEqual([]);
    expect(parseLabelSelector('app.kubernetes.io/name=web,x=')).toEqual([
      { key: 'app.kubernetes.io/name', operator: '=', values: ['web'] },
      { key: 'x', operator: '=', values: [''] },
    ]);
  });

  it.each([
    'a in x',
    'a in (x',
    'a in ()',
    'a b',
    '=x',
    'a=b=c',
    'a,',
    '-bad=1',
    'a=-bad',
    'a>x',
    'a in (x) y',
  ])('rejects %j', (selector) => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorParseError);
  });

  it('words errors like the apiserver', () => {
    expect(() => parseLabelSelector('a in x')).toThrow(/^unable to parse requirement: /);
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'front', n: '7' };
  it('applies equality and set semantics', () => {
    expect(match('app=web', labels)).toBe(true);
    expect(match('app==db', labels)).toBe(false);
    expect(match('app in (db, web)', labels)).toBe(true);
    expect(match('app notin (db, web)', labels)).toBe(false);
    expect(match('tier,app=web', labels)).toBe(true);
    expect(match('tier,app=db', labels)).toBe(false);
    expect(match('!tier', labels)).toBe(false);
    expect(match('!missing', labels)).toBe(true);
    expect(match('n>6,n<8', labels)).toBe(true);
    expect(match('n>7', labels)).toBe(false);
  });

  it('lets != and notin match objects without the key, and nothing else', () => {
    expect(match('missing!=x', labels)).toBe(true);
    expect(match('missing notin (x)', labels)).toBe(true);
    expect(match('missing in (x)', labels)).toBe(false);
    expect(match('missing', labels)).toBe(false);
    expect(match('missing=x', undefined)).toBe(false);
    expect(match('missing!=x', undefined)).toBe(true);
    expect(match('', undefined)).toBe(true);
  });
});
