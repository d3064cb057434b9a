import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryPersistence } from '../src/pipeline/historyPersistence.js';
import { decodeHistory, encodeHistory } from '../src/store/historyCodec.js';
import { HistoryStore } from '../src/store/history.js';
import { round } from './stats.js';

/** The longest gap between turns of this process's event loop while `work` runs. */
async function withLongestTurn<T>(work: () => Promise<T>): Promise<[T, number]> {
  let longest = 0;
  let last = performance.now();
  let running = true;
  const watch = (async () => {
    while (running) {
      await yieldToLoop();
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
  })();
  const result = await work();
  running = false;
  await watch;
  return [result, longest];
}

/**
 * What `--state-dir` costs with a full hour (the shipped Deployment sets it): saving the
 * store (wall time, longest turn, file size) and restoring it into an empty store.
 */
export async function measureHistoryFile(history: HistoryStore) {
  const header = {
    cluster: 'bench',
    server: 'https://bench',
    savedAtMs: Date.now(),
    retentionMs: history.retentionMs,
  };
  let start = performance.now();
  const [parts, saveLongestTurnMs] = await withLongestTurn(() =>
    encodeHistory(header, history.exportSource()),
  );
  const saveMs = performance.now() - start;
  const file = Buffer.concat(parts);
  start = performance.now();
  const [{ data }, decodeLongestTurnMs] = await withLongestTurn(() => decodeHistory(file));
  const decodeMs = performance.now() - start;
  const restored = new HistoryStore({
    retentionMs: history.retentionMs,
    resolutionMs: history.resolutionMs,
  });
  start = performance.now();
  const [, importLongestTurnMs] = await withLongestTurn(() => restored.importData(data));
  const importMs = performance.now() - start;
  return {
    fileMiB: round(file.length / 2 ** 20, 1),
    saveMs: round(saveMs, 0),
    saveLongestTurnMs: round(saveLongestTurnMs, 0),
    decodeMs: round(decodeMs, 0),
    decodeLongestTurnMs: round(decodeLongestTurnMs, 0),
    importMs: round(importMs, 0),
    importLongestTurnMs: round(importLongestTurnMs, 0),
    restoredSeries: restored.stats().series,
  };
}

export function describeHistoryFile(f: Awaited<ReturnType<typeof measureHistoryFile>>): string {
  return `history file (--state-dir) with the full hour: save ${f.saveMs} ms (longest turn ${f.saveLongestTurnMs} ms), ${f.fileMiB} MiB; restore: decode ${f.decodeMs} ms (longest turn ${f.decodeLongestTurnMs} ms), import ${f.importMs} ms (longest turn ${f.importLongestTurnMs} ms), ${f.restoredSeries} series`;
}

/** Saves `history` as the server's `--state-dir` would hold it for `target`; returns the dir. */
export async function saveForServer(
  history: HistoryStore,
  target: { name: string; server: string },
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kg-bench-state-'));
  const log = { info: () => undefined, warn: (o: object, m: string) => console.warn(m, o) };
  await new HistoryPersistence(dir, { ...target, history }, log).save();
  return dir;
}
