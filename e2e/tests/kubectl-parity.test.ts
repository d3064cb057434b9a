/**
 * The node table is `kubectl top nodes`: for one and the same metrics sample, every node's
 * CPU(cores), CPU%, MEMORY(bytes) and MEMORY% cell must read exactly what kubectl prints.
 * The simulator's `metrics-stale` fault freezes its sample so both can read the same one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeRow, SampledListResponse } from '@kubeglance/shared/api';
import { BIG, kubectl, simGet } from './fixtures/env.js';
import { useEnv } from './fixtures/suite.js';
import { readTable, rowsByName, waitForScreen } from './fixtures/ui.js';
import { waitFor } from './fixtures/wait.js';

const env = useEnv();
const COLUMNS = ['CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%'] as const;

afterEach(() => {
  env().big.faults.clear('metrics-stale');
});

/** `kubectl top nodes --no-headers` as name → the four value columns. */
function parseTopNodes(out: string): Map<string, string[]> {
  const rows = out
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  return new Map(rows.map(([name = '', ...values]) => [name, values]));
}

describe('node table equals kubectl top nodes', () => {
  it('CPU(cores), CPU%, MEMORY(bytes), MEMORY% of every node, for a frozen sample', async () => {
    const { big, api } = env();
    const nodesPath = `/api/v1/clusters/${BIG.name}/nodes`;
    const page = await env().newPage();

    // Remember the newest /nodes sample the page itself fetched.
    let pageSampleMs: number | null = null;
    page.on('response', (res) => {
      if (new URL(res.url()).pathname !== nodesPath || !res.ok()) return;
      res
        .json()
        .then((body: SampledListResponse<NodeRow>) => {
          pageSampleMs = Math.max(pageSampleMs ?? 0, body.timestampMs ?? 0);
        })
        .catch(() => undefined);
    });
    await page.goto(`/clusters/${BIG.name}`);
    const table = page.getByRole('table', { name: 'Nodes' });
    await table.getByRole('rowheader').first().waitFor();

    // Freeze the simulator's sample and learn its timestamp from the metrics API itself.
    big.faults.set('metrics-stale');
    const nodeMetrics = await simGet<{ items: { timestamp: string }[] }>(
      big,
      '/apis/metrics.k8s.io/v1beta1/nodes',
    );
    const frozenMs = Date.parse(nodeMetrics.items[0]?.timestamp ?? '');
    expect(Number.isFinite(frozenMs)).toBe(true);

    // The server stops advancing once it has polled the frozen sample; then the page fetches it.
    await waitFor(
      async () => (await api<SampledListResponse<NodeRow>>(nodesPath)).timestampMs === frozenMs,
      { timeout: 30_000, what: 'the server to hold the frozen sample' },
    );
    await waitFor(() => pageSampleMs === frozenMs, {
      timeout: 30_000,
      what: 'the page to fetch the frozen sample',
    });
    // Still frozen: nothing newer arrived while the page caught up.
    expect((await api<SampledListResponse<NodeRow>>(nodesPath)).timestampMs).toBe(frozenMs);

    const kubectlRows = parseTopNodes(
      await kubectl(big.kubeconfigPath, 'top', 'nodes', '--no-headers'),
    );
    expect(kubectlRows.size).toBe(BIG.nodes);

    // The page renders what it fetched within a frame or two; poll for that, nothing else.
    await waitForScreen(
      async () => rowsByName(await readTable(table)),
      (shown) => {
        if (shown.size !== kubectlRows.size)
          return `${shown.size} rows, kubectl has ${kubectlRows.size}`;
        const diffs: string[] = [];
        for (const [name, values] of kubectlRows) {
          const row = shown.get(name);
          if (!row) {
            diffs.push(`${name}: not in the table`);
            continue;
          }
          COLUMNS.forEach((col, i) => {
            if (row[col] !== values[i])
              diffs.push(`${name} ${col}: table ${row[col]}, kubectl ${values[i]}`);
          });
        }
        return diffs.length === 0 || diffs.join('; ');
      },
      { timeout: 15_000, what: 'the node table to equal kubectl top nodes' },
    );

    // Nodes with metrics never show "<unknown>"; every row is a real number.
    const final = await readTable(table);
    for (const row of rowsByName(final).values()) {
      for (const col of COLUMNS) expect(row[col], col).toMatch(/^\d+(m|%|Mi)$/);
    }
  });
});
