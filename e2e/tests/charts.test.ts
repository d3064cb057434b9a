/**
 * Charts as a user reads them (issue 9, item 8): a pod keeps its colour in the CPU and the
 * memory chart and across ranges; "other pods" does not flatten the top pods; legends are
 * readable (WCAG AA, from computed styles); the charts follow the pod table's filter;
 * "collecting history since" never covers the allocatable label; partial points are marked.
 * Screenshots at 1440 px, 1080p and 4K: e2e/artifacts/charts-*.png.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type {
  HistoryResponse,
  PodRow,
  SampledListResponse,
  Summary,
  TopPod,
} from '@kubeglance/shared/api';
import { screenshot } from './fixtures/artifacts.js';
import { BIG, DESKTOP, FULL_HD, UHD_4K, type Viewport } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { waitForCharts, waitForNoLoading, waitForScreen } from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

interface LegendItem {
  label: string;
  /** The swatch's colour (fill, or the dashed border of an outline). */
  color: string;
  contrast: number;
}

/** WCAG contrast of every text in the legend against the background behind it. */
async function legend(chart: Locator): Promise<LegendItem[]> {
  return chart.locator('.chart-legend li').evaluateAll((items) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = (c: string) => {
      const [r = 0, g = 0, b = 0] = rgb(c).map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const background = (e: Element | null): string => {
      for (let n = e; n; n = n.parentElement) {
        const bg = getComputedStyle(n).backgroundColor;
        if (rgb(bg)[3] !== 0 && bg !== 'transparent') return bg;
      }
      return 'rgb(255, 255, 255)';
    };
    const ratio = (fg: string, bg: string) => {
      const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
      return (a + 0.05) / (b + 0.05);
    };
    return items.map((li) => {
      const swatch = li.querySelector('.chart-swatch')!;
      const s = getComputedStyle(swatch);
      const texts = [li, ...Array.from(li.querySelectorAll('span:not(.chart-swatch)'))];
      return {
        label: (li.querySelector('.chart-legend-label')?.textContent ?? '').trim(),
        color: s.borderStyle === 'dashed' ? s.borderTopColor : s.backgroundColor,
        contrast: Math.min(
          ...texts.map((t) => ratio(getComputedStyle(t).color, background(t.parentElement))),
        ),
      };
    });
  });
}

const colours = (items: LegendItem[]) => new Map(items.map((i) => [i.label, i.color]));

function charts(page: Page) {
  const region = page.getByRole('region', { name: /^Usage over the last/ });
  return {
    region,
    cpu: region.getByRole('figure', { name: /^CPU by pod/ }),
    memory: region.getByRole('figure', { name: /^Memory by pod/ }),
  };
}

/** A namespace whose top 5 by CPU and top 5 by memory share a pod, and that pod. */
async function sharedTopPod(): Promise<{ ns: string; pod: string }> {
  return waitFor(
    async () => {
      const top = (sort: string) =>
        api<SampledListResponse<TopPod>>(`/pods?sort=${sort}&limit=1000`);
      const [cpu, mem] = await Promise.all([top('cpu'), top('memory')]);
      const namespaces = [...new Set(cpu.items.map((p) => p.namespace))];
      for (const ns of namespaces) {
        const c = cpu.items.filter((p) => p.namespace === ns).slice(0, 5);
        const m = new Set(
          mem.items
            .filter((p) => p.namespace === ns)
            .slice(0, 5)
            .map((p) => p.name),
        );
        const both = c.find((p) => m.has(p.name));
        if (both && c.length === 5) return { ns, pod: both.name };
      }
      return false;
    },
    { timeout: 30_000, what: 'a pod in the top 5 by CPU and by memory of its namespace' },
  );
}

async function drawn(page: Page) {
  const c = charts(page);
  await waitForCharts(c.region, 2);
  await waitForNoLoading(page);
  return c;
}

describe('namespace charts', () => {
  it('a pod keeps its colour in both charts and across ranges; legends at AA contrast', async () => {
    const { ns, pod } = await sharedTopPod();
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}?range=5m`);
    const c = await drawn(page);
    const read = () =>
      waitForScreen(
        async () => [colours(await legend(c.cpu)), colours(await legend(c.memory))] as const,
        ([cpu, mem]) => (cpu.has(pod) && mem.has(pod)) || `${pod} not in both legends yet`,
        { what: `${pod} in both legends` },
      );
    const [cpu, mem] = await read();
    expect(cpu.get(pod)).toMatch(/^rgb/);
    expect(mem.get(pod)).toBe(cpu.get(pod));
    // Pods of one chart never share a colour.
    const podColours = [...cpu].filter(([l]) => !l.startsWith('other')).map(([, v]) => v);
    expect(new Set(podColours).size).toBe(podColours.length);

    await page
      .getByRole('group', { name: 'Time range' })
      .getByRole('radio', { name: '15m', exact: true })
      .click();
    await c.region.getByRole('figure', { name: /^CPU by pod, last 15m/ }).waitFor();
    await waitForCharts(c.region, 2);
    const [cpu15] = await read();
    expect(cpu15.get(pod)).toBe(cpu.get(pod));

    for (const theme of ['light', 'dark']) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
      const items = [...(await legend(c.cpu)), ...(await legend(c.memory))];
      for (const item of items) {
        expect(item.contrast, `${theme} legend "${item.label}"`).toBeGreaterThanOrEqual(4.5);
      }
      console.log(`${theme} legend contrast: lowest ${Math.min(...items.map((i) => i.contrast))}`);
    }
    await screenshot(page, 'charts-namespace-1440', { fullPage: false });
  });

  it('"other pods" is an outline on its own axis: the top pods fill the plot', async () => {
    const { ns } = await sharedTopPod();
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}?range=5m`);
    const c = await drawn(page);
    const shares = await waitForScreen(
      () =>
        c.cpu.evaluate((fig) => {
          const plot = fig.querySelector('.recharts-cartesian-grid')!.getBoundingClientRect();
          const filled = Array.from(fig.querySelectorAll('.recharts-area-area')).filter(
            (p) => p.getAttribute('fill') !== 'none',
          );
          const top = Math.min(...filled.map((p) => p.getBoundingClientRect().top));
          const outlines = Array.from(fig.querySelectorAll('.recharts-area-curve')).filter((p) =>
            p.getAttribute('stroke-dasharray'),
          );
          return {
            stack: (plot.bottom - top) / plot.height,
            outlines: outlines.length,
            axes: fig.querySelectorAll('.recharts-yAxis').length,
          };
        }),
      (s) => (s.outlines === 1 && s.stack > 0) || JSON.stringify(s),
      { what: 'the stack and the other-pods outline drawn' },
    );
    // The stacked top pods reach at least half the plot's height (the axis is theirs).
    expect(shares.stack).toBeGreaterThan(0.5);
    expect(shares.axes).toBe(2);
    const items = await legend(c.cpu);
    expect(items.at(-1)?.label).toBe('other pods');
  });

  it('follow the pod table filter', async () => {
    const { ns } = await sharedTopPod();
    const { items } = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
    const top = await api<SampledListResponse<TopPod>>(`/pods?sort=cpu&limit=1&namespace=${ns}`);
    const topName = top.items[0]!.name;
    // A workload's prefix (its pods share it) that the namespace's top pod does not match.
    const prefix = (n: string) => n.split('-').slice(0, 2).join('-');
    const groups = new Map<string, PodRow[]>();
    for (const p of items.filter((i) => i.metrics === 'ok')) {
      groups.set(prefix(p.name), [...(groups.get(prefix(p.name)) ?? []), p]);
    }
    const [query, matching] = [...groups]
      .sort((a, b) => b[1].length - a[1].length)
      .find(
        ([q]) => !topName.includes(q) && items.filter((p) => p.name.includes(q)).length >= 2,
      ) ?? ['', []];
    expect(query, 'a pod group to filter by').not.toBe('');

    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}?range=5m`);
    const c = await drawn(page);
    await waitForScreen(
      async () => (await legend(c.cpu)).map((i) => i.label),
      (labels) => labels.includes(topName) || labels.join(', '),
      { what: 'the namespace top pod in the unfiltered chart' },
    );
    await page.getByRole('searchbox', { name: 'Filter pods' }).fill(query);
    const filtered = charts(page);
    await filtered.region.getByRole('figure', { name: /^CPU by pod matching/ }).waitFor();
    await waitForCharts(filtered.region, 2);
    const labels = await waitForScreen(
      async () => [
        ...(await legend(filtered.cpu)).map((i) => i.label),
        ...(await legend(filtered.memory)).map((i) => i.label),
      ],
      (l) => (l.length > 0 && !l.includes(topName)) || l.join(', '),
      { what: 'the filtered charts' },
    );
    const names = new Set(items.filter((p) => p.name.includes(query)).map((p) => p.name));
    for (const label of labels) {
      if (label === 'other matching pods') continue;
      expect(names.has(label), `${label} matches "${query}"`).toBe(true);
    }
    // More than five matches: the rest of them is summed as "other matching pods".
    if (matching.length > 5) expect(labels).toContain('other matching pods');
    await screenshot(page, 'charts-namespace-filtered', { fullPage: false });
  });
});

describe('overview charts', () => {
  for (const [name, viewport] of [
    ['1440', DESKTOP],
    ['1080p', FULL_HD],
    ['4k', UHD_4K],
  ] as [string, Viewport][]) {
    it(`"collecting history since" is clear of the allocatable label at ${name}; screenshots`, async () => {
      const page = await env().newPage(viewport);
      // The server is younger than an hour: the 1 h chart has an empty left part.
      await page.goto(`/clusters/${BIG.name}?range=1h`);
      const region = page.getByRole('region', { name: 'Usage over the last 1h' });
      await waitForCharts(region, 2);
      const boxes = await region.evaluate((r) =>
        Array.from(r.querySelectorAll('figure')).map((fig) => {
          const box = (e: Element | null | undefined) => {
            const b = e?.getBoundingClientRect();
            return b ? { x: b.x, y: b.y, w: b.width, h: b.height } : null;
          };
          const label = Array.from(fig.querySelectorAll('text')).find(
            (t) => t.textContent === 'allocatable',
          );
          return {
            collecting: box(fig.querySelector('.chart-collecting')),
            allocatable: box(label),
          };
        }),
      );
      expect(boxes).toHaveLength(2);
      for (const { collecting, allocatable } of boxes) {
        expect(collecting, `${name}: collecting note`).not.toBeNull();
        expect(allocatable, `${name}: allocatable label`).not.toBeNull();
        const a = allocatable!;
        const b = collecting!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${name}: ${JSON.stringify({ a, b })}`).toBe(false);
      }
      await screenshot(page, `charts-overview-${name}`, { fullPage: false });
      const { ns } = await sharedTopPod();
      await page.goto(`/clusters/${BIG.name}/namespaces/${ns}?range=5m`);
      await drawn(page);
      await screenshot(page, `charts-namespace-${name}`, { fullPage: false });
    });
  }

  it('mark partial points while nodes report no metrics', async () => {
    env().big.faults.set('nodes-missing-metrics');
    try {
      await waitFor(
        async () => {
          const h = await api<HistoryResponse>('/history?scope=cluster&range=5m');
          const last = h.coverage?.at(-1);
          return last != null && last[1] != null && last[2] != null && last[1] < last[2];
        },
        { timeout: 30_000, what: 'a partial point in the cluster history' },
      );
      const s = await api<Summary>('/summary');
      expect(s.nodes.withMetrics).toBeLessThan(s.nodes.total);
      const page = await env().newPage(DESKTOP);
      await page.goto(`/clusters/${BIG.name}?range=5m`);
      const region = page.getByRole('region', { name: 'Usage over the last 5m' });
      await region.getByText(/points? sums? only part of the cluster/).waitFor({ timeout: 15_000 });
      await waitForCharts(region, 2);
      const cpu = region.getByRole('figure', { name: /^Cluster CPU usage/ });
      const label = await cpu.getAttribute('aria-label');
      // The newest point is partial: named with its value, not "unknown".
      expect(label).toMatch(/partial: fewer nodes reported [\d.]+ (cores|millicores)/);
      expect((await legend(cpu)).map((i) => i.label)).toContain('partial: fewer nodes reported');
      await screenshot(page, 'charts-overview-partial', { fullPage: false });
    } finally {
      env().big.faults.clear();
    }
  });
});
