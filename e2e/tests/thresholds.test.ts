/**
 * Badge = colour = printed value (issue 9, item 4): the simulator holds one pod at 89.7 %
 * and one at exactly 90 % of its memory limit (`memoryPins`). 89.7 % prints "89%", plain, no
 * OOM badge; 90 % prints "90%", in the "bad" colour, with the badge naming 90%.
 */
import { describe, expect, it } from 'vitest';
import type { NamespaceRow, PodRow, SampledListResponse } from '@kubeglance/shared/api';
import { BIG, BIG_MEMORY_PINS, DESKTOP } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { readTable, rowsByName, waitForScreen } from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

/** The pod held at `share` of its memory limit (by the server's own numbers). */
async function pinnedPod(share: number): Promise<PodRow> {
  return waitFor(
    async () => {
      const { items } = await api<SampledListResponse<NamespaceRow>>('/namespaces');
      for (const ns of items) {
        const pods = await api<SampledListResponse<PodRow>>(`/namespaces/${ns.name}/pods`);
        const pod = pods.items.find((p) => {
          const { usageBytes, limitBytes } = p.memory;
          if (usageBytes == null || limitBytes == null) return false;
          const ratio = usageBytes / limitBytes;
          return ratio >= share && ratio < share + 1e-5;
        });
        if (pod) return pod;
      }
      return false;
    },
    { timeout: 30_000, what: `a pod at ${share * 100}% of its memory limit` },
  );
}

describe.each([
  { share: BIG_MEMORY_PINS[0], printed: '89%', risk: false },
  { share: BIG_MEMORY_PINS[1], printed: '90%', risk: true },
])('a pod at $share of its memory limit', ({ share, printed, risk }) => {
  it(`prints ${printed}; colour and badge agree with it`, async () => {
    const pod = await pinnedPod(share);
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}/namespaces/${pod.namespace}?q=${pod.name}`);
    const table = page.getByRole('table', { name: 'Pods' });
    const row = await waitForScreen(
      async () => rowsByName(await readTable(table)).get(pod.name),
      (r) => r != null || `${pod.name} not in the table yet`,
      { what: `the row of ${pod.name}` },
    );
    expect(row!['%MEM/L']).toBe(printed);
    expect((row!.Flags ?? '').includes('OOM risk')).toBe(risk);

    const podRow = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: pod.name }) });
    const [colour, bad, text, cellText] = await podRow.evaluate((tr) => {
      const headers = Array.from(tr.closest('table')!.querySelectorAll('thead th'));
      const index = headers.findIndex((h) => /%MEM\/L/.test(h.textContent ?? ''));
      const cell = tr.children[index]!;
      const value = cell.querySelector('span') ?? cell;
      const probe = document.createElement('span');
      probe.style.color = 'var(--bad)';
      document.body.append(probe);
      const result = [
        getComputedStyle(value).color,
        getComputedStyle(probe).color,
        getComputedStyle(document.body).color,
        cell.textContent ?? '',
      ];
      probe.remove();
      return result;
    });
    expect(cellText).toBe(printed);
    if (risk) expect(colour).toBe(bad);
    else {
      expect(colour).not.toBe(bad);
      expect(colour).toBe(text);
    }

    // The badge names the same number the cell prints.
    const badge = podRow.getByText('OOM risk', { exact: true });
    if (risk) expect(await badge.getAttribute('title')).toBe(`Memory at ${printed} of its limit`);
    else expect(await badge.count()).toBe(0);
  });
});
