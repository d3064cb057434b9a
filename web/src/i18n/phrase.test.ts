/**
 * The diagnostics' sentences: both translations have the same codes with the same
 * placeholders, every code is one the server's checks produce, and they render with the
 * server's parameters (English stays the server's own text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from './i18n';
import { phraseKey, phraseText } from './phrase';
import { phrasesJa } from './phrases/ja';
import { phrasesZhCN } from './phrases/zh-CN';

type Tree = { [key: string]: string | Tree };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

const DIAGNOSTICS = join(import.meta.dirname, '../../../server/src/diagnostics');
const serverSource = (dir: string): string =>
  readdirSync(dir, { withFileTypes: true })
    .map((d) =>
      d.isDirectory()
        ? serverSource(join(dir, d.name))
        : d.name.endsWith('.ts')
          ? readFileSync(join(dir, d.name), 'utf8')
          : '',
    )
    .join('\n');

afterEach(() => setLanguage('en', false));

describe('diagnostics phrases', () => {
  const zh = flatten(phrasesZhCN);
  const ja = flatten(phrasesJa as Tree);

  it('zh-CN and ja translate the same codes with the same placeholders', () => {
    expect([...ja.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [key, text] of zh)
      expect(placeholders(ja.get(key)!), key).toEqual(placeholders(text));
  });

  it('every code is one the server produces', () => {
    const source = serverSource(DIAGNOSTICS);
    const unknown = [...zh.keys()]
      .map((k) => k.split('.').at(-1)!)
      .filter((code) => !source.includes(`'${code}'`));
    expect(unknown).toEqual([]);
  });

  it('renders the sentence with the server’s parameters, English as the server said it', () => {
    const phrase = {
      code: 'apiserver.ok',
      params: { version: 'v1.31.2' },
      text: 'The API server answers (v1.31.2).',
    };
    expect(phraseText(phrase)).toBe('The API server answers (v1.31.2).');
    setLanguage('ja', false);
    expect(phraseText(phrase)).toBe('APIサーバーが応答しています（v1.31.2）。');
    setLanguage('zh-CN', false);
    expect(
      phraseText({ code: 'warmup.not-checked', params: { because: 'apiservice' }, text: '' }),
    ).toBe('未检查：需要先修复“APIService v1beta1.metrics.k8s.io”环节。');
    // A code this build does not know: the server's English rather than nothing.
    expect(phraseText({ code: 'apiserver.new-code', params: {}, text: 'Something new.' })).toBe(
      'Something new.',
    );
  });

  it('shares the not-checked sentence between links; not-allowed names its resource per link', () => {
    expect(phraseKey('kubelet-scrape.not-allowed')).toBe('kubelet-scrape.not-allowed');
    expect(phraseKey('kubelet-scrape.not-checked')).toBe('any.not-checked');
    expect(phraseKey('kubelet-scrape.ok')).toBe('kubelet-scrape.ok');
  });
});
