/**
 * The app behind `--auth token`, in real Chromium, under the server's strict CSP: the login
 * form (no script) exchanges a token for an HttpOnly, SameSite=Strict cookie, the token
 * never appears in a URL, and every screen loads and updates live with no CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage } from 'playwright-core';
import { parseConfig } from '@kubeglance/server/config';
import { startServer, type RunningServer } from '@kubeglance/server/server';
import { startSim, type RunningSim } from '@kubeglance/sim/index';
import { assertWebBuild, WEB_DIST } from './fixtures/backend.js';
import { assertChromium, launchBrowser, type BrowserSession } from './fixtures/browser.js';
import { waitFor } from './fixtures/wait.js';

const TOKEN = 'e2e-wall-screen-token-0123456789';
let sim: RunningSim;
let server: RunningServer;
let browser: BrowserSession;
const violations: string[] = [];

beforeAll(async () => {
  assertChromium();
  assertWebBuild();
  sim = await startSim({ name: 'e2e-secure', nodes: 3, pods: 30, port: 0, resolutionMs: 2000 });
  const config = parseConfig(
    [
      ...['--kubeconfig', sim.kubeconfigPath, '--static-dir', WEB_DIST, '--port', '0'],
      ...['--log-level', 'silent', '--auth', 'token'],
    ],
    { KUBEGLANCE_TOKENS: `wall:${TOKEN}` },
  );
  server = await startServer(config, {});
  browser = await launchBrowser(() => server.url);
});
afterAll(async () => {
  await browser?.stop();
  await server?.stop();
  await sim?.stop();
});

function watchCsp(message: ConsoleMessage): void {
  if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
}

describe('behind --auth token', () => {
  it('logs in through the form and shows every screen live under the CSP', async () => {
    const page = await browser.newPage();
    page.on('console', watchCsp);
    await page.goto('/noc');
    await waitFor(() => new URL(page.url()).pathname === '/login' || undefined, {
      timeout: 15_000,
      what: 'the login form',
    });
    await page.getByLabel('Viewer token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitFor(() => new URL(page.url()).pathname === '/noc' || undefined, {
      timeout: 15_000,
      what: 'back on /noc after login',
    });
    expect(page.url()).not.toContain(TOKEN);
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({
      name: 'kubeglance_session',
      httpOnly: true,
      sameSite: 'Strict',
    });
    expect(cookie!.value).not.toContain(TOKEN);

    // The wall screen shows the cluster and keeps receiving samples over SSE.
    await page.getByText('e2e-secure').first().waitFor({ timeout: 30_000 });
    const samples = () => server.broadcaster.size;
    await waitFor(() => samples() > 0 || undefined, { timeout: 15_000, what: 'an SSE client' });
    for (const path of ['/', '/clusters/e2e-secure']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
    }
    expect(violations).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  });
});
