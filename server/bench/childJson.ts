import { spawn } from 'node:child_process';

/**
 * Runs a benchmark script (TypeScript, through tsx) in its own process, so its work never
 * shares the benchmark process's event loop or garbage collections, and resolves with the
 * one JSON document it prints on stdout; stderr is passed through.
 */
export function runJsonChild<T>(
  script: string,
  args: (string | number)[],
  what: string,
): Promise<T> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args.map(String)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${what} exited with ${code}`));
      resolve(JSON.parse(out) as T);
    });
  });
}
