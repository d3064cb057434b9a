/**
 * The HTTP load generator of the list targets, run in its own process by `httpLoad.ts` so
 * its latencies never include the benchmark process's own pauses (at 150,000 pods that process
 * holds an hour of history and the polls it timed: its major GCs stalled autocannon's clock).
 *
 *   tsx bench/loadClient.ts URL CONNECTIONS DURATION_S
 *
 * Prints one JSON line (`LoadReport`) on stdout.
 */
import autocannon from 'autocannon';
import { round } from './stats.js';

/** p50/p99 latency of one endpoint, and what generating the load cost. */
export interface LoadReport {
  url: string;
  connections: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  /** CPU time of this process (autocannon), user + system. */
  clientCpuMs: number;
}

const [url, connections, duration] = process.argv.slice(2);
if (!url || !connections || !duration) {
  console.error('usage: loadClient.ts URL CONNECTIONS DURATION_S');
  process.exit(2);
}
const cpu = process.cpuUsage();
const r = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(duration),
  // As browsers ask.
  headers: { 'accept-encoding': 'gzip' },
});
const used = process.cpuUsage(cpu);
const report: LoadReport = {
  url: url.replace(/^https?:\/\/[^/]+/, ''),
  connections: Number(connections),
  requests: r.requests.total,
  latencyP50Ms: round(r.latency.p50),
  latencyP99Ms: round(r.latency.p99),
  non2xx: r.non2xx,
  errors: r.errors,
  clientCpuMs: round((used.user + used.system) / 1000, 0),
};
process.stdout.write(`${JSON.stringify(report)}\n`);
