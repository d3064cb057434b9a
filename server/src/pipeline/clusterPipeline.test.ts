import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ClusterPipeline } from './clusterPipeline.js';

let server: Server | undefined;
let pipeline: ClusterPipeline | undefined;
afterEach(async () => {
  pipeline?.stop();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
});

describe('ClusterPipeline logging', () => {
  it('logs a failed poll with the Error itself, serialized by pino with kind, status and stack', async () => {
    // An apiserver whose every answer is a 503 Status.
    server = createServer((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', reason: 'ServiceUnavailable', message: 'down' }));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'c', cluster: 'c', user: 'u' }],
      currentContext: 'c',
    });
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'warn' }, { write: (l: string) => lines.push(JSON.parse(l)) });
    const target = { name: 'c', simulated: false, server: url, kubeConfig: kc, kubeconfigFile: '' };
    pipeline = new ClusterPipeline(target, { resolutionMs: 1000, retentionMs: 60_000, log });
    pipeline.start();
    await expect
      .poll(() => lines.find((l) => l.msg === 'metrics poll failed'), { timeout: 10_000 })
      .toBeDefined();
    const err = lines.find((l) => l.msg === 'metrics poll failed')?.err as Record<string, unknown>;
    expect(err).toMatchObject({
      type: 'UpstreamError',
      name: 'UpstreamError',
      kind: 'http',
      status: 503,
      reason: 'ServiceUnavailable',
      message: 'HTTP 503: down',
    });
    expect(err.stack).toMatch(/^UpstreamError: HTTP 503/);
  });
});
