/**
 * The load generator of the SSE delivery target, run in its own process by `sseDelivery.ts`
 * (so it never shares the server's event loop): opens `clients` event streams to one cluster,
 * asking for gzip as browsers do, and records when each client received each `sample` event.
 *
 *   tsx bench/sseClients.ts URL CLUSTER CLIENTS SAMPLES NODES TIMEOUT_MS
 *
 * Prints one JSON line (`DeliveryReport`) on stdout. Clients are raw `http.get` streams, not
 * EventSource objects. Client 0 inflates its stream and parses every `sample` event (cluster,
 * a usage entry per node, status); the server compresses each event once into a
 * self-contained chunk written to every client (`sharedGzip.ts`), so every other client got the
 * same event complete when the same compressed bytes (`gzipChunk` of the parsed frame) appear in
 * its stream: 999 clients cost a byte search each, not an inflate and a parse. A receipt is
 * the time the socket read completing the event arrived (see `sseFrames.ts`).
 */
import http from 'node:http';
import type { SampleEvent } from '@kubeglance/shared/api';
import { gzipChunk } from '../src/api/sse/sharedGzip.js';
import { RawStream, readFrames } from './sseFrames.js';

/** One `sample` event as the clients received it. */
export interface SampleDelivery {
  timestampMs: number;
  /** Clients that received it complete (the same compressed bytes as the parsed copy). */
  complete: number;
  /** From the server storing the sample (`summary.status.newestSampleSeenMs`) to receipt. */
  ageP50Ms: number;
  ageMaxMs: number;
  /** From the first client's receipt to the last one's. */
  spreadMs: number;
}

export interface DeliveryReport {
  clients: number;
  /** Streams that opened with 200 and gzip (subscribed from then on). */
  connected: number;
  connectMs: number;
  /** CPU time this process used (all clients): what the load generator cost. */
  cpuMs: number;
  /**
   * The first sample stored after the streams opened, measured the same way but not counted:
   * it meets the aftermath of the connection storm (1,000 snapshots sent, their garbage).
   */
  warmup: SampleDelivery | null;
  samples: SampleDelivery[];
  errors: string[];
}

interface Sample {
  timestampMs: number;
  /** The event as the server compressed it for every client. */
  chunk: Buffer;
  seenMs: number;
  firstAtMs: number;
  /** Receipt time (Date.now()) per client index. */
  at: Map<number, number>;
}

const [url, cluster, clientsArg, samplesArg, nodesArg, timeoutArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const wanted = Number(samplesArg);
const nodes = Number(nodesArg);
const timeoutMs = Number(timeoutArg);
const errors: string[] = [];
const seen = new Set<number>();
/** Samples the server stored after every client was connected (the first is a warm-up). */
const counted: Sample[] = [];
const streams = new Map<number, { raw: RawStream; next: number }>();
let allConnectedAtMs = Infinity;
let connected = 0;
const SAMPLE = Buffer.from('event: sample\n');

function error(message: string): void {
  if (errors.length < 20) errors.push(message);
}

/** Client 0 got a complete sample frame: parse it, and look for it in every other stream. */
function onReference(frame: Buffer, atMs: number): void {
  if (!frame.subarray(0, SAMPLE.length).equals(SAMPLE)) return;
  const text = frame.toString('utf8');
  let event: SampleEvent;
  try {
    event = JSON.parse(text.replace(/^event: sample\ndata: /, '')) as SampleEvent;
  } catch {
    return error('a sample event is not JSON');
  }
  const seenMs = event.summary?.status?.newestSampleSeenMs;
  if (
    event.cluster !== cluster ||
    event.nodes?.cpuMillicores?.length !== nodes ||
    typeof seenMs !== 'number'
  ) {
    return error(`sample event ${event.timestampMs} lacks its cluster, ${nodes} nodes or status`);
  }
  if (seen.has(event.timestampMs)) return error(`sample ${event.timestampMs} sent twice`);
  seen.add(event.timestampMs);
  // Steady state: samples the server stored once every stream was open, not during the
  // connection storm (1,000 snapshots to send).
  if (seenMs <= allConnectedAtMs) return;
  const chunk = gzipChunk(Buffer.from(text + '\n\n'));
  counted.push({
    timestampMs: event.timestampMs,
    chunk,
    seenMs,
    firstAtMs: atMs,
    at: new Map([[0, atMs]]),
  });
  for (const [i, s] of streams) match(i, s);
}

/** Records every counted sample that has arrived complete on stream `i`, in order. */
function match(i: number, s: { raw: RawStream; next: number }): void {
  while (s.next < counted.length) {
    const sample = counted[s.next]!;
    const atMs = s.raw.take(sample.chunk);
    if (atMs === undefined) return;
    sample.at.set(i, atMs);
    s.next += 1;
  }
}

function open(i: number): Promise<http.ClientRequest> {
  return new Promise((resolve) => {
    const req = http.get(
      `${url}/api/v1/stream?clusters=${cluster}`,
      { headers: { 'accept-encoding': 'gzip' } },
      (res) => {
        resolve(req);
        if (res.statusCode !== 200 || res.headers['content-encoding'] !== 'gzip') {
          error(`client ${i}: HTTP ${res.statusCode} ${res.headers['content-encoding'] ?? ''}`);
          return res.resume();
        }
        // The server subscribes a stream before it sends the headers.
        connected += 1;
        if (i === 0) return readFrames(res, onReference, (m) => error(`client 0: ${m}`));
        const s = { raw: new RawStream(5000), next: 0 };
        streams.set(i, s);
        res.on('data', (data: Buffer) => {
          // Before a counted sample, keep only recent reads (a counted one is newer).
          const now = Date.now();
          s.raw.add(data, now, counted.length > 0 ? -Infinity : Math.min(now, allConnectedAtMs));
          match(i, s);
        });
        res.on('error', (e) => error(`client ${i}: ${e.message}`));
      },
    );
    req.on('error', (e) => {
      error(`client ${i}: ${e.message}`);
      resolve(req);
    });
  });
}

const until = async (done: () => boolean, deadlineMs: number) => {
  while (!done() && Date.now() < deadlineMs) await new Promise((r) => setTimeout(r, 50));
};

const t0 = Date.now();
const requests: http.ClientRequest[] = [];
// 100 connections at a time: a burst of 1,000 SYNs would overflow the listen backlog.
for (let i = 0; i < clients; i += 100) {
  const batch = Array.from({ length: Math.min(100, clients - i) }, (_, k) => open(i + k));
  requests.push(...(await Promise.all(batch)));
}
allConnectedAtMs = Date.now();
const connectMs = allConnectedAtMs - t0;
// Wait for the warm-up and `wanted` samples, then until every client has each or its
// deadline passed.
await until(() => counted.length > wanted, Date.now() + (wanted + 1) * timeoutMs);
for (const s of counted.slice(0, wanted + 1)) {
  await until(() => s.at.size >= connected, s.firstAtMs + timeoutMs);
}
const percentile = (values: number[], p: number) =>
  values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)]!;
const delivery = (s: Sample): SampleDelivery => {
  const times = [...s.at.values()];
  const ages = times.map((t) => t - s.seenMs);
  return {
    timestampMs: s.timestampMs,
    complete: s.at.size,
    ageP50Ms: percentile(ages, 0.5),
    ageMaxMs: Math.max(...ages),
    spreadMs: Math.max(...times) - Math.min(...times),
  };
};
const report: DeliveryReport = {
  clients,
  connected,
  connectMs,
  cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  warmup: counted[0] ? delivery(counted[0]) : null,
  samples: counted.slice(1, wanted + 1).map(delivery),
  errors,
};
for (const r of requests) r.destroy();
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(0);
