import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { CodecError, decodeHistory, encodeHistory } from '../store/historyCodec.js';
import type { HistoryStore } from '../store/history.js';

/** Saving may take at most this share of the time: a save of 20 s waits 400 s for the next. */
const SAVE_SHARE = 0.05;

export interface PersistedCluster {
  name: string;
  server: string;
  history: HistoryStore;
}

interface Log {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
}

export type RestoreOutcome =
  | { restored: true; ticks: number; newestMs: number }
  | { restored: false; reason: 'none' | 'foreign' | 'expired' | 'corrupt' };

/**
 * Keeps one cluster's history in `--state-dir` across restarts: saved every `intervalMs`
 * and on stop (written to a temporary file, then renamed, so a crash mid-write leaves the
 * previous file), restored on start when the file is this cluster's and still within
 * retention. The time between the last saved tick and the first new sample is a gap,
 * shown as null like any other. A corrupt or foreign file is ignored with a warning.
 */
export class HistoryPersistence {
  private timer: NodeJS.Timeout | undefined;
  private saving: Promise<void> | undefined;
  /** How long the last save took (wall time, ms). */
  private lastSaveMs = 0;
  readonly file: string;

  constructor(
    dir: string,
    private readonly cluster: PersistedCluster,
    private readonly log: Log,
    private readonly intervalMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {
    const id = createHash('sha256').update(cluster.name).digest('hex').slice(0, 16);
    this.file = join(dir, `history-${id}.kgh`);
    mkdirSync(dir, { recursive: true });
  }

  async restore(): Promise<RestoreOutcome> {
    let buf: Buffer;
    try {
      buf = await readFile(this.file);
    } catch {
      return { restored: false, reason: 'none' };
    }
    const ctx = { cluster: this.cluster.name, file: this.file };
    try {
      const { header, data } = await decodeHistory(buf);
      if (header.cluster !== this.cluster.name || header.server !== this.cluster.server) {
        this.log.warn(
          { ...ctx, savedFor: header.server },
          'saved history is for another cluster; ignored',
        );
        return { restored: false, reason: 'foreign' };
      }
      const cutoff = this.now() - this.cluster.history.retentionMs;
      const keep = data.times.findIndex((t) => t > cutoff);
      if (keep < 0) {
        this.log.info(ctx, 'saved history is older than the retention window; ignored');
        return { restored: false, reason: 'expired' };
      }
      for (const s of data.series) {
        s.cpu.skip(keep);
        s.memory.skip(keep);
      }
      await this.cluster.history.importData({
        ...data,
        times: data.times.slice(keep),
        intervals: data.intervals.slice(keep),
      });
      const ticks = data.times.length - keep;
      const newestMs = data.times[data.times.length - 1]!;
      this.log.info({ ...ctx, ticks, newestMs }, 'history restored');
      return { restored: true, ticks, newestMs };
    } catch (e) {
      if (!(e instanceof CodecError)) throw e;
      this.log.warn({ ...ctx, error: e.message }, 'saved history is unreadable; ignored');
      return { restored: false, reason: 'corrupt' };
    }
  }

  /**
   * Writes the history file. One save at a time; a save of a big cluster takes many turns of
   * the event loop (see `encodeHistory`), so the next is scheduled from its end, at least
   * {@link SAVE_SHARE} of the time apart from the saving itself.
   */
  async save(): Promise<void> {
    if (this.saving) return this.saving;
    this.saving = this.write().finally(() => (this.saving = undefined));
    return this.saving;
  }

  private async write(): Promise<void> {
    if (this.cluster.history.lastTimestampMs === null) return;
    const started = performance.now();
    const tmp = `${this.file}.tmp`;
    try {
      const parts = await encodeHistory(
        {
          cluster: this.cluster.name,
          server: this.cluster.server,
          savedAtMs: this.now(),
          retentionMs: this.cluster.history.retentionMs,
        },
        this.cluster.history.exportSource(),
      );
      const file = await open(tmp, 'w', 0o600);
      try {
        for (const part of parts) await file.write(part);
      } finally {
        await file.close();
      }
      await rename(tmp, this.file);
    } catch (e) {
      this.log.warn({ cluster: this.cluster.name, err: e }, 'cannot save history');
    }
    this.lastSaveMs = performance.now() - started;
  }

  start(): void {
    const next = () => {
      const delay = Math.max(this.intervalMs, this.lastSaveMs / SAVE_SHARE);
      this.timer = setTimeout(() => void this.save().then(() => this.timer && next()), delay);
      this.timer.unref();
    };
    next();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.saving;
    await this.save();
  }
}
