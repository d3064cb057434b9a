/**
 * Every repository file a hint, fix or docs link names must exist (a 403 hint once named
 * `deploy/rbac.yaml`, which never did). Scans the shipped sources of every package for
 * repo-relative paths under `deploy/` and `docs/`, and every `docs/…md#anchor` the
 * diagnostics link to for an anchor in that file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CHECK_IDS } from '@kubeglance/shared/api';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_DIRS = ['server/src', 'web/src', 'shared/src', 'sim/src'];
// A path under deploy/ or docs/ with a file extension (`deploy/metrics-server` is a kubectl
// resource, not a file), optionally with an #anchor.
const PATH = /\b((?:deploy|docs)\/[\w./-]*\w\.(?:ya?ml|md|json|conf|txt))(#[\w-]+)?/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

interface Mention {
  file: string;
  path: string;
  anchor: string | undefined;
}

/** The repo paths mentioned in `text`. */
function mentionedPaths(text: string): { path: string; anchor: string | undefined }[] {
  return [...text.matchAll(PATH)].map((m) => ({ path: m[1]!, anchor: m[2]?.slice(1) }));
}

/** The mentions whose file, or whose anchor in a Markdown file, does not exist. */
function missing(mentions: readonly Mention[]): Mention[] {
  return mentions.filter(({ path, anchor }) => {
    const full = join(root, path);
    if (!existsSync(full)) return true;
    return anchor != null && !hasAnchor(readFileSync(full, 'utf8'), anchor);
  });
}

function hasAnchor(markdown: string, anchor: string): boolean {
  return markdown.includes(`<a id="${anchor}"></a>`);
}

const mentions: Mention[] = SOURCE_DIRS.flatMap((d) =>
  sourceFiles(join(root, d)).flatMap((file) =>
    mentionedPaths(readFileSync(file, 'utf8')).map((m) => ({
      ...m,
      file: relative(root, file),
    })),
  ),
);

describe('paths named by hints and docs links', () => {
  it('finds the known ones (the scan itself works)', () => {
    const paths = mentions.map((m) => m.path);
    expect(paths).toContain('deploy/kubernetes/rbac.yaml');
    expect(paths).toContain('docs/troubleshooting.md');
  });

  it('all exist in the repository', () => {
    expect(missing(mentions)).toEqual([]);
  });

  it('would flag a file that does not exist, and an anchor that does not', () => {
    const bad = [
      { file: 'x.ts', ...mentionedPaths('see deploy/rbac.yaml')[0]! },
      { file: 'x.ts', ...mentionedPaths('docs/troubleshooting.md#no-such-section')[0]! },
    ];
    expect(missing(bad).map((m) => m.path + (m.anchor ? `#${m.anchor}` : ''))).toEqual([
      'deploy/rbac.yaml',
      'docs/troubleshooting.md#no-such-section',
    ]);
  });

  it('every diagnostics check links to a section of docs/troubleshooting.md', () => {
    const doc = readFileSync(join(root, 'docs/troubleshooting.md'), 'utf8');
    expect(DIAGNOSTIC_CHECK_IDS.filter((id) => !hasAnchor(doc, id))).toEqual([]);
  });
});
