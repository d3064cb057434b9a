import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import type { Sim } from './harness.js';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/**
 * A plain node:http request (fetch cannot set Host); the body is read whole unless the
 * response is an event stream, which is closed after its headers.
 */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        const done = () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - t0,
          });
        if (String(res.headers['content-type']).startsWith('text/event-stream')) {
          res.destroy();
          done();
          return;
        }
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', done);
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer from ${url}`)));
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A web build stand-in: an index.html and one asset. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kg-web-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>kubeglance</title><div id="root"></div>',
  );
  writeFileSync(join(dir, 'app.js'), 'console.log("app")');
  return dir;
}

/** A kubeglance server on `sim` with extra flags. */
export async function serverWith(
  sim: Sim,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<RunningServer> {
  const config = parseConfig(
    ['--kubeconfig', sim.kubeconfigPath, '--port', '0', '--log-level', 'silent', ...args],
    env,
  );
  return startServer(config, {});
}
