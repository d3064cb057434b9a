/**
 * The browser bench in its quick mode (`BENCH_QUICK=1 tsx bench/run.ts`), so it cannot rot:
 * every target line is printed with a measured figure and the results are written. Whether
 * the targets PASS is not asserted here (a slow CI machine must not fail the suite for it);
 * a bench that breaks, or prints NOT MEASURED, fails.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const E2E_DIR = fileURLToPath(new URL('../', import.meta.url));

function runQuickBench(resultsDir: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/run.ts'], {
      cwd: E2E_DIR,
      env: { ...process.env, BENCH_QUICK: '1', BENCH_RESULTS_DIR: resultsDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, out }));
  });
}

describe('browser bench, quick mode', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints every browser target with a measured figure and writes its results', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kubeglance-browserbench-results-'));
    const { code, out } = await runQuickBench(dir);
    expect(code, out.slice(-4000)).toBe(0);
    const header = out.indexOf('== targets: browser (quick)');
    expect(header, out.slice(-4000)).toBeGreaterThanOrEqual(0);
    expect(out.slice(header)).toMatch(/load average \d+\.\d+, \d+\.\d+/);
    const lines = out
      .slice(header)
      .split('\n')
      .filter((l) => /^(PASS|FAIL|NOT MEASURED)\s/.test(l));
    const subjects = [
      /^\S+\s+2000-pod namespace in the browser: interactive after data/,
      /^\S+\s+2000-pod namespace: sort/,
      /^\S+\s+2000-pod namespace: DOM rows/,
      /^\S+\s+wall screen at 300 nodes: tick re-render/,
      /^\S+\s+wall screen at 300 nodes: tab memory/,
    ];
    expect(lines).toHaveLength(subjects.length);
    subjects.forEach((subject, i) => expect(lines[i]).toMatch(subject));
    for (const line of lines) {
      expect(line).toMatch(/^(PASS|FAIL) /);
      // The figure: what follows the colon, up to the target, starts with a number.
      expect(line).toMatch(/: -?\d+(\.\d+)? .*\(target [^)]+\)$/);
      expect(line).not.toMatch(/NaN|Infinity|undefined/);
    }
    const ns = JSON.parse(await readFile(join(dir, 'browser-namespace-2000.json'), 'utf8'));
    const wall = JSON.parse(await readFile(join(dir, 'browser-wall-300.json'), 'utf8'));
    expect(ns.maxDomRows).toBeGreaterThan(0);
    expect(wall.ticksMeasured).toBeGreaterThan(0);
  }, 900_000);
});
