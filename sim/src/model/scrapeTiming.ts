import { formatCpuCanonical, formatMemoryCanonical } from '@kubeglance/shared/quantityFormat';
import { formatKi, formatNanocores } from './quantity.js';
import { mix32, unit } from './random.js';
import { goDuration, rfc3339 } from './time.js';

/**
 * When and how one metrics-server scrape is stamped and printed.
 *
 * Realistic (the default): every kubelet stamps its stats with its own clock and cadvisor
 * housekeeping lags the scrape by a varying share of the resolution, so each node has its own
 * timestamp and its window (the gap between its last two stats) jitters: 10-20 s at a 15 s
 * resolution. A pod's timestamp is its earliest container's, a little before its node's.
 * With several metrics-server replicas each scrapes on its own phase, offset by
 * resolution / replicas. Quantities are printed canonically as apimachinery does (`250m`,
 * `7990556n`, `0`; `14064Ki`, `512Mi`, plain bytes).
 *
 * Plain: one timestamp per scrape, window = resolution, always `<n>n` and `<n>Ki`.
 */

/** The stamp of one node or pod item. */
export interface ItemTime {
  readonly timestampMs: number;
  readonly windowMs: number;
}

/** Share of the resolution the kubelet's stats lag the scrape: [0.05, 0.33). */
function lagShare(nodeKey: number, tick: number): number {
  return 0.05 + 0.28 * unit(mix32(nodeKey ^ 0x1a9c, tick));
}

export class ScrapeTiming {
  private readonly times = new Map<number, string>();
  private readonly windows = new Map<number, string>();

  constructor(
    readonly resolutionMs: number,
    readonly realistic: boolean,
    readonly replicas: number,
  ) {}

  /** When replica `replica` runs scrape `tick` (epoch ms). */
  scrapeMs(tick: number, replica: number): number {
    return tick * this.resolutionMs + Math.round((replica * this.resolutionMs) / this.replicas);
  }

  /** A node's timestamp and window in the scrape at `scrapeMs`. */
  node(nodeKey: number, tick: number, scrapeMs: number): ItemTime {
    if (!this.realistic) return { timestampMs: scrapeMs, windowMs: this.resolutionMs };
    const res = this.resolutionMs;
    const lag = Math.round(res * lagShare(nodeKey, tick));
    const before = Math.round(res * lagShare(nodeKey, tick - 1));
    return { timestampMs: scrapeMs - lag, windowMs: res + before - lag };
  }

  /** A pod's stamp: its earliest container's, up to 1 s (or 5%) before its node's. */
  pod(node: ItemTime, podKey: number, tick: number): ItemTime {
    if (!this.realistic) return node;
    const spread = Math.min(1000, this.resolutionMs * 0.05);
    const offset = Math.round(spread * unit(mix32(podKey ^ 0x7e57, tick)));
    const before = Math.round(spread * unit(mix32(podKey ^ 0x7e57, tick - 1)));
    return {
      timestampMs: node.timestampMs - offset,
      windowMs: node.windowMs + before - offset,
    };
  }

  /** RFC 3339 text of a timestamp (cached: thousands of items share a second). */
  timestamp(ms: number): string {
    const second = Math.floor(ms / 1000);
    let text = this.times.get(second);
    if (text === undefined) {
      if (this.times.size > 512) this.times.clear();
      text = rfc3339(ms);
      this.times.set(second, text);
    }
    return text;
  }

  /** Go duration text of a window (cached). */
  window(ms: number): string {
    let text = this.windows.get(ms);
    if (text === undefined) {
      if (this.windows.size > 4096) this.windows.clear();
      text = goDuration(ms);
      this.windows.set(ms, text);
    }
    return text;
  }

  /** CPU of integer nanocores as the served text. */
  cpu(nanocores: number): string {
    return this.realistic ? formatCpuCanonical(Math.max(0, nanocores)) : `${nanocores}n`;
  }

  /**
   * Memory usage as integer bytes, at the granularity the kubelet reports: whole pages (4 KiB)
   * for most containers, single bytes for a few (`byteGranular`), whole KiB when plain.
   */
  memoryBytes(bytes: number, byteGranular: boolean): number {
    if (!this.realistic) return Math.round(bytes / 1024) * 1024;
    return byteGranular ? Math.round(bytes) : Math.round(bytes / 4096) * 4096;
  }

  /** Memory bytes (from memoryBytes) as the served text. */
  memory(bytes: number): string {
    return this.realistic ? formatMemoryCanonical(Math.max(0, bytes)) : formatKi(bytes);
  }

  /** Node CPU (cores, fractional) as served. */
  nodeCpu(cores: number): string {
    return this.realistic ? this.cpu(Math.round(cores * 1e9)) : formatNanocores(cores);
  }
}
