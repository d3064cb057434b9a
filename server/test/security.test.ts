import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '@kubeglance/sim/index';
import type { RunningServer } from '../src/server.js';
import { eventually, type Sim } from './harness.js';
import { fakeWebDist, request, serverWith } from './httpClient.js';

/** Authentication modes, the login cookie, the host check and the browser headers. */
const WALL = 'wall-screen-token-0123456789';
const ALICE = 'alice-token-abcdefghijklmnop';
let sim: Sim;
let tokenFile: string;
let server: RunningServer;

beforeAll(async () => {
  sim = await startSim({ name: 'sec', nodes: 2, pods: 6, port: 0, resolutionMs: 1000 });
  tokenFile = join(mkdtempSync(join(tmpdir(), 'kg-tokens-')), 'tokens');
  writeFileSync(tokenFile, `# viewers\nwall:${WALL}\nalice:${ALICE}\n`);
  server = await serverWith(sim, [
    '--auth',
    'token',
    '--auth-token-file',
    tokenFile,
    '--static-dir',
    fakeWebDist(),
    '--allowed-host',
    'dash.example.com',
  ]);
});
afterAll(async () => {
  await server?.stop();
  await sim?.stop();
});

const url = (path: string) => server.url + path;
const json = (body: string) => JSON.parse(body) as { error: { code: string; message: string } };

async function login(token: string, next = '/noc'): Promise<string> {
  const res = await request(url('/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, next }).toString(),
  });
  expect(res.status).toBe(303);
  expect(res.headers.location).toBe(next);
  const cookie = res.headers['set-cookie']?.[0] ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

describe('--auth token', () => {
  it('leaves only /healthz, /readyz and the login form open', async () => {
    expect((await request(url('/healthz'))).status).toBe(200);
    expect([200, 503]).toContain((await request(url('/readyz'))).status);
    expect((await request(url('/login'))).status).toBe(200);
    for (const path of ['/api/v1/clusters', '/api/v1/stream', '/metrics', '/app.js', '/noc']) {
      const res = await request(url(path));
      expect(res.status, path).toBe(401);
      expect(json(res.body).error.code).toBe('unauthenticated');
    }
  });

  it('sends a browser to the login form, which works without script and sets the cookie', async () => {
    const nav = await request(url('/clusters/x?range=1h'), { headers: { accept: 'text/html' } });
    expect(nav.status).toBe(303);
    expect(nav.headers.location).toBe(`/login?next=${encodeURIComponent('/clusters/x?range=1h')}`);
    const page = await request(url(nav.headers.location!));
    expect(page.body).not.toMatch(/<script|style=|<style/i);
    expect(page.body).toMatch(/method="post"/);
    expect(page.body).toContain('value="/clusters/x?range=1h"');
    const css = await request(url('/login.css'));
    expect(css.headers['content-type']).toMatch(/text\/css/);

    const bad = await request(url('/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=nope&next=%2F',
    });
    expect(bad.status).toBe(401);
    expect(bad.headers['set-cookie']).toBeUndefined();

    const cookie = await login(WALL);
    expect(cookie).not.toContain(WALL);
    const api = await request(url('/api/v1/clusters'), { headers: { cookie } });
    expect(api.status).toBe(200);
    const spa = await request(url('/noc'), { headers: { cookie, accept: 'text/html' } });
    expect(spa.status).toBe(200);
    expect(spa.body).toContain('id="root"');
    const stream = await request(url('/api/v1/stream'), { headers: { cookie } });
    expect(stream.status).toBe(200);
    // No open redirect: `next` must be a path on this site.
    expect(await login(ALICE, '/')).toMatch(/^kubeglance_session=/);
    const evil = await request(url('/login'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: ALICE, next: '//evil.example/x' }).toString(),
    });
    expect(evil.headers.location).toBe('/');
  });

  it('accepts a bearer token, and revokes a removed token and its sessions', async () => {
    const bearer = { authorization: `Bearer ${ALICE}` };
    expect((await request(url('/api/v1/clusters'), { headers: bearer })).status).toBe(200);
    expect((await request(url('/metrics'), { headers: bearer })).status).toBe(200);
    const wall = await login(WALL);
    const aliceCookie = await login(ALICE);
    writeFileSync(tokenFile, `alice:${ALICE}\n`);
    await eventually(
      async () =>
        (await request(url('/api/v1/clusters'), { headers: { cookie: wall } })).status === 401,
      5000,
      'wall token revoked',
    );
    expect(
      (await request(url('/api/v1/clusters'), { headers: { cookie: aliceCookie } })).status,
    ).toBe(200);
    const forged = wall.replace(/\.[A-Za-z0-9_-]{43}$/, `.${'A'.repeat(43)}`);
    expect((await request(url('/api/v1/clusters'), { headers: { cookie: forged } })).status).toBe(
      401,
    );
    writeFileSync(tokenFile, `wall:${WALL}\nalice:${ALICE}\n`);
  });

  it('marks the cookie Secure only for HTTPS from a trusted proxy', async () => {
    const untrusted = await request(url('/login'), {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-proto': 'https',
      },
      body: `token=${ALICE}`,
    });
    expect(untrusted.headers['set-cookie']?.[0]).not.toMatch(/Secure/);
    const proxied = await serverWith(sim, ['--auth', 'token', '--auth-proxy-from', '127.0.0.1'], {
      KUBEGLANCE_TOKENS: ALICE,
    });
    try {
      const res = await request(`${proxied.url}/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-proto': 'https',
        },
        body: `token=${ALICE}`,
      });
      expect(res.headers['set-cookie']?.[0]).toMatch(/; Secure/);
    } finally {
      await proxied.stop();
    }
  });
});

describe('host check and headers', () => {
  it('answers only for loopback names, IP literals and --allowed-host (no DNS rebinding)', async () => {
    const port = new URL(server.url).port;
    const bearer = { authorization: `Bearer ${ALICE}` };
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      'dash.example.com',
    ]) {
      const res = await request(url('/api/v1/clusters'), { headers: { ...bearer, host } });
      expect(res.status, host).toBe(200);
    }
    for (const host of [
      `attacker.example:${port}`,
      'dash.example.com.evil.example',
      'localhost.evil',
    ]) {
      const res = await request(url('/api/v1/clusters'), { headers: { ...bearer, host } });
      expect(res.status, host).toBe(421);
      expect(json(res.body).error.code).toBe('host-not-allowed');
      expect((await request(url('/healthz'), { headers: { host } })).status).toBe(421);
    }
  });

  it('sends a strict CSP, frame-ancestors, nosniff, no referrer, no X-Powered-By', async () => {
    const res = await request(url('/login'));
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const framed = await serverWith(sim, ['--frame-ancestors', 'https://grafana.example.com']);
    try {
      const r = await request(`${framed.url}/api/v1/clusters`);
      expect(String(r.headers['content-security-policy'])).toContain(
        'frame-ancestors https://grafana.example.com',
      );
      expect(r.headers['x-frame-options']).toBeUndefined();
    } finally {
      await framed.stop();
    }
  });
});

describe('--auth proxy and --metrics-auth', () => {
  it('trusts the user header only from --auth-proxy-from', async () => {
    const header = { 'x-forwarded-user': 'alice@example.com' };
    const far = await serverWith(sim, ['--auth', 'proxy', '--auth-proxy-from', '10.0.0.0/8']);
    const near = await serverWith(sim, [
      '--auth=proxy',
      '--auth-proxy-from=127.0.0.1',
      '--metrics-auth=no',
    ]);
    try {
      expect((await request(`${far.url}/api/v1/clusters`, { headers: header })).status).toBe(401);
      expect((await request(`${near.url}/api/v1/clusters`, { headers: header })).status).toBe(200);
      expect((await request(`${near.url}/api/v1/clusters`)).status).toBe(401);
      expect((await request(`${near.url}/metrics`)).status).toBe(200);
    } finally {
      await far.stop();
      await near.stop();
    }
  });
});
