import http from 'node:http';
import type { SimHandle } from './simProcess.js';
import { rawGet } from './rawFetch.js';

interface LoggedRequest {
  path: string;
}

async function metricsRequestsSoFar(sim: SimHandle): Promise<number> {
  const { body } = await rawGet(`${sim.url}/_sim/requests`, sim.token, sim.caPem);
  const items = Array.isArray(body) ? body : ((body as { items?: LoggedRequest[] }).items ?? []);
  return (items as LoggedRequest[]).filter((r) => r.path.startsWith('/apis/metrics.k8s.io/'))
    .length;
}

/**
 * Opens `clients` SSE connections to kubeglance and counts the metrics requests the
 * simulator receives while `ticks` new samples arrive: the count must not depend on how
 * many browsers watch.
 */
export async function upstreamRequestsPerTick(
  serverUrl: string,
  sim: SimHandle,
  clients: number,
  ticks: number,
) {
  const agent = new http.Agent({ maxSockets: clients + 10 });
  const requests: http.ClientRequest[] = [];
  let samples = 0;
  await Promise.all(
    Array.from(
      { length: clients },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const req = http.get(`${serverUrl}/api/v1/stream`, { agent }, (res) => {
            // A refused stream (429 past the per-client cap) would count as a watcher.
            if (res.statusCode !== 200) {
              reject(new Error(`stream ${i}: HTTP ${res.statusCode}`));
              return;
            }
            resolve();
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              if (i === 0) samples += chunk.split('event: sample').length - 1;
            });
          });
          req.on('error', reject);
          requests.push(req);
        }),
    ),
  );
  const wait = async (n: number) => {
    while (samples < n) await new Promise((r) => setTimeout(r, 20));
  };
  await wait(samples + 1); // start counting right after a sample
  const before = await metricsRequestsSoFar(sim);
  const start = samples;
  await wait(start + ticks);
  const after = await metricsRequestsSoFar(sim);
  for (const r of requests) r.destroy();
  agent.destroy();
  const metricsRequests = after - before;
  return { clients, ticks, metricsRequests, perTick: metricsRequests / ticks };
}
