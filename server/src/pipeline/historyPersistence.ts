import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodecError, decodeHistory, encodeHistory } from '../store/historyCodec.js';
import type { HistoryStore } from '../store/history.js';

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

  restore(): RestoreOutcome {
    let buf: Buffer;
    try {
      buf = readFileSync(this.file);
    } catch {
      return { restored: false, reason: 'none' };
    }
    const ctx = { cluster: this.cluster.name, file: this.file };
    try {
      const { header, data } = decodeHistory(buf);
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
      const cut = <T>(xs: T[]) => xs.slice(keep);
      const series = data.series.map((s) => ({ ...s, cpu: cut(s.cpu), memory: cut(s.memory) }));
      this.cluster.history.importData({
        ...data,
        times: cut(data.times),
        intervals: cut(data.intervals),
        series,
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

  save(): void {
    if (this.cluster.history.lastTimestampMs === null) return;
    const body = encodeHistory(
      {
        cluster: this.cluster.name,
        server: this.cluster.server,
        savedAtMs: this.now(),
        retentionMs: this.cluster.history.retentionMs,
      },
      this.cluster.history.exportData(),
    );
    const tmp = `${this.file}.tmp`;
    try {
      writeFileSync(tmp, body, { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (e) {
      this.log.warn(
        { cluster: this.cluster.name, error: (e as Error).message },
        'cannot save history',
      );
    }
  }

  start(): void {
    this.timer = setInterval(() => this.save(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.save();
  }
}
