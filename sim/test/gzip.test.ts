/**
 * Response compression as kube-apiserver does it: gzip (level 1) only when the client accepts
 * it AND the body is over 128 KiB, with Content-Encoding and Vary; otherwise the plain body.
 */
import { request } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim, type RunningSim } from '../src/index.js';
import { acceptsGzip, GZIP_THRESHOLD_BYTES } from '../src/http/respond.js';

interface List {
  items: { metadata: { namespace?: string; name: string } }[];
}

let sim: RunningSim;

beforeAll(async () => {
  // 2500 pods: /api/v1/pods and pod metrics are streamed lists; 1 node: its list is tiny.
  sim = await startSim({
    name: 'gzip',
    nodes: 1,
    pods: 2500,
    namespaces: 3,
    seed: 5,
    port: 0,
    churnPerMinute: 0,
  });
});

afterAll(async () => {
  await sim?.stop();
});

/** GET with raw bytes on the wire (no decoding), trusting the simulator's CA. */
function get(
  path: string,
  acceptEncoding?: string,
): Promise<{ headers: IncomingHttpHeaders; wire: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${sim.token}` };
    if (acceptEncoding !== undefined) headers['Accept-Encoding'] = acceptEncoding;
    const req = request(new URL(path, sim.url), { ca: sim.caPem, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => resolve({ headers: res.headers, wire: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('response compression', () => {
  it.each([
    ['/api/v1/pods', 'a streamed list'],
    ['/apis/metrics.k8s.io/v1beta1/pods', 'a streamed metrics list'],
    ['/api/v1/pods?limit=1500', 'a single-shot list over 128 KiB'],
  ])('gzips %s (%s) when asked, to the same JSON', async (path) => {
    const plain = await get(path);
    const zipped = await get(path, 'gzip, deflate, br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.wire.length).toBeGreaterThan(GZIP_THRESHOLD_BYTES);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    const names = (body: Buffer) =>
      (JSON.parse(body.toString('utf8')) as List).items.map(
        (i) => `${i.metadata.namespace}/${i.metadata.name}`,
      );
    // Metrics values may move on between the two requests; the items listed may not.
    expect(names(gunzipSync(zipped.wire))).toEqual(names(plain.wire));
    // Pending pods have no metrics, so the metrics list is shorter than the pod list.
    expect(names(plain.wire).length).toBeGreaterThan(path.endsWith('1500') ? 1499 : 2000);
    expect(zipped.wire.length).toBeLessThan(plain.wire.length / 3);
  });

  it('leaves a body of 128 KiB or less alone even when gzip is accepted', async () => {
    const small = await get('/api/v1/nodes', 'gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.wire.length).toBeLessThanOrEqual(GZIP_THRESHOLD_BYTES);
    expect(JSON.parse(small.wire.toString('utf8'))).toMatchObject({ kind: 'NodeList' });
  });

  it('reads Accept-Encoding as a list with q-values', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('br, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('identity')).toBe(false);
    expect(acceptsGzip('x-gzip')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
