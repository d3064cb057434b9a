/**
 * Each metrics-pipeline fault as a user meets it: the problem banner names the broken link and
 * links to the cluster's Diagnostics page, which shows that link first with its evidence and
 * fix; the wall screen says the same in one line. Screenshots of each Diagnostics page go to
 * e2e/artifacts/diagnostics-<fault>.png (and, with UPDATE_DOCS_SCREENSHOTS=1, to
 * docs/screenshots/ for docs/troubleshooting.md).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnosticsReport } from '@kubeglance/shared/api';
import { publishScreenshot, screenshot } from './fixtures/artifacts.js';
import { DESKTOP, FULL_HD, SMALL } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();

afterEach(() => {
  env().small.faults.clear();
});

const CASES = [
  ['aggregation-off', 'aggregation', 'Aggregation layer', /system:anonymous/],
  ['apiservice-missing', 'apiservice', 'APIService v1beta1.metrics.k8s.io', /404/],
  ['apiservice-timeout', 'apiservice', 'APIService v1beta1.metrics.k8s.io', /i\/o timeout/],
  ['missing-endpoints', 'apiservice', 'APIService v1beta1.metrics.k8s.io', /MissingEndpoints/],
  ['kubelet-x509-some', 'kubelet-scrape', 'Kubelet scrape', /doesn't contain any IP SANs/],
  ['kubelet-x509-all', 'kubelet-scrape', 'Kubelet scrape', /doesn't contain any IP SANs/],
] as const;

/**
 * Until the server's diagnostics name `check` with this fault's evidence (the previous
 * fault's report may name the same link).
 */
async function serverNames(check: string, seen: RegExp): Promise<void> {
  await waitFor(
    async () => {
      // An on-demand run (rate-limited by the server to one per 5 s): the scheduled one may
      // still be judging the previous fault's state.
      const r = await env().api<DiagnosticsReport>(
        `/api/v1/clusters/${SMALL.name}/diagnostics?refresh=1`,
      );
      const c = r.checks.find((x) => x.id === check);
      return r.failing === check && c!.evidence.some((e) => seen.test(e.value));
    },
    { timeout: 30_000, what: `the server naming ${check}` },
  );
}

describe('diagnostics of a broken metrics pipeline', () => {
  it.each(CASES)(
    '%s: banner → Diagnostics page (%s first) → NOC',
    async (fault, check, title, seen) => {
      env().small.faults.set(fault);
      await serverNames(check, seen);

      // The overview's problem banner names the link and leads to the Diagnostics page.
      const page = await env().newPage(DESKTOP);
      await page.goto(`/clusters/${SMALL.name}`);
      const banner = page.getByRole('region', { name: `Problems in ${SMALL.name}` });
      await banner.getByText(`${title}`, { exact: false }).first().waitFor({ timeout: 30_000 });
      await banner.getByRole('link', { name: 'Diagnose the metrics pipeline →' }).click();
      await page.waitForURL(`**/clusters/${SMALL.name}/diagnostics`);

      // The failing link is the first card, with its evidence (verbatim) and a fix to copy.
      const first = page.getByRole('article').first();
      await waitFor(async () => (await first.getAttribute('data-check')) === check, {
        timeout: 30_000,
        what: `${check} as the first card`,
      });
      expect(await first.getAttribute('data-status')).toBe('fail');
      expect(
        await page
          .getByRole('region', { name: 'Fix this first' })
          .getByRole('heading', { level: 2, name: title })
          .count(),
      ).toBe(1);
      await expect
        .poll(() => first.locator('.diag-mono').allInnerTexts(), { timeout: 30_000 })
        .toEqual(expect.arrayContaining([expect.stringMatching(seen)]));
      expect(await first.getByRole('button', { name: 'Copy' }).count()).toBeGreaterThan(0);
      // The chain is drawn as steps, with the failing one marked.
      const steps = page.getByRole('list', { name: 'Metrics chain' }).getByRole('listitem');
      expect(await steps.count()).toBe(8);
      const shot = await screenshot(page, `diagnostics-${fault}`, { fullPage: true });
      await publishScreenshot(shot, `diagnostics-${fault}.png`);

      // The wall screen says it in one line, and its pipeline alert opens the same page.
      const noc = await env().newPage(FULL_HD);
      await noc.goto(`/noc?clusters=${SMALL.name}`);
      const line = noc.getByRole('link', { name: `Diagnosis of ${SMALL.name}` });
      await line.waitFor({ timeout: 30_000 });
      await waitFor(async () => (await line.innerText()).includes(title), {
        what: 'NOC diagnosis line',
      });
      const box = await line.boundingBox();
      // One line, readable across a room: at least 3 % of the screen's height.
      expect(box!.height).toBeLessThan(FULL_HD.height * 0.08);
      expect(box!.height).toBeGreaterThan(FULL_HD.height * 0.03);
      expect(await line.getAttribute('href')).toBe(`/clusters/${SMALL.name}/diagnostics#${check}`);
      const alertLinks = noc.getByRole('region', { name: 'Alerts' }).getByRole('link');
      await waitFor(async () => (await alertLinks.count()) > 0, {
        what: 'a pipeline alert linking to Diagnostics',
      });
      expect(await alertLinks.first().getAttribute('href')).toMatch(
        new RegExp(`^/clusters/${SMALL.name}/diagnostics`),
      );
      const nocShot = await screenshot(noc, `noc-diagnosis-${fault}`);
      if (fault === 'kubelet-x509-all') await publishScreenshot(nocShot, 'noc-diagnosis.png');
    },
  );
});
