import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadReport } from './loadClient.js';

const CLIENT = fileURLToPath(new URL('./loadClient.ts', import.meta.url));

/**
 * p50/p99 latency of one endpoint under `connections` concurrent clients asking for gzip, as
 * browsers do, measured by autocannon in a separate process (`loadClient.ts`).
 */
export function load(url: string, connections: number, durationS: number): Promise<LoadReport> {
  const args = [url, connections, durationS].map(String);
  const child = spawn(process.execPath, ['--import', 'tsx', CLIENT, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      resolve(JSON.parse(out) as LoadReport);
    });
  });
}
