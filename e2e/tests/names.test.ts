/**
 * Names and units as people read them, at 1440 and 1920 px: no pod or node name, column
 * header, status or "no metrics" cell is cut (its text fits its box) and each shows the whole
 * name the API returns, so pods of two Deployments stay apart; every CPU or memory column
 * prints one unit. On a phone (390 px) every table leads with name, CPU and memory.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type {
  NamespaceRow,
  NodeRow,
  PodRow,
  SampledListResponse,
  TopPod,
} from '@kubeglance/shared/api';
import { BIG, DESKTOP, FULL_HD, UHD_4K, type Viewport } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { column, readTable, rowHeaderNames, waitForScreen } from './fixtures/ui.js';

const env = useEnv();
const api = <T>(path: string) => env().api<T>(`/api/v1/clusters/${BIG.name}${path}`);

/**
 * Cells of `scope` with cut text: the cell or anything inside it (a middle-ellipsis head, a
 * badge) narrower or lower than its content. Visually hidden helper text is not read.
 */
function cutCells(scope: Locator, selector: string): Promise<string[]> {
  return scope.locator(selector).evaluateAll((cells) =>
    cells
      .filter((cell) =>
        [cell, ...Array.from(cell.querySelectorAll('*'))].some((el) => {
          const e = el as HTMLElement;
          if (e.closest('.sr-only') || e.getBoundingClientRect().width <= 1) return false;
          return e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1;
        }),
      )
      .map((c) => (c as HTMLElement).innerText),
  );
}

/** The namespace whose pods come from the most Deployments that share a name start. */
async function namespaceWithMostPods(): Promise<string> {
  const { items } = await api<SampledListResponse<NamespaceRow>>('/namespaces');
  return [...items].sort((a, b) => b.pods - a.pods)[0]!.name;
}

/** The ReplicaSet part of a pod name ("data-grpc-95478d649" of "data-grpc-95478d649-x5pfm"). */
const workloadOf = (pod: string) => pod.replace(/-[a-z0-9]{5}$/, '');

async function checkPodTable(page: Page, ns: string) {
  const table = page.getByRole('table', { name: 'Pods' });
  const { items } = await api<SampledListResponse<PodRow>>(`/namespaces/${ns}/pods`);
  const names = await waitForScreen(
    () => rowHeaderNames(table),
    (shown) => shown.length > 5,
  );
  const known = new Set(items.map((p) => p.name));
  // Pods may come and go (churn); every name shown is whole, and there is one per pod.
  const whole = names.filter((n) => known.has(n));
  expect(
    whole.length,
    `names not whole: ${names.filter((n) => !known.has(n)).join(', ')}`,
  ).toBeGreaterThanOrEqual(names.length - 2);
  expect(new Set(names).size).toBe(names.length);
  // Two Deployments' pods: their names differ on screen before the pod hash.
  const workloads = new Set(whole.map(workloadOf));
  expect(workloads.size).toBeGreaterThan(1);
  expect(await cutCells(table, 'thead th, tbody th.name, tbody td')).toEqual([]);
}

describe('names are never cut', () => {
  for (const viewport of [DESKTOP, FULL_HD] as Viewport[]) {
    const at = `${viewport.width} px`;

    it(`namespace pod table at ${at}: whole names, headers, status and "no metrics" uncut`, async () => {
      const ns = await namespaceWithMostPods();
      const page = await env().newPage(viewport);
      await page.goto(`/clusters/${BIG.name}/namespaces/${ns}`);
      await checkPodTable(page, ns);
      // A pod without metrics says so in full.
      const noMetrics = page.getByRole('table', { name: 'Pods' }).getByText('no metrics');
      for (const el of await noMetrics.all()) {
        expect(await el.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      }
    });

    it(`overview node and top-pod tables at ${at}: whole names`, async () => {
      const page = await env().newPage(viewport);
      await page.goto(`/clusters/${BIG.name}`);
      const nodes = page.getByRole('table', { name: 'Nodes' });
      const { items } = await api<SampledListResponse<NodeRow>>('/nodes');
      const shown = await waitForScreen(
        () => rowHeaderNames(nodes),
        (n) => n.length === BIG.nodes,
      );
      expect([...shown].sort()).toEqual(items.map((n) => n.name).sort());
      expect(await cutCells(nodes, 'thead th, tbody th, tbody td:not(:last-child)')).toEqual([]);
      for (const title of ['Top pods by CPU', 'Top pods by memory']) {
        const top = page.getByRole('table', { name: title });
        await top.getByRole('rowheader').first().waitFor();
        expect(await cutCells(top, 'thead th, tbody th, tbody td'), title).toEqual([]);
      }
    });

    it(`node page pod list at ${at}: whole names`, async () => {
      const { items } = await api<SampledListResponse<NodeRow>>('/nodes');
      const node = [...items].sort((a, b) => b.pods - a.pods)[0]!;
      const page = await env().newPage(viewport);
      await page.goto(`/clusters/${BIG.name}/nodes/${node.name}`);
      const table = page.getByRole('table', { name: 'Pods on this node' });
      await table.getByRole('rowheader').first().waitFor();
      expect(await cutCells(table, 'thead th, tbody th, tbody td')).toEqual([]);
    });
  }
});

describe('wall screen top-10 lists', () => {
  /** Each row's name as read (namespace/name), and whether it is cut or wraps past its row. */
  function topRows(page: Page, title: string) {
    return page
      .getByRole('region', { name: title })
      .getByRole('listitem')
      .evaluateAll((items) =>
        items.map((li) => {
          const name = li.querySelector('.noc-top-name') as HTMLElement;
          const text = (node: Node): string =>
            node.nodeType === Node.TEXT_NODE
              ? (node.textContent ?? '')
              : Array.from(node.childNodes, text).join('');
          const box = li.getBoundingClientRect();
          const list = li.parentElement!.getBoundingClientRect();
          const nameBox = name.getBoundingClientRect();
          return {
            name: text(name).trim(),
            // Vertically by boxes: the glyphs' own overflow of a tight line-height is no cut.
            cut:
              [name, ...Array.from(name.querySelectorAll<HTMLElement>('*'))].some(
                (e) => e.getBoundingClientRect().width > 1 && e.scrollWidth > e.clientWidth + 1,
              ) ||
              nameBox.top < box.top - 1 ||
              nameBox.bottom > box.bottom + 1 ||
              box.bottom > list.bottom + 1,
          };
        }),
      );
  }

  for (const [at, viewport] of [
    ['1920x1080', FULL_HD],
    ['3840x2160', UHD_4K],
  ] as const) {
    it(`no top pod's name is cut at ${at}, and each is the API's namespace/name`, async () => {
      const page = await env().newPage(viewport);
      await page.goto(`/noc?clusters=${BIG.name}&rotate=10m`);
      const known = new Set<string>();
      for (const sort of ['cpu', 'memory']) {
        const { items } = await api<SampledListResponse<TopPod>>(`/pods?sort=${sort}&limit=100`);
        for (const p of items) known.add(`${p.namespace}/${p.name}`);
      }
      for (const title of ['Top 10 pods by CPU', 'Top 10 pods by memory']) {
        const rows = await waitForScreen(
          () => topRows(page, title),
          (r) => r.length === 10,
        );
        expect(
          rows.filter((r) => r.cut),
          `${title} at ${at}`,
        ).toEqual([]);
        // Whole names: what is read is a real pod (churn may replace one between the reads).
        expect(rows.filter((r) => !known.has(r.name)).length, title).toBeLessThanOrEqual(1);
      }
    });
  }
});

describe('one unit per column', () => {
  const unitOf = (cell: string) =>
    cell
      .match(/(cores?|m|GiB|MiB)$/)?.[1]
      ?.replace('core', 'cores')
      .replace('coress', 'cores');

  it('namespace table and top pods print each CPU and memory column in one unit', async () => {
    const page = await env().newPage(FULL_HD);
    await page.goto(`/clusters/${BIG.name}`);
    const table = page.getByRole('table', { name: 'Namespaces' });
    await table.getByRole('rowheader').first().waitFor();
    const snap = await readTable(table);
    for (const name of [
      'CPU usage',
      'CPU requests',
      'CPU limits',
      'Memory usage',
      'Memory requests',
      'Memory limits',
    ]) {
      const units = new Set(
        column(snap, name)
          .map(unitOf)
          .filter((u) => u != null),
      );
      expect([...units], name).toHaveLength(1);
    }
    for (const [title, name] of [
      ['Top pods by CPU', 'CPU'],
      ['Top pods by memory', 'Memory'],
    ] as const) {
      const top = await readTable(page.getByRole('table', { name: title }));
      const units = new Set(
        column(top, name)
          .map(unitOf)
          .filter((u) => u != null),
      );
      expect([...units], title).toHaveLength(1);
    }
  });
});

/**
 * The first three header cells of `table` as a user sees them at the left (by position, not
 * DOM order), with whether each lies whole inside the window.
 */
function leadingHeaders(table: Locator): Promise<{ text: string; inView: boolean }[]> {
  return table.locator('thead th').evaluateAll((cells) => {
    const text = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
      return Array.from(node.childNodes, text).join('');
    };
    return cells
      .map((c) => ({ c, r: c.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0)
      .sort((a, b) => a.r.left - b.r.left)
      .slice(0, 3)
      .map(({ c, r }) => ({
        text: text(c).trim(),
        inView: r.left >= 0 && r.right <= window.innerWidth,
      }));
  });
}

const PHONE = { width: 390, height: 844 };

describe('phone (390 px)', () => {
  const lead = (name: string, cpu: string, memory: string) =>
    [name, cpu, memory].map((text) => ({ text, inView: true }));

  async function expectPhoneTables(page: Page, expected: Record<string, ReturnType<typeof lead>>) {
    for (const [name, headers] of Object.entries(expected)) {
      const table = page.getByRole('table', { name, exact: true });
      await table.getByRole('rowheader').first().waitFor({ timeout: 20_000 });
      expect(await leadingHeaders(table), name).toEqual(headers);
    }
    // Tables scroll inside their own box; the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(PHONE.width);
  }

  it('tables lead with name, CPU and memory, and the page never scrolls sideways', async () => {
    const page = await env().newPage(PHONE);
    await page.goto(`/clusters/${BIG.name}`);
    await expectPhoneTables(page, {
      Nodes: lead('Name', 'CPU(cores)', 'MEMORY(bytes)'),
      'Top pods by CPU': lead('Pod', 'CPU', 'Memory'),
      'Top pods by memory': lead('Pod', 'CPU', 'Memory'),
    });
    // The values stay kubectl's: the first node row's CPU and memory as `kubectl top` prints.
    const { items } = await api<SampledListResponse<NodeRow>>('/nodes');
    const nodes = await readTable(page.getByRole('table', { name: 'Nodes' }));
    expect(nodes.headers.slice(0, 3)).toEqual(['Name', 'CPU(cores)', 'MEMORY(bytes)']);
    expect(nodes.rows.map((r) => r[0]).sort()).toEqual(items.map((n) => n.name).sort());
    for (const row of nodes.rows) expect(row[1]).toMatch(/^(\d+m|<unknown>)$/);
    for (const row of nodes.rows) expect(row[2]).toMatch(/^(\d+Mi|<unknown>)$/);

    const ns = await namespaceWithMostPods();
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}`);
    await expectPhoneTables(page, { Pods: lead('Name', 'CPU', 'MEM') });

    const node = [...items].sort((a, b) => b.pods - a.pods)[0]!;
    await page.goto(`/clusters/${BIG.name}/nodes/${node.name}`);
    await expectPhoneTables(page, {
      'Pods on this node': lead('Name', 'CPU(cores)', 'MEMORY(bytes)'),
    });
  });

  it('the desktop keeps its column order', async () => {
    const page = await env().newPage(DESKTOP);
    await page.goto(`/clusters/${BIG.name}`);
    const nodes = page.getByRole('table', { name: 'Nodes' });
    await nodes.getByRole('rowheader').first().waitFor();
    expect((await readTable(nodes)).headers.slice(0, 4)).toEqual([
      'Name',
      'Status',
      'Roles',
      'CPU(cores)',
    ]);
    const top = page.getByRole('table', { name: 'Top pods by CPU' });
    await top.getByRole('rowheader').first().waitFor();
    expect((await readTable(top)).headers).toEqual(['#', 'Pod', 'Namespace', 'CPU']);
  });

  it('the wall screen scrolls down, never sideways, and nothing sticks out of it', async () => {
    const page = await env().newPage({ width: 390, height: 844 });
    await page.goto(`/noc?clusters=${BIG.name}&rotate=10m`);
    await page.getByRole('list', { name: 'Node heat-map' }).waitFor({ timeout: 20_000 });
    await page
      .getByRole('region', { name: 'Top 10 pods by CPU' })
      .getByRole('listitem')
      .first()
      .waitFor();
    const facts = await page.evaluate(() => {
      const noc = document.querySelector('.noc') as HTMLElement;
      const wide = Array.from(noc.querySelectorAll('*')).filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1);
      });
      return {
        page: document.documentElement.scrollWidth,
        noc: noc.scrollWidth - noc.clientWidth,
        outside: wide.slice(0, 5).map((e) => e.className || e.tagName),
      };
    });
    expect(facts).toEqual({ page: 390, noc: 0, outside: [] });
  });
});
