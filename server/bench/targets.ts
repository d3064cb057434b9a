import { loadavg } from 'node:os';

/** One row of issue 12's table: the measured figure, its target, and whether it holds. */
export interface Target {
  what: string;
  figure: string;
  target: string;
  /** `null`: not measured in this run (printed as NOT MEASURED, never as a pass). */
  pass: boolean | null;
}

export const atMost = (value: number, limit: number) => Number.isFinite(value) && value <= limit;
export const atLeast = (value: number, limit: number) => Number.isFinite(value) && value >= limit;

/**
 * Prints every target with its figure and PASS/FAIL, plus the machine's load average: on a
 * shared machine absolute times say as much about the neighbours as about kubeglance.
 */
export function printTargets(title: string, targets: Target[]): void {
  const [one, five] = loadavg();
  console.log(`\n== targets: ${title} (load average ${one!.toFixed(2)}, ${five!.toFixed(2)}) ==`);
  for (const t of targets) {
    const verdict = t.pass === null ? 'NOT MEASURED' : t.pass ? 'PASS' : 'FAIL';
    console.log(`${verdict.padEnd(12)} ${t.what}: ${t.figure} (target ${t.target})`);
  }
}
