import fc from 'fast-check';
import { posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '@kubeglance/sim/index';
import type { RunningServer } from '../src/server.js';
import { eventually, type Sim } from './harness.js';
import { fakeWebDist, request, serverWith, type RawResponse } from './httpClient.js';

/**
 * Property-based fuzzing of every route's path and query (fast-check): whatever the
 * method, path segments and query, the server answers within 5 s, never with a 5xx, and
 * every error is the `{error:{code,message}}` JSON shape. Runs against an open server and
 * one with token auth (the login redirect and 401s are errors too).
 */
const TOKEN = 'fuzz-token-0123456789abcdef';
let sim: Sim;
let open: RunningServer;
let locked: RunningServer;

beforeAll(async () => {
  sim = await startSim({
    name: 'fz',
    nodes: 3,
    pods: 12,
    namespaces: 2,
    port: 0,
    resolutionMs: 1000,
  });
  const common = [
    '--static-dir',
    fakeWebDist(),
    '--rate-limit',
    '1000000',
    '--max-streams-per-client',
    '100000',
  ];
  open = await serverWith(sim, common);
  locked = await serverWith(sim, [...common, '--auth', 'token'], {
    KUBEGLANCE_TOKENS: `fuzz:${TOKEN}`,
  });
  await eventually(
    async () => (await request(`${open.url}/api/v1/clusters/fz/summary`)).status === 200,
    30_000,
    'first sample',
  );
});
afterAll(async () => {
  await open?.stop();
  await locked?.stop();
  await sim?.stop();
});

const ROUTES = [
  '/healthz',
  '/readyz',
  '/metrics',
  '/login',
  '/api/v1/clusters',
  '/api/v1/clusters/:c/summary',
  '/api/v1/clusters/:c/nodes',
  '/api/v1/clusters/:c/namespaces',
  '/api/v1/clusters/:c/namespaces/:ns/pods',
  '/api/v1/clusters/:c/pods',
  '/api/v1/clusters/:c/history',
  '/api/v1/clusters/:c/diagnostics',
  '/api/v1/stream',
  '/noc',
];
const KEYS = [
  'sort',
  'limit',
  'namespace',
  'scope',
  'name',
  'pod',
  'range',
  'clusters',
  'next',
  'x',
];
const VALUES = [
  'fz',
  'cpu',
  'memory',
  'cluster',
  'node',
  'pod',
  'container',
  '5m',
  '1h',
  '10',
  '0x10',
  '1e3',
  '-1',
  '',
  ',,,',
];

/** Raw text that may appear in a request target: safe characters and %-escapes, valid or not. */
const rawText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@-]{0,20}$/),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc
    .constantFrom(
      '%',
      '%zz',
      '%00',
      '%2f',
      '%2e%2e',
      '..',
      '.',
      '%c0%af',
      '%ff',
      '\u00e9'.normalize(),
    )
    .map(encodeURI),
);
const segment = fc.oneof(fc.constantFrom('fz', 'ns-0', 'default', 'nope'), rawText);
const path = fc
  .tuple(fc.constantFrom(...ROUTES), segment, segment, fc.option(rawText, { nil: undefined }))
  .map(([route, c, ns, extra]) => {
    const p = route.replace(':c', c).replace(':ns', ns);
    return extra === undefined ? p : `${p}/${extra}`;
  });
const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...KEYS), rawText),
      fc.oneof(fc.constantFrom(...VALUES).map(encodeURIComponent), rawText),
    ),
    {
      maxLength: 5,
    },
  )
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`));
const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS');
const prefix = fc.constantFrom('', '', '', '/', '//', '/api/..');

/** `/readyz` answers 503 by design while a cluster has neither synced nor a known problem. */
function isNotReady(res: RawResponse, target: string): boolean {
  // The server resolves dot segments (`/api/../readyz` is `/readyz`), as clients do, and
  // routes `/readyz/` as `/readyz` (Express's non-strict routing).
  const path = posix.normalize(target.split('?')[0] || '/').replace(/(.)\/+$/, '$1');
  if (res.status !== 503 || path !== '/readyz') return false;
  return res.body === '' || (JSON.parse(res.body) as { status?: unknown }).status === 'not-ready';
}

function check(res: RawResponse, method: string, target: string): void {
  if (isNotReady(res, target)) return;
  expect(res.status, `${method} ${target}`).toBeLessThan(500);
  expect(res.ms, `${method} ${target} took ${res.ms} ms`).toBeLessThan(5000);
  if (res.status < 400 || method === 'HEAD') return;
  if (res.status === 401 && String(res.headers['content-type']).includes('html')) return; // login form
  const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.code, `${method} ${target}: ${res.body}`).toBe('string');
  expect(typeof body.error?.message, `${method} ${target}: ${res.body}`).toBe('string');
  expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('fuzzed routes', () => {
  for (const [name, server, headers] of [
    ['open', () => open, {}],
    ['token auth', () => locked, { authorization: `Bearer ${TOKEN}` }],
    ['token auth, no token', () => locked, {}],
  ] as const) {
    it(`${name}: no 5xx, no hang, JSON errors`, async () => {
      await fc.assert(
        fc.asyncProperty(method, prefix, path, query, async (m, pre, p, q) => {
          const target = `${pre}${p}${q}`.replace(/^\/\/\//, '//');
          const res = await request(`${server().url}${target}`, {
            method: m,
            headers: { ...headers },
          });
          check(res, m, target);
        }),
        { numRuns: 250 },
      );
    }, 120_000);
  }
});
