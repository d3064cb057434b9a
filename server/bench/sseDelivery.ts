import { fileURLToPath } from 'node:url';
import { runJsonChild } from './childJson.js';
import type { DeliveryReport } from './sseClients.js';
import type { Target } from './targets.js';

const CLIENTS = fileURLToPath(new URL('./sseClients.ts', import.meta.url));

/**
 * How long after the server stores a sample every SSE client must have it (issue 12), and
 * how many samples must be measured.
 */
export const DELIVERY_LIMIT_MS = 1000;
export const DELIVERY_SAMPLES = 2;

/**
 * Opens `clients` gzip event streams to the server from a separate process (`sseClients.ts`)
 * and reports, for `samples` sample events stored after all are connected and a first
 * (warm-up) one, when each client received each one. `resolutionMs` bounds the wait for a sample.
 */
export function sseDelivery(
  serverUrl: string,
  cluster: string,
  opts: { clients: number; samples: number; nodes: number; resolutionMs: number },
): Promise<DeliveryReport> {
  // A client that has not got a sample this long after the first one did never will.
  const timeoutMs = 2 * opts.resolutionMs + 15_000;
  const args = [serverUrl, cluster, opts.clients, opts.samples, opts.nodes, timeoutMs];
  return runJsonChild(CLIENTS, args, 'SSE clients');
}

/** One line of the summary, e.g. for the log. */
export function describeDelivery(r: DeliveryReport): string {
  const per = r.samples.map(
    (s) =>
      `${s.complete}/${r.clients} complete, age p50 ${s.ageP50Ms} ms max ${s.ageMaxMs} ms, spread ${s.spreadMs} ms`,
  );
  const w = r.warmup;
  const warmup = w
    ? `warm-up sample (not counted): ${w.complete}/${r.clients} complete, age max ${w.ageMaxMs} ms, spread ${w.spreadMs} ms; `
    : '';
  const errors = r.errors.length > 0 ? `; errors: ${r.errors.slice(0, 3).join('; ')}` : '';
  return `SSE delivery: ${r.connected}/${r.clients} streams connected in ${r.connectMs} ms (clients' process: ${r.cpuMs} ms CPU); ${warmup}${per.join(' | ') || 'no sample arrived'}${errors}`;
}

/**
 * The target: every client got every one of at least {@link DELIVERY_SAMPLES} samples,
 * complete, within {@link DELIVERY_LIMIT_MS} of the server storing it.
 */
export function deliveryTarget(r: DeliveryReport): Target {
  const deliveries = r.samples.reduce((n, s) => n + s.complete, 0);
  const expected = r.clients * Math.max(r.samples.length, DELIVERY_SAMPLES);
  const worst = r.samples.length > 0 ? Math.max(...r.samples.map((s) => s.ageMaxMs)) : NaN;
  const spread = r.samples.length > 0 ? Math.max(...r.samples.map((s) => s.spreadMs)) : NaN;
  return {
    what: `${r.clients.toLocaleString('en')} SSE clients (gzip, own process) each get every sample within 1 s of the server storing it`,
    figure: `${deliveries}/${expected} deliveries complete over ${r.samples.length} samples; slowest ${worst} ms after the server stored the sample (first to last client ${spread} ms)`,
    target: `all within ${DELIVERY_LIMIT_MS} ms, >= ${DELIVERY_SAMPLES} samples`,
    pass:
      r.samples.length >= DELIVERY_SAMPLES &&
      deliveries === expected &&
      r.errors.length === 0 &&
      worst <= DELIVERY_LIMIT_MS,
  };
}
