/**
 * Moving around: overview → namespace → pod by clicking links, browser back/forward, and view
 * state (sort, filter, range) kept in the URL so a reload or a shared link shows the same view.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { NamespaceRow, SampledListResponse } from '@kubeglance/shared/api';
import { BIG } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import {
  ariaSort,
  column,
  inOrder,
  leadingNumber,
  readTable,
  rowHeaderNames,
  sortBy,
  waitForScreen,
} from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function waitForPath(page: Page, pathname: string) {
  await waitFor(() => decodeURIComponent(new URL(page.url()).pathname) === pathname, {
    timeout: 15_000,
    what: `the URL path to become ${pathname} (is ${page.url()})`,
  });
}

const rangeRadio = (page: Page, range: string) =>
  page.getByRole('group', { name: 'Time range' }).getByRole('radio', { name: range, exact: true });

describe('drilldown navigation', () => {
  it('overview → namespace → pod by links, then back and forward', async () => {
    // The first test of a file may start before the first metrics sample has arrived.
    const ns = await waitFor(
      async () => {
        const { items } = await env().api<SampledListResponse<NamespaceRow>>(
          `/api/v1/clusters/${BIG.name}/namespaces`,
        );
        return items.find((n) => n.pods > 0 && n.cpu.usageMillicores != null)?.name;
      },
      { what: 'a namespace with pods and metrics' },
    );
    const overviewPath = `/clusters/${BIG.name}`;
    const nsPath = `${overviewPath}/namespaces/${ns}`;

    const page = await env().newPage();
    await page.goto(overviewPath);
    await h1(page, BIG.name).waitFor();

    await page
      .getByRole('table', { name: 'Namespaces' })
      .getByRole('link', { name: ns, exact: true })
      .click();
    await waitForPath(page, nsPath);
    await h1(page, `Namespace ${ns}`).waitFor();

    const pods = page.getByRole('table', { name: 'Pods' });
    const podLink = pods.getByRole('rowheader').first().getByRole('link');
    await podLink.waitFor();
    const pod = (await podLink.innerText()).trim();
    await podLink.click();
    await waitForPath(page, `${nsPath}/pods/${pod}`);
    await h1(page, `Pod ${pod}`).waitFor();
    await page
      .getByRole('region', { name: 'Pod', exact: true })
      .getByRole('term')
      .first()
      .waitFor();

    // The breadcrumb leads back up.
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await crumbs.getByRole('link', { name: ns, exact: true }).click();
    await waitForPath(page, nsPath);
    await h1(page, `Namespace ${ns}`).waitFor();

    // History: back to the pod, back to the namespace, back to the overview; then forward.
    await page.goBack();
    await h1(page, `Pod ${pod}`).waitFor();
    await page.goBack();
    await h1(page, `Namespace ${ns}`).waitFor();
    await page.goBack();
    await h1(page, BIG.name).waitFor();
    await waitForPath(page, overviewPath);
    await page.goForward();
    await h1(page, `Namespace ${ns}`).waitFor();
    await page.goForward();
    await h1(page, `Pod ${pod}`).waitFor();

    // The header's overview link goes home.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Overview' })
      .click();
    await h1(page, BIG.name).waitFor();
    await waitForPath(page, overviewPath);
  });

  it('a URL with sort, filter and range reproduces the view, also after a reload', async () => {
    const page = await env().newPage();
    await page.goto(`/clusters/${BIG.name}?range=1h&nsort=-memoryPercent&nq=worker`);
    const nodes = page.getByRole('table', { name: 'Nodes' });

    const checkView = async () => {
      await waitForScreen(
        async () => ({
          sort: await ariaSort(nodes, 'MEMORY%'),
          filter: await page.getByRole('searchbox', { name: 'Filter nodes' }).inputValue(),
          range: await rangeRadio(page, '1h').isChecked(),
          names: await rowHeaderNames(nodes),
          mem: column(await readTable(nodes), 'MEMORY%').map(leadingNumber),
          chart: await page.getByRole('region', { name: 'Usage over the last 1h' }).count(),
        }),
        (v) =>
          (v.sort === 'descending' &&
            v.filter === 'worker' &&
            v.range &&
            v.chart === 1 &&
            v.names.length === BIG.nodes - 3 &&
            v.names.every((n) => n.includes('worker')) &&
            inOrder(v.mem, 'desc') === true) ||
          'view differs from the URL',
        { what: 'the view the URL describes' },
      );
    };
    await checkView();
    await page.reload();
    await checkView();
  });

  it('changes made on screen go into the URL; reload keeps them; back and forward step through them', async () => {
    const page = await env().newPage();
    const ns = 'kube-system';
    await page.goto(`/clusters/${BIG.name}/namespaces/${ns}`);
    const pods = page.getByRole('table', { name: 'Pods' });
    await pods.getByRole('rowheader').first().waitFor();
    expect(await ariaSort(pods, 'CPU')).toBe('descending');
    expect(await rangeRadio(page, '15m').isChecked()).toBe(true);

    // Sort (a history entry), range (another), filter (replaces the current entry while typing).
    await sortBy(pods, 'MEM', 'descending');
    await rangeRadio(page, '5m').check();
    await page.getByRole('region', { name: 'Usage over the last 5m' }).waitFor();
    await page.getByRole('searchbox', { name: 'Filter pods' }).fill('kube-');
    await waitFor(
      () => {
        const p = new URL(page.url()).searchParams;
        return p.get('sort') === '-memory' && p.get('range') === '5m' && p.get('q') === 'kube-';
      },
      { timeout: 15_000, what: `sort, range and filter in the URL (is ${page.url()})` },
    );

    const expectState = async (state: { sort: string; range: string; q: string }) => {
      await waitForScreen(
        async () => ({
          memSort: await ariaSort(pods, 'MEM'),
          cpuSort: await ariaSort(pods, 'CPU'),
          range: await rangeRadio(page, state.range).isChecked(),
          q: await page.getByRole('searchbox', { name: 'Filter pods' }).inputValue(),
          names: column(await readTable(pods), 'Name'),
        }),
        (v) =>
          ((state.sort === '-memory'
            ? v.memSort === 'descending' && v.cpuSort === null
            : v.cpuSort === 'descending' && v.memSort === null) &&
            v.range &&
            v.q === state.q &&
            v.names.length > 0 &&
            v.names.every((n) => n.toLowerCase().includes(state.q) || state.q === '')) ||
          'view differs',
        { timeout: 20_000, what: `the view ${JSON.stringify(state)}` },
      );
    };
    await expectState({ sort: '-memory', range: '5m', q: 'kube-' });
    await page.reload();
    await expectState({ sort: '-memory', range: '5m', q: 'kube-' });

    // Back undoes the range change (the filter rode along in the replaced entry), then the sort.
    await page.goBack();
    await expectState({ sort: '-memory', range: '15m', q: '' });
    await page.goBack();
    await expectState({ sort: '-cpu', range: '15m', q: '' });
    await page.goForward();
    await expectState({ sort: '-memory', range: '15m', q: '' });
    await page.goForward();
    await expectState({ sort: '-memory', range: '5m', q: 'kube-' });
  });
});
