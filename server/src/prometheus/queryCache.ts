/**
 * Results of identical queries, shared by every viewer: one Prometheus request per distinct
 * (query, start, end, step) while it is fresh, and concurrent askers wait for the same request.
 * Bounded by entry count (oldest evicted first); failures are not cached.
 */
export class QueryCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresMs: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expiresMs > now) return hit.value;
    if (hit) this.entries.delete(key);
    const value = load();
    this.entries.set(key, { value, expiresMs: now + ttlMs });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
