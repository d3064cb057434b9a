import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryResponse } from '@kubeglance/shared/api';
import { startSim } from '@kubeglance/sim/index';
import { HistoryPersistence } from '../src/pipeline/historyPersistence.js';
import type { RunningServer } from '../src/server.js';
import { HistoryStore } from '../src/store/history.js';
import { eventually, type Sim } from './harness.js';
import { serverWith } from './httpClient.js';

/** `--state-dir`: history survives a restart; foreign, expired and corrupt files are ignored. */
let sim: Sim;
const dir = mkdtempSync(join(tmpdir(), 'kg-state-'));

beforeAll(async () => {
  sim = await startSim({ name: 'restart', nodes: 3, pods: 20, port: 0, resolutionMs: 1000 });
});
afterAll(() => sim?.stop());

async function clusterCpu(server: RunningServer): Promise<[number, number | null][]> {
  const res = await fetch(`${server.url}/api/v1/clusters/restart/history?scope=cluster&range=5m`);
  return ((await res.json()) as HistoryResponse).series[0]!.points;
}
const known = (points: [number, number | null][]) => points.filter(([, v]) => v !== null);

describe('history across a restart', () => {
  it('restores the saved history, with the restart as a null gap', async () => {
    const first = await serverWith(sim, ['--state-dir', dir, '--resolution', '1s']);
    await eventually(async () => known(await clusterCpu(first)).length >= 8, 30_000, '8 samples');
    const before = known(await clusterCpu(first));
    await first.stop();
    expect(readdirSync(dir).filter((f) => f.endsWith('.kgh'))).toHaveLength(1);
    const lastSaved = before[before.length - 1]![0];

    // Down for a few resolutions, as a redeploy would be.
    await new Promise((r) => setTimeout(r, 3000));
    const second = await serverWith(sim, ['--state-dir', dir, '--resolution', '1s']);
    try {
      const restored = known(await clusterCpu(second));
      expect(restored.slice(0, before.length)).toEqual(before);
      const after = await eventually(
        async () => {
          const pts = await clusterCpu(second);
          return pts.some(([t, v]) => t > lastSaved && v !== null) ? pts : undefined;
        },
        20_000,
        'a new sample after the restart',
      );
      const firstNew = after.find(([t, v]) => t > lastSaved && v !== null)![0];
      const gap = after.filter(([t]) => t > lastSaved && t < firstNew);
      expect(gap.length).toBeGreaterThanOrEqual(2);
      expect(gap.every(([, v]) => v === null)).toBe(true);
      console.log(
        `restart-restore: ${before.length} samples kept; gap ${((firstNew - lastSaved) / 1000).toFixed(1)} s (${gap.length} null ticks) for a 3 s outage`,
      );
    } finally {
      await second.stop();
    }
  });

  it('starts empty, with a warning, from a corrupt or foreign file', async () => {
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.kgh'));
    writeFileSync(join(dir, file!), 'KGHS garbage');
    const server = await serverWith(sim, ['--state-dir', dir, '--resolution', '1s']);
    try {
      expect(known(await clusterCpu(server))).toEqual([]);
      await eventually(async () => known(await clusterCpu(server)).length > 0, 20_000, 'new data');
    } finally {
      await server.stop();
    }
  });
});

describe('HistoryPersistence', () => {
  const warnings: string[] = [];
  const log = { info: () => undefined, warn: (_o: object, m: string) => warnings.push(m) };
  const store = () => new HistoryStore({ retentionMs: 600_000, resolutionMs: 1000 });
  const now = 1_700_000_000_000;

  async function saved(d: string, server: string, newestMs: number): Promise<void> {
    const h = store();
    h.append({ timestampMs: newestMs, nodes: [], pods: [] } as never);
    await new HistoryPersistence(
      d,
      { name: 'c', server, history: h },
      log,
      60_000,
      () => now,
    ).save();
  }

  it('ignores another cluster’s file, an expired one and garbage, never throwing', async () => {
    const d = mkdtempSync(join(tmpdir(), 'kg-state-'));
    const target = { name: 'c', server: 'https://a:6443', history: store() };
    const p = new HistoryPersistence(d, target, log, 60_000, () => now);
    expect(await p.restore()).toEqual({ restored: false, reason: 'none' });
    await saved(d, 'https://b:6443', now - 1000);
    expect(await p.restore()).toEqual({ restored: false, reason: 'foreign' });
    await saved(d, 'https://a:6443', now - 700_000);
    expect(await p.restore()).toEqual({ restored: false, reason: 'expired' });
    writeFileSync(p.file, Buffer.alloc(100, 7));
    expect(await p.restore()).toEqual({ restored: false, reason: 'corrupt' });
    expect(warnings).toEqual([
      'saved history is for another cluster; ignored',
      'saved history is unreadable; ignored',
    ]);
    await saved(d, 'https://a:6443', now - 1000);
    expect(await p.restore()).toMatchObject({ restored: true, ticks: 1, newestMs: now - 1000 });
  });
});
