import { fileURLToPath } from 'node:url';
import { runJsonChild } from './childJson.js';
import type { LoadReport } from './loadClient.js';

const CLIENT = fileURLToPath(new URL('./loadClient.ts', import.meta.url));

/**
 * p50/p99 latency of one endpoint under `connections` concurrent clients asking for gzip, as
 * browsers do, measured by autocannon in a separate process (`loadClient.ts`).
 */
export function load(url: string, connections: number, durationS: number): Promise<LoadReport> {
  return runJsonChild(CLIENT, [url, connections, durationS], 'load generator');
}
