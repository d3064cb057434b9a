import { execFile } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import { gzipSync, constants } from 'node:zlib';
import { gzipChunk } from '../src/api/sse/sharedGzip.js';
import type { SimHandle } from './simProcess.js';
import { rawGet } from './rawFetch.js';
import { median, round } from './stats.js';

const run = promisify(execFile);
const KUBECTL = '/usr/bin/kubectl';

/**
 * `kubectl top pods -A --sort-by=cpu` (the real binary, against the same simulated cluster)
 * vs kubeglance's warm answer to the same question (`GET .../pods?sort=cpu`, already built
 * from the last sample): wall time of each, median of `runs`.
 */
export async function topPodsVsKubectl(
  sim: SimHandle,
  serverUrl: string,
  cluster: string,
  runs: number,
) {
  const kubectl: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run(KUBECTL, ['--kubeconfig', sim.kubeconfigPath, 'top', 'pods', '-A', '--sort-by=cpu'], {
      maxBuffer: 1 << 30,
    });
    kubectl.push(performance.now() - t0);
  }
  const url = `${serverUrl}/api/v1/clusters/${cluster}/pods?sort=cpu&limit=1000`;
  await (await fetch(url)).arrayBuffer(); // warm: the answer is built once per sample
  const ours: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await (await fetch(url, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
    ours.push(performance.now() - t0);
  }
  const kubectlMs = round(median(kubectl), 0);
  const kubeglanceMs = round(median(ours), 2);
  return { kubectlMs, kubeglanceMs, speedup: round(kubectlMs / kubeglanceMs, 0) };
}

/**
 * The size of a `sample` event (what every tick sends), as text and as the gzip chunk every
 * browser gets. Two consecutive events are read: one that carries the node order (names and
 * allocatable, sent when it changed, see `NodeColumns`) and one that does not; `bytes` and
 * `gzipBytes` are the second's, what a steady cluster sends every tick.
 */
export function sseSampleBytes(
  serverUrl: string,
  cluster: string,
): Promise<{
  bytes: number;
  gzipBytes: number;
  withOrder: { bytes: number; gzipBytes: number } | null;
}> {
  return new Promise((resolve, reject) => {
    const frames: { bytes: number; gzipBytes: number; named: boolean }[] = [];
    const req = http.get(`${serverUrl}/api/v1/stream?clusters=${cluster}`, (res) => {
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        for (;;) {
          const start = buf.indexOf('event: sample\n');
          const end = start < 0 ? -1 : buf.indexOf('\n\n', start);
          if (end < 0) {
            if (start < 0) buf = buf.slice(-32); // drop hello/snapshot, keep a partial "event:"
            return;
          }
          const text = buf.slice(start, end + 2);
          buf = buf.slice(end + 2);
          const data = JSON.parse(text.slice(text.indexOf('data: ') + 6)) as {
            nodes: { order: unknown };
          };
          // What a browser (Accept-Encoding: gzip) receives: the shared chunk of sharedGzip.ts.
          const frame = Buffer.from(text);
          frames.push({
            bytes: frame.length,
            gzipBytes: gzipChunk(frame).length,
            named: data.nodes.order !== null,
          });
          if (frames.length < 2) continue;
          req.destroy();
          const steady = frames[1]!;
          const named = frames.find((f) => f.named);
          resolve({
            bytes: steady.bytes,
            gzipBytes: steady.gzipBytes,
            withOrder: named ? { bytes: named.bytes, gzipBytes: named.gzipBytes } : null,
          });
          return;
        }
      });
    });
    req.on('error', reject);
  });
}

/**
 * Bytes a browser downloads per refresh of a namespace's pod list: kubeglance sends one SSE
 * `sample` event and the screen refetches the namespace's rows (gzipped); a dashboard that
 * reads metrics.k8s.io directly (Headlamp, Skooner) fetches the whole PodMetricsList (shown
 * as sent and as it would be gzipped).
 */
export async function bytesPerRefresh(
  sim: SimHandle,
  serverUrl: string,
  cluster: string,
  namespace: string,
  sampleEventBytes: number,
) {
  const rows = await fetch(`${serverUrl}/api/v1/clusters/${cluster}/namespaces/${namespace}/pods`, {
    headers: { 'accept-encoding': 'gzip' },
  });
  // fetch decompresses; the wire size is the content-length of the gzipped body.
  const rowsBytes = Number(
    rows.headers.get('content-length') ?? (await rows.arrayBuffer()).byteLength,
  );
  const raw = await rawGet(`${sim.url}/apis/metrics.k8s.io/v1beta1/pods`, sim.token, sim.caPem);
  const rawGzip = gzipSync(Buffer.from(JSON.stringify(raw.body)), {
    level: constants.Z_BEST_SPEED,
  }).length;
  const kubeglanceBytes = sampleEventBytes + rowsBytes;
  return {
    kubeglanceBytes,
    podMetricsListBytes: raw.bytes,
    podMetricsListGzipBytes: rawGzip,
    ratio: round(raw.bytes / kubeglanceBytes, 1),
    ratioVsGzip: round(rawGzip / kubeglanceBytes, 1),
  };
}
