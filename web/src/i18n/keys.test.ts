/**
 * Every language has every key (and the same placeholders), every key the code asks for
 * exists, and no key sits unused: the source is scanned for the keys it names, literally or
 * as a template (`containerKind.${kind}.label`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resources } from './i18n';
import { LANGUAGES } from './languages';

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

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'locales' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

const source = sourceFiles(SRC)
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const en = flatten(resources.en.translation as unknown as Tree);

/** Literal keys in quotes, and templates turned into patterns (`${…}` matches one segment). */
const literals = new Set(
  [...source.matchAll(/['"`]([a-zA-Z]+(?:\.[\w-]+)+)['"`]/g)].map((m) => m[1]),
);
const templates = [...source.matchAll(/t\(`([^`]*\$\{[^`]*)`/g)].map(
  (m) =>
    new RegExp(
      `^${m[1]!
        .split(/\$\{[^}]*\}/)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('[\\w-]+')}$`,
    ),
);

describe('translations', () => {
  for (const lang of LANGUAGES) {
    const keys = flatten(resources[lang].translation as unknown as Tree);
    it(`${lang} has exactly the English keys, each non-empty with the same placeholders`, () => {
      expect([...keys.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of keys) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(en.get(key)!));
      }
    });
  }

  it('no placeholder takes the name of an i18next option (`ns` would pick a namespace)', () => {
    const reserved = ['ns', 'lng', 'lngs', 'count', 'context', 'defaultValue', 'replace'];
    const clashes = [...en].filter(([, text]) =>
      placeholders(text).some((p) => reserved.includes(p!)),
    );
    expect(clashes).toEqual([]);
  });

  it('every key the code asks for literally exists in English', () => {
    const asked = [...source.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!);
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((k) => !en.has(k))).toEqual([]);
  });

  it('every English key is used by the code', () => {
    const unused = [...en.keys()].filter(
      (k) => !literals.has(k) && !templates.some((re) => re.test(k)),
    );
    expect(unused).toEqual([]);
  });
});
