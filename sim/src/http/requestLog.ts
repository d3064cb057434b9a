/**
 * A bounded log of the API requests the simulator served, so tests can count what a client
 * asked its upstream for (e.g. "one metrics list per resolution"). `/_sim` calls are not logged.
 */

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Raw query string without the `?` (empty when none). */
  query: string;
  /** ISO-8601 time the request arrived. */
  time: string;
  /** Epoch ms the request arrived (for interval arithmetic in tests). */
  timeMs: number;
  userAgent: string;
  /** HTTP status once the response head is written; null while pending or if never answered. */
  status: number | null;
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private next = 0;
  private wrapped = false;

  constructor(readonly capacity = 10_000) {}

  /** Append an entry (overwriting the oldest once full); returns it so the caller can set status. */
  record(entry: Omit<RequestLogEntry, 'status' | 'time'>): RequestLogEntry {
    const full: RequestLogEntry = {
      ...entry,
      time: new Date(entry.timeMs).toISOString(),
      status: null,
    };
    if (this.entries.length < this.capacity) {
      this.entries.push(full);
    } else {
      this.entries[this.next] = full;
      this.wrapped = true;
    }
    this.next = (this.next + 1) % this.capacity;
    return full;
  }

  /** Entries, oldest first. */
  list(): RequestLogEntry[] {
    if (!this.wrapped) return [...this.entries];
    return [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
  }

  clear(): void {
    this.entries = [];
    this.next = 0;
    this.wrapped = false;
  }
}
