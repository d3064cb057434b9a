/**
 * Test helpers: run the real kubectl against a simulator, make raw HTTPS calls with the
 * simulator's CA and token, and read watch streams. No mocks: everything goes over TLS.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startSim, type RunningSim } from '../src/index.js';
import type { KubeObject } from '../src/model/types.js';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export interface KubectlResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * A kubectl bound to one simulator, with its own discovery cache dir so faults that change
 * discovery are not masked by another test's cache.
 */
export function kubectlFor(sim: RunningSim): {
  run: (args: string[], timeoutMs?: number) => Promise<KubectlResult>;
  dispose: () => void;
} {
  const cacheDir = mkdtempSync(join(tmpdir(), 'kubeglance-kubectl-'));
  const run = (args: string[], timeoutMs = 20_000): Promise<KubectlResult> =>
    new Promise((resolve) => {
      execFile(
        KUBECTL,
        ['--kubeconfig', sim.kubeconfigPath, '--cache-dir', cacheDir, ...args],
        { timeout: timeoutMs, env: { ...process.env, KUBECONFIG: '' } },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  return { run, dispose: () => rmSync(cacheDir, { recursive: true, force: true }) };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Milliseconds from sending to the end of the body. */
  ms: number;
  json: <T = Record<string, unknown>>() => T;
}

export interface RawOptions {
  method?: string;
  body?: unknown;
  /** Send the token (default true). */
  auth?: boolean;
  headers?: Record<string, string>;
  baseUrl?: string;
}

function requestOptions(sim: RunningSim, path: string, opts: RawOptions): [URL, RequestOptions] {
  const url = new URL(path, opts.baseUrl ?? sim.url);
  return [
    url,
    {
      method: opts.method ?? 'GET',
      ca: sim.caPem,
      agent: false,
      headers: {
        ...(opts.auth === false ? {} : { Authorization: `Bearer ${sim.token}` }),
        ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...opts.headers,
      },
    },
  ];
}

/** One HTTPS request verified against the simulator's CA. */
export function raw(sim: RunningSim, path: string, opts: RawOptions = {}): Promise<RawResponse> {
  const [url, options] = requestOptions(sim, path, opts);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          ms: performance.now() - started,
          json: <T>() => JSON.parse(text) as T,
        });
      });
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(JSON.stringify(opts.body));
    req.end();
  });
}

export interface WatchEventJson {
  type: string;
  object: Record<string, unknown> & { metadata?: Record<string, unknown>; code?: number };
}

/** An open watch: events arrive in `events`; `ended` resolves when the server closes it. */
export interface OpenWatch {
  status: number;
  events: WatchEventJson[];
  ended: Promise<void>;
  /** Resolve once `predicate` holds for the events so far (rejects after `timeoutMs`). */
  until: (predicate: (events: WatchEventJson[]) => boolean, timeoutMs?: number) => Promise<void>;
  close: () => void;
}

/** Open a watch (the path should include `watch=1`) and parse its newline-delimited events. */
export function openWatch(
  sim: RunningSim,
  path: string,
  opts: RawOptions = {},
): Promise<OpenWatch> {
  const [url, options] = requestOptions(sim, path, opts);
  return new Promise((resolve, reject) => {
    const req = request(url, options, (res: IncomingMessage) => {
      const events: WatchEventJson[] = [];
      const waiters = new Set<() => void>();
      const ended = new Promise<void>((done) => {
        res.on('close', () => {
          done();
          for (const w of waiters) w();
        });
      });
      const lines = createInterface({ input: res });
      lines.on('line', (line) => {
        if (line.trim() === '') return;
        events.push(JSON.parse(line) as WatchEventJson);
        for (const w of waiters) w();
      });
      // A cut connection (apiserver-down) errors the response; readline re-emits it. Expected.
      lines.on('error', () => undefined);
      res.on('error', () => undefined);
      const until = (
        predicate: (e: WatchEventJson[]) => boolean,
        timeoutMs = 10_000,
      ): Promise<void> =>
        new Promise((ok, fail) => {
          const check = (): void => {
            if (predicate(events)) {
              cleanup();
              ok();
            } else if (res.destroyed && res.readableEnded) {
              cleanup();
              fail(new Error(`watch ended before the condition held (${events.length} events)`));
            }
          };
          const timer = setTimeout(() => {
            cleanup();
            fail(new Error(`timed out after ${timeoutMs} ms with ${events.length} events`));
          }, timeoutMs);
          const cleanup = (): void => {
            clearTimeout(timer);
            waiters.delete(check);
          };
          waiters.add(check);
          check();
        });
      resolve({ status: res.statusCode ?? 0, events, ended, until, close: () => req.destroy() });
    });
    req.on('error', (err) => reject(err));
    req.end();
  });
}

/** Poll until `check` returns true (or throw after `timeoutMs`). */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
  stepMs = 50,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Split kubectl's column output into rows of cells (header row included). */
export function columns(output: string): string[][] {
  return output
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/));
}

/** A core list response as the tests read it. */
export interface List {
  kind: string;
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: KubeObject[];
}

/** `namespace/name` of an object (cluster-scoped objects have an empty namespace). */
export const key = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

/** The two clusters the list and watch suites use: a still one and one under heavy churn. */
export async function startQuietAndChurny(): Promise<{ quiet: RunningSim; churny: RunningSim }> {
  const [quiet, churny] = await Promise.all([
    startSim({ nodes: 5, pods: 50, namespaces: 3, churnPerMinute: 0, bookmarkIntervalMs: 200 }),
    startSim({ nodes: 3, pods: 30, namespaces: 2, churnPerMinute: 1200 }),
  ]);
  return { quiet, churny };
}
