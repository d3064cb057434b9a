/**
 * The server's parameters in each language: name lists with "and N more" through
 * Intl.ListFormat, counts of 0, 1 and many, durations, and sentences that must not say
 * "0 of them" (the server picks the sentence by its numbers).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nameList } from '@kubeglance/shared/phrase';
import type { Problem } from '@kubeglance/shared/api';
import { setLanguage } from './i18n';
import type { Language } from './languages';
import { formatNames, renderParams } from './params';
import { phraseText } from './phrase';
import { problemMessage } from './problem';

afterEach(() => setLanguage('en', false));

const NODES = ['node-1', 'node-2', 'node-3', 'node-4', 'node-5', 'node-6', 'node-7'];

const inLanguage = <T>(lang: Language, fn: () => T): T => {
  setLanguage(lang, false);
  return fn();
};

describe('name lists', () => {
  it.each([
    ['en', '', 'node-1', 'node-1 and node-2', 'node-1, node-2, node-3, and 4 more'],
    ['zh-CN', '', 'node-1', 'node-1和node-2', 'node-1、node-2、node-3和其他 4 个'],
    ['ja', '', 'node-1', 'node-1、node-2', 'node-1、node-2、node-3、他 4 件'],
  ] as const)(
    '%s: none, one, two, and many with the rest counted',
    (lang, none, one, two, many) => {
      inLanguage(lang, () => {
        expect(formatNames(nameList([], 3))).toBe(none);
        expect(formatNames(nameList(NODES.slice(0, 1), 3))).toBe(one);
        expect(formatNames(nameList(NODES.slice(0, 2), 3))).toBe(two);
        expect(formatNames(nameList(NODES, 3))).toBe(many);
      });
    },
  );

  it('counts the rest in the locale’s digits grouping', () => {
    const list = { names: ['a'], total: 1235 };
    expect(inLanguage('ja', () => formatNames(list))).toBe('a、他 1,234 件');
  });
});

describe('parameters', () => {
  it('renders lists, counts and durations (…Ms); strings stay as sent', () => {
    const params = { names: nameList(NODES, 2), n: 7, ageMs: 180_000, url: 'http://prom:9090' };
    expect(inLanguage('zh-CN', () => renderParams(params))).toEqual({
      names: 'node-1、node-2和其他 5 个',
      n: '7',
      ageMs: '3分钟',
      url: 'http://prom:9090',
    });
  });

  it('refuses parameters off the contract, so the server’s English is shown instead', () => {
    expect(renderParams({ names: { names: ['a', 'b'], total: 1 } })).toBeNull();
    expect(renderParams({ names: ['a', 'b'] })).toBeNull();
    const phrase = { code: 'freshness.skew', params: { count: 1, names: [] }, text: 'English.' };
    // Deliberately off the contract: an array is not a name list.
    expect(inLanguage('ja', () => phraseText(phrase as never))).toBe('English.');
  });
});

describe('sentences with counts', () => {
  const skew = (names: string[]) => ({
    code: 'freshness.skew',
    params: { count: names.length, names: nameList(names, 5) },
    text: `${names.length} node clock(s) run ahead.`,
  });

  it('names one node or many, the rest counted, in each language', () => {
    expect(inLanguage('ja', () => phraseText(skew(['node-1'])))).toBe(
      '1 ノードの時計が kubeglance より進んでいます：node-1。',
    );
    expect(inLanguage('zh-CN', () => phraseText(skew(NODES)))).toContain(
      'node-1、node-2、node-3、node-4、node-5和其他 2 个',
    );
    expect(inLanguage('en', () => phraseText(skew(NODES)))).toBe('7 node clock(s) run ahead.');
  });

  it('pods without metrics: no "0 of them on nodes without metrics" clause', () => {
    const pods = (code: string, onMissingNodes: number) => ({
      code,
      params: { count: 3, onMissingNodes, names: nameList(['a/x', 'a/y', 'a/z'], 5) },
      text: '',
    });
    for (const lang of ['ja', 'zh-CN'] as const) {
      const none = inLanguage(lang, () => phraseText(pods('pods.missing', 0)));
      expect(none, lang).not.toMatch(/[（(]|\b0\b|其中/);
      expect(none, lang).toContain('3');
      const some = inLanguage(lang, () =>
        phraseText(pods('pods.missing-some-on-missing-nodes', 2)),
      );
      expect(some, lang).toMatch(/[（(].*2.*[）)]/);
    }
  });

  it('pipeline problems are said with their names and numbers', () => {
    const problem: Pick<Problem, 'code' | 'message' | 'params'> = {
      code: 'nodes-missing-metrics',
      message: '7 node(s) have no metrics: node-1, node-2, node-3, node-4, node-5 and 2 more.',
      params: { n: 7, names: nameList(NODES, 5) },
    };
    expect(inLanguage('en', () => problemMessage(problem))).toBe(problem.message);
    expect(inLanguage('ja', () => problemMessage(problem))).toBe(
      '7 個のノードがメトリクスを報告していません：node-1、node-2、node-3、node-4、node-5、他 2 件。',
    );
    expect(inLanguage('zh-CN', () => problemMessage(problem))).toBe(
      '7 个节点没有上报指标：node-1、node-2、node-3、node-4、node-5和其他 2 个。',
    );
    // Without parameters (a problem whose sentence has none): the code's general sentence.
    expect(inLanguage('ja', () => problemMessage({ code: 'throttled', message: 'x' }))).toMatch(
      /429/,
    );
  });
});
