import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from './heapGrowth.js';

/**
 * Runs a process that keeps ~150 MiB alive and replaces ~40 MiB of it over and over (as polls
 * replace their sample), and reports its largest committed heap.
 */
function peakHeapMiB(setup: string, nodeArgs: string[] = []): number {
  const script = `
    ${setup}
    const live = [];
    for (let i = 0; i < 1_500_000; i++) live.push({ a: i, b: 'x' + i });
    let keep = [];
    let peak = 0;
    for (let r = 0; r < 30; r++) {
      keep = [];
      for (let i = 0; i < 300_000; i++) keep.push({ a: i * 1.5, b: [i] });
      peak = Math.max(peak, process.memoryUsage().heapTotal);
      await new Promise((res) => setImmediate(res));
    }
    console.log(Math.round(peak / 2 ** 20), live.length, keep.length);
  `;
  const out = execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return Number(out.split(' ')[0]);
}

describe('heap growth limit', () => {
  it('keeps the committed heap well below what V8 grows to by itself', () => {
    const own = peakHeapMiB('', ['--import', 'tsx']);
    const module = JSON.stringify(fileURLToPath(new URL('./heapGrowth.ts', import.meta.url)));
    const limited = peakHeapMiB(
      `const { limitHeapGrowth } = await import(${module}); limitHeapGrowth([]);`,
      ['--import', 'tsx'],
    );
    expect(limited, `limited ${limited} MiB vs V8's own ${own} MiB`).toBeLessThan(own * 0.7);
  });

  it('leaves a --heap-growing-percent given on the command line alone', () => {
    expect(limitHeapGrowth(['--heap-growing-percent=50'])).toBe(false);
  });
});
