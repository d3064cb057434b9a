import type { NodeRow, NodeUsageTuple, SampledListResponse, Summary } from '@kubeglance/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startHarness, type Harness } from './harness.js';
import { connect, decodeSamples } from './sseReader.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ resolutionMs: 1000, nodes: 12 });
  await eventually(
    async () => (await h.get<Summary>(`/api/v1/clusters/${h.cluster}/summary`)).body.timestampMs,
    20_000,
  );
});
afterAll(() => h?.stop());

/** What a node row says about usage, as a decoded sample tuple. */
function rowTuple(n: NodeRow): NodeUsageTuple {
  const { cpu, memory } = n;
  return [
    n.name,
    cpu.usageMillicores,
    memory.usageBytes,
    cpu.percent,
    memory.percent,
    n.metricsTimestampMs,
  ];
}

describe('sample event node columns', () => {
  // The event leaves out the percentages (the client computes them from the allocatable of
  // the order it holds): what it decodes to must be exactly the server's rows of that sample.
  it('decode to the node rows of the same sample, percentages and timestamps included', async () => {
    const client = connect(`${h.server.url}/api/v1/stream?clusters=${h.cluster}`);
    try {
      let matched: { rows: NodeRow[]; usage: NodeUsageTuple[] } | undefined;
      await eventually(
        async () => {
          const nodes = (
            await h.get<SampledListResponse<NodeRow>>(`/api/v1/clusters/${h.cluster}/nodes`)
          ).body;
          const same = decodeSamples(client.frames).find(
            (d) => d.sample.timestampMs === nodes.timestampMs,
          );
          if (same?.usage) matched = { rows: nodes.items, usage: same.usage };
          return matched;
        },
        20_000,
        'a sample event and a nodes answer of the same sample',
      );
      const { rows, usage } = matched!;
      expect(usage).toEqual(rows.map(rowTuple));
      expect(rows.some((r) => (r.cpu.percent ?? 0) > 0)).toBe(true);
      expect(rows.some((r) => (r.memory.percent ?? 0) > 0)).toBe(true);
      // Every sample since the snapshot could be decoded (the client always held its order).
      expect(decodeSamples(client.frames).every((d) => d.usage !== undefined)).toBe(true);
    } finally {
      client.close();
    }
  });
});
