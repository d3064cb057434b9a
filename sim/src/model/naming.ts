import { COMPONENTS, QUALIFIERS } from './catalog.js';
import type { Rng } from './random.js';

/** Names of user workloads and their images' versions. */

/** Generates unique workload names for one namespace (`payments-api`, `payments-ledger-api`, ...). */
export class NameSource {
  private readonly used = new Set<string>();
  private readonly order: string[];
  private next = 0;

  constructor(
    rng: Rng,
    private readonly base: string,
  ) {
    this.order = rng.shuffle([...COMPONENTS]);
  }

  /** Claims `name`, or `name-2`, `name-3`... when taken. */
  claim(name: string): string {
    let candidate = name;
    for (let i = 2; this.used.has(candidate); i++) candidate = `${name}-${i}`;
    this.used.add(candidate);
    return candidate;
  }

  /** The next service name in this namespace's sequence. */
  service(): string {
    const k = this.next++;
    const c = this.order.length;
    if (k < c) return this.claim(`${this.base}-${this.order[k]}`);
    const q = QUALIFIERS[Math.floor((k - c) / c) % QUALIFIERS.length] as string;
    return this.claim(`${this.base}-${q}-${this.order[(k - c) % c]}`);
  }
}

/** The short product prefix of a namespace name (`fraud-detection` → `fraud`). */
export function baseName(namespace: string): string {
  return namespace.split('-')[0] ?? namespace;
}

/** A semver-ish release of an in-house image (`2.14.3`). */
export function appVersion(rng: Rng): string {
  return `${rng.int(1, 4)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
}
