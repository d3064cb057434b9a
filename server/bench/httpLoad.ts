import autocannon from 'autocannon';
import { round } from './stats.js';

/** p50/p99 latency of one endpoint under `connections` concurrent clients (asking for gzip, as browsers do). */
export async function load(url: string, connections: number, durationS: number) {
  const r = await autocannon({
    url,
    connections,
    duration: durationS,
    headers: { 'accept-encoding': 'gzip' },
  });
  return {
    url: url.replace(/^https?:\/\/[^/]+/, ''),
    connections,
    requests: r.requests.total,
    latencyP50Ms: round(r.latency.p50),
    latencyP99Ms: round(r.latency.p99),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
