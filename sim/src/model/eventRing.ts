import type { WatchEvent } from './types.js';

/**
 * A bounded, ordered window of recent watch events for one resource kind: what the
 * apiserver's watch cache keeps. Watches may resume from any resourceVersion inside the
 * window; older ones get 410 Gone and must re-list.
 */
export class EventRing {
  private readonly buffer: (WatchEvent | undefined)[];
  private head = 0;
  private size = 0;
  /** The oldest resourceVersion a watch can resume from: every later event is retained. */
  private windowStart: number;

  constructor(
    readonly capacity: number,
    initialResourceVersion: number,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`event window capacity must be a positive integer, got ${capacity}`);
    }
    this.buffer = new Array<WatchEvent | undefined>(capacity);
    this.windowStart = initialResourceVersion;
  }

  /** Moves the window's start forward (used after a bulk load that emitted no events). */
  resetWindow(resourceVersion: number): void {
    this.buffer.fill(undefined);
    this.head = 0;
    this.size = 0;
    this.windowStart = resourceVersion;
  }

  /** Appends an event (resourceVersions must increase), evicting the oldest when full. */
  push(event: WatchEvent): void {
    if (this.size === this.capacity) {
      const evicted = this.buffer[this.head];
      // Everything after the evicted event is still here, so its RV is the new window start.
      if (evicted !== undefined) this.windowStart = evicted.resourceVersion;
      this.buffer[this.head] = event;
      this.head = (this.head + 1) % this.capacity;
    } else {
      this.buffer[(this.head + this.size) % this.capacity] = event;
      this.size++;
    }
  }

  private at(index: number): WatchEvent {
    return this.buffer[(this.head + index) % this.capacity] as WatchEvent;
  }

  /** Events with resourceVersion > `since`, oldest first, or 'gone' if `since` left the window. */
  since(since: number): WatchEvent[] | 'gone' {
    if (since < this.windowStart) return 'gone';
    // Binary search for the first retained event newer than `since`.
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid).resourceVersion <= since) lo = mid + 1;
      else hi = mid;
    }
    const out: WatchEvent[] = [];
    for (let i = lo; i < this.size; i++) out.push(this.at(i));
    return out;
  }

  /** Number of retained events. */
  get length(): number {
    return this.size;
  }
}
