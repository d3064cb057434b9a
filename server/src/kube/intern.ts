/**
 * Interning for the informers' caches: 150,000 pods repeat a few hundred namespaces, a few
 * thousand node names and container names, and (replicas of one workload) identical container
 * specs. JSON.parse gives every pod its own copies; kept as they arrive, those copies are most
 * of the inventory's heap. One shared value per distinct key instead.
 *
 * The table is bounded: when it reaches `limit` entries it starts over, which costs only
 * sharing (values already handed out stay valid), so names of objects long gone (node pools
 * replaced over weeks) cannot pile up.
 */
export class Interner<T> {
  private readonly table = new Map<string, T>();

  constructor(private readonly limit = 50_000) {}

  /** The shared value for `key`, made by `make` the first time it is asked for. */
  get(key: string, make: () => T): T {
    let value = this.table.get(key);
    if (value === undefined) {
      if (this.table.size >= this.limit) this.table.clear();
      value = make();
      this.table.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.table.size;
  }
}

/** Interns strings; `intern(s)` returns one shared instance per distinct value. */
export function stringInterner(limit?: number): (s: string) => string {
  const table = new Interner<string>(limit);
  return (s) => table.get(s, () => s);
}
