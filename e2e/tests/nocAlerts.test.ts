/**
 * Wall-screen alerts during an outage (`metrics-unavailable`): the problem's age keeps
 * advancing between server events, and its fix shows the commands, whole, without the prose.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Summary } from '@kubeglance/shared/api';
import { BIG, FULL_HD } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();

afterEach(() => {
  env().big.faults.clear('metrics-unavailable');
});

/** "for 12 s" / "for 2 min" in seconds (minutes count 60). */
function ageSeconds(text: string): number {
  const m = /for (\d+) (s|min)/.exec(text);
  if (!m) throw new Error(`no age in "${text}"`);
  return Number(m[1]) * (m[2] === 'min' ? 60 : 1);
}

describe('NOC alerts', () => {
  it('keep updating their age and show the fix command uncut', async () => {
    env().big.faults.set('metrics-unavailable');
    await waitFor(
      async () =>
        (await env().api<Summary>(`/api/v1/clusters/${BIG.name}/summary`)).status.problems.some(
          (p) => p.code === 'metrics-api-unavailable',
        ) || undefined,
      { timeout: 30_000, what: 'the metrics-api-unavailable problem' },
    );
    const page = await env().newPage(FULL_HD);
    await page.goto(`/noc?clusters=${BIG.name}&rotate=10m`);
    const alert = page
      .getByRole('region', { name: 'Alerts' })
      .locator('li.noc-alert', { hasText: 'metrics API is unavailable' });
    await alert.waitFor({ timeout: 20_000 });
    const age = alert.locator('.noc-alert-age');
    const first = ageSeconds(await age.innerText());
    // The age advances with the clock, not only when the server sends something.
    await waitFor(async () => ageSeconds(await age.innerText()) >= first + 3 || undefined, {
      timeout: 20_000,
      what: `the alert age to pass ${first + 3} s`,
    });
    const detail = alert.locator('.noc-alert-detail');
    const lines = (await detail.innerText()).split('\n');
    expect(lines).toEqual([
      'kubectl get apiservice v1beta1.metrics.k8s.io',
      'kubectl -n kube-system logs deploy/metrics-server',
    ]);
    const fits = await detail.evaluate((e) => {
      const li = e.closest('li')!.getBoundingClientRect();
      const area = e.closest('.noc-alerts-area')!.getBoundingClientRect();
      const r = e.getBoundingClientRect();
      return (
        e.scrollWidth <= e.clientWidth + 1 &&
        r.bottom <= li.bottom + 1 &&
        r.bottom <= area.bottom + 1 &&
        parseFloat(getComputedStyle(e).fontSize) >= 0.025 * window.innerHeight - 0.01
      );
    });
    expect(fits).toBe(true);
  });
});
