/**
 * The load generator of the SSE delivery target, run in its own process by `sseDelivery.ts`
 * (so it never shares the server's event loop): opens `clients` event streams to one cluster,
 * asking for gzip as browsers do, and records when each client received each `sample` event.
 *
 *   tsx bench/sseClients.ts URL CLUSTER CLIENTS SAMPLES NODES TIMEOUT_MS
 *
 * Prints one JSON line (`DeliveryReport`) on stdout. Clients are raw `http.get` streams, not
 * EventSource objects: each inflates its stream and cuts it into frames, and only the first
 * copy of each sample event is parsed; every other client's copy must be byte for byte the
 * same (a complete event). A receipt is timed at the arrival of the compressed bytes that
 * completed the event (`Gunzip.bytesWritten` maps the inflated output back to the socket
 * reads), so the time this process spends inflating does not count against the server.
 */
import http from 'node:http';
import { createGunzip, type Gunzip } from 'node:zlib';
import type { SampleEvent } from '@kubeglance/shared/api';

/** One `sample` event as the clients received it. */
export interface SampleDelivery {
  timestampMs: number;
  /** Clients that received it complete (byte-identical to the parsed first copy). */
  complete: number;
  /** Clients whose copy differed from the first one. */
  corrupt: number;
  /** From the server storing the sample (`summary.status.newestSampleSeenMs`) to receipt. */
  ageP50Ms: number;
  ageMaxMs: number;
  /** From the first client's receipt to the last one's. */
  spreadMs: number;
}

export interface DeliveryReport {
  clients: number;
  /** Streams that opened with 200 + gzip and got their snapshot. */
  connected: number;
  connectMs: number;
  /** CPU time this process used (all clients): what the load generator cost. */
  cpuMs: number;
  samples: SampleDelivery[];
  errors: string[];
}

interface Pending {
  frame: Buffer;
  seenMs: number;
  firstAtMs: number;
  /** Receipt time (Date.now()) per client index. */
  at: Map<number, number>;
  corrupt: number;
}

const [url, cluster, clientsArg, samplesArg, nodesArg, timeoutArg] = process.argv.slice(2);
const clients = Number(clientsArg);
const wanted = Number(samplesArg);
const nodes = Number(nodesArg);
const timeoutMs = Number(timeoutArg);
const errors: string[] = [];
const bySample = new Map<number, Pending>();
/** Samples first received after every client was connected: the ones that count. */
const counted: number[] = [];
let allConnectedAtMs = Infinity;
let ready = 0;
const SEP = Buffer.from('\n\n');
const SAMPLE = Buffer.from('event: sample\n');
const SNAPSHOT = Buffer.from('event: snapshot\n');

function error(message: string): void {
  if (errors.length < 20) errors.push(message);
}

/** A complete `sample` frame reached client `i` at `atMs`. */
function onSample(i: number, frame: Buffer, atMs: number): void {
  const head = frame.subarray(0, 200).toString('latin1');
  const ts = Number(/"timestampMs":(\d+)/.exec(head)?.[1]);
  if (!Number.isFinite(ts)) return error(`client ${i}: sample event without timestampMs`);
  const known = bySample.get(ts);
  if (!known) {
    const data = frame.toString('utf8').replace(/^event: sample\ndata: /, '');
    let event: SampleEvent;
    try {
      event = JSON.parse(data) as SampleEvent;
    } catch {
      return error(`client ${i}: sample event ${ts} is not JSON`);
    }
    const seenMs = event.summary?.status?.newestSampleSeenMs;
    if (event.cluster !== cluster || event.nodes?.length !== nodes || typeof seenMs !== 'number') {
      return error(`client ${i}: sample event ${ts} lacks its cluster, ${nodes} nodes or status`);
    }
    bySample.set(ts, { frame, seenMs, firstAtMs: atMs, at: new Map([[i, atMs]]), corrupt: 0 });
    if (atMs > allConnectedAtMs) counted.push(ts);
    return;
  }
  if (known.frame.equals(frame)) known.at.set(i, atMs);
  else known.corrupt += 1;
}

/** Inflates one stream and cuts it into frames, timing each by its compressed bytes' arrival. */
function follow(i: number, res: http.IncomingMessage, onReady: () => void): void {
  const gunzip: Gunzip = createGunzip();
  const arrivals: [number, number][] = []; // [compressed bytes received so far, Date.now()]
  let received = 0;
  let parts: Buffer[] = [];
  let isReady = false;
  res.on('data', (chunk: Buffer) => {
    received += chunk.length;
    arrivals.push([received, Date.now()]);
    gunzip.write(chunk);
  });
  res.on('error', (e) => error(`client ${i}: ${e.message}`));
  gunzip.on('error', (e) => error(`client ${i}: gzip: ${e.message}`));
  gunzip.on('data', (out: Buffer) => {
    // The bytes consumed so far include the end of this output: its arrival is the receipt.
    while (arrivals.length > 1 && arrivals[0]![0] < gunzip.bytesWritten) arrivals.shift();
    const atMs = arrivals[0]![1];
    const prev = parts.at(-1);
    // A separator may straddle two outputs.
    const straddles = prev !== undefined && prev[prev.length - 1] === 0x0a && out[0] === 0x0a;
    if (!straddles && out.indexOf(SEP) < 0) {
      parts.push(out);
      return;
    }
    let text = Buffer.concat([...parts, out]);
    parts = [];
    for (let end = text.indexOf(SEP); end >= 0; end = text.indexOf(SEP)) {
      const frame = text.subarray(0, end);
      if (frame.subarray(0, SAMPLE.length).equals(SAMPLE)) onSample(i, frame, atMs);
      else if (!isReady && frame.subarray(0, SNAPSHOT.length).equals(SNAPSHOT)) {
        isReady = true;
        onReady();
      }
      text = text.subarray(end + 2);
    }
    if (text.length > 0) parts.push(Buffer.from(text));
  });
}

function open(i: number): Promise<http.ClientRequest> {
  return new Promise((resolve) => {
    const req = http.get(
      `${url}/api/v1/stream?clusters=${cluster}`,
      { headers: { 'accept-encoding': 'gzip' } },
      (res) => {
        if (res.statusCode !== 200 || res.headers['content-encoding'] !== 'gzip') {
          error(`client ${i}: HTTP ${res.statusCode} ${res.headers['content-encoding'] ?? ''}`);
          res.resume();
          return resolve(req);
        }
        follow(i, res, () => {
          ready += 1;
          resolve(req);
        });
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
// Wait for `wanted` counted samples, then until every client has each or its deadline passed.
await until(() => counted.length >= wanted, Date.now() + wanted * timeoutMs);
const first = counted.slice(0, wanted).map((ts) => bySample.get(ts)!);
for (const s of first) {
  await until(() => s.at.size + s.corrupt >= ready, s.firstAtMs + timeoutMs);
}
const percentile = (values: number[], p: number) =>
  values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)]!;
const report: DeliveryReport = {
  clients,
  connected: ready,
  connectMs,
  cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  samples: counted.slice(0, wanted).map((ts) => {
    const s = bySample.get(ts)!;
    const times = [...s.at.values()];
    const ages = times.map((t) => t - s.seenMs);
    return {
      timestampMs: ts,
      complete: s.at.size,
      corrupt: s.corrupt,
      ageP50Ms: percentile(ages, 0.5),
      ageMaxMs: Math.max(...ages),
      spreadMs: Math.max(...times) - s.firstAtMs,
    };
  }),
  errors,
};
for (const r of requests) r.destroy();
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(0);
