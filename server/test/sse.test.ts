import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterSnapshot, HelloEvent, StatusEvent, Summary } from '@kubeglance/shared/api';
import { eventually, simGet, startHarness, type Harness } from './harness.js';
import { connect, decodeSamples } from './sseReader.js';

interface LoggedRequest {
  path: string;
  query: string;
  userAgent: string;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ resolutionMs: 1000 });
  await eventually(
    async () => (await h.get<Summary>(`/api/v1/clusters/${h.cluster}/summary`)).body.timestampMs,
    20_000,
  );
});
afterAll(() => h?.stop());

async function simRequests(): Promise<LoggedRequest[]> {
  return (await simGet<{ items: LoggedRequest[] }>(h.sim, '/_sim/requests')).items;
}

describe('server-sent events', () => {
  it('sends hello and a snapshot, then samples to every client', async () => {
    const clients = Array.from({ length: 5 }, () =>
      connect(`${h.server.url}/api/v1/stream?clusters=${h.cluster}`),
    );
    try {
      await eventually(
        async () => clients.every((c) => c.frames.some((f) => f.event === 'sample')),
        15_000,
        'samples',
      );
      for (const c of clients) {
        expect(c.frames[0]?.event).toBe('hello');
        expect((c.frames[0]?.data as HelloEvent).clusters).toEqual([h.cluster]);
        const snap = c.frames.find((f) => f.event === 'snapshot')?.data as ClusterSnapshot;
        expect(snap.cluster).toBe(h.cluster);
        expect(snap.nodes.length).toBe(6);
        // The order comes with the event, or is the snapshot's when its id is the same.
        const { sample, usage } = decodeSamples(c.frames)[0]!;
        expect(usage?.map((u) => u[0]).sort()).toEqual(snap.nodes.map((n) => n.name).sort());
        expect(sample.timestampMs).toBeGreaterThan(0);
      }
      expect(h.server.broadcaster.size).toBe(5);
    } finally {
      clients.forEach((c) => c.close());
    }
    await eventually(async () => h.server.broadcaster.size === 0, 5000, 'clients gone');
  });

  it('names an unknown cluster in hello and still streams the configured one', async () => {
    const client = connect(`${h.server.url}/api/v1/stream?clusters=${h.cluster},nope`);
    try {
      await eventually(async () => client.frames.some((f) => f.event === 'snapshot'), 10_000);
      const hello = client.frames[0]?.data as HelloEvent;
      expect(hello.clusters).toEqual([h.cluster]);
      expect(hello.unknown).toEqual(['nope']);
      expect(hello.serverNowMs).toBeGreaterThan(0);
      const snap = client.frames.find((f) => f.event === 'snapshot')?.data as ClusterSnapshot;
      expect(snap.cluster).toBe(h.cluster);
    } finally {
      client.close();
    }
  });

  it('a snapshot opened during an outage carries the true data age, by the server clock', async () => {
    h.sim.faults.set('metrics-unavailable');
    try {
      await eventually(
        async () =>
          (await h.get<Summary>(`/api/v1/clusters/${h.cluster}/summary`)).body.status.metrics ===
          'failing',
        15_000,
        'the pipeline failing',
      );
      const ageOnConnect = async () => {
        const c = connect(`${h.server.url}/api/v1/stream?clusters=${h.cluster}`);
        try {
          const f = await eventually(
            async () => c.frames.find((x) => x.event === 'snapshot'),
            10_000,
          );
          return (f.data as ClusterSnapshot).summary;
        } finally {
          c.close();
        }
      };
      const first = await ageOnConnect();
      expect(first.stale).toBe(true);
      expect(first.status.dataAgeMs).toBe(
        first.status.serverNowMs - first.status.newestSampleSeenMs!,
      );
      // A later connection (the server's snapshot cache is at most a second old) is older still.
      await eventually(
        async () => (await ageOnConnect()).status.dataAgeMs! >= first.status.dataAgeMs! + 1500,
        10_000,
        'an older age on a later connection',
      );
    } finally {
      h.sim.faults.clear();
    }
  });

  it('sends status events when the metrics pipeline breaks and when it recovers', async () => {
    const client = connect(`${h.server.url}/api/v1/stream?clusters=${h.cluster}`);
    try {
      await eventually(async () => client.frames.some((f) => f.event === 'snapshot'), 10_000);
      // Status events are sent on change: start from a recovered pipeline (the previous test
      // ends with an outage that needs a poll to clear).
      await eventually(
        async () =>
          (await h.get<Summary>(`/api/v1/clusters/${h.cluster}/summary`)).body.status.state ===
          'ok',
        15_000,
        'the pipeline recovered',
      );
      h.sim.faults.set('metrics-unavailable');
      const broken = await eventually(
        async () =>
          client.frames.find(
            (f) =>
              f.event === 'status' &&
              (f.data as StatusEvent).status.problems.some(
                (p) => p.code === 'metrics-api-unavailable',
              ),
          ),
        15_000,
        'a status event naming the problem',
      );
      expect((broken.data as StatusEvent).cluster).toBe(h.cluster);
      h.sim.faults.clear('metrics-unavailable');
      await eventually(
        async () => {
          const last = client.frames.filter((f) => f.event === 'status').at(-1);
          return last && (last.data as StatusEvent).status.state === 'ok';
        },
        20_000,
        'a status event saying ok',
      );
    } finally {
      h.sim.faults.clear();
      client.close();
    }
  });

  it('makes exactly one upstream metrics request of each kind per poll, however many clients', async () => {
    const count = async (n: number) => {
      const clients = Array.from({ length: n }, () => connect(`${h.server.url}/api/v1/stream`));
      await eventually(
        async () => clients.every((c) => c.frames.some((f) => f.event === 'snapshot')),
        10_000,
      );
      const before = (await simRequests()).length;
      const firstSamples = clients[0]!.frames.filter((f) => f.event === 'sample').length;
      await eventually(
        async () =>
          clients[0]!.frames.filter((f) => f.event === 'sample').length >= firstSamples + 3,
        15_000,
      );
      clients.forEach((c) => c.close());
      // A poll asks for nodes, then pods: a log read between the two would count one poll
      // half. Wait for a moment between polls, when every poll in the log is complete.
      let counts = { nodes: 0, pods: 0 };
      await eventually(async () => {
        const log = (await simRequests()).slice(before);
        const nodes = log.filter((r) => r.path === '/apis/metrics.k8s.io/v1beta1/nodes').length;
        const pods = log.filter((r) => r.path === '/apis/metrics.k8s.io/v1beta1/pods').length;
        counts = { nodes, pods };
        return nodes === pods;
      }, 10_000);
      return counts;
    };
    const one = await count(1);
    const many = await count(60);
    expect(one.nodes).toBe(one.pods);
    expect(many.nodes).toBe(many.pods);
    // 3 samples need 3 polls; a retry for an unchanged timestamp may add one or two.
    expect(one.nodes).toBeGreaterThanOrEqual(3);
    expect(one.nodes).toBeLessThanOrEqual(6);
    expect(many.nodes).toBeGreaterThanOrEqual(3);
    expect(many.nodes).toBeLessThanOrEqual(6);
  });

  it('names itself on every upstream request, lists and watches alike', async () => {
    const log = await simRequests();
    expect(log.some((r) => /(^|&)watch=(1|true)/.test(r.query))).toBe(true);
    expect(log.some((r) => r.path.startsWith('/apis/metrics.k8s.io/'))).toBe(true);
    const others = log.filter((r) => !/^kubeglance\/\d+\.\d+\.\d+/.test(r.userAgent));
    expect(others.map((r) => `${r.path}?${r.query} ${r.userAgent}`)).toEqual([]);
  });
});
