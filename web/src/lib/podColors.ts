/**
 * Series colours for pods, derived from the pod's name (a stable key), not from its rank:
 * a pod keeps its colour in the CPU and the memory chart, across ranges and while its rank
 * changes. Pods drawn together never share a colour.
 */

/** Palette slots `var(--series-0)` … (theme.css defines light and dark variants). */
export const PALETTE_SIZE = 10;

/** FNV-1a over the name's UTF-16 units: cheap, stable, well spread over small moduli. */
function hash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Slots given out before, by key: a pod keeps its slot while the page lives. */
export type ColorMemory = Map<string, number>;

const MEMORY_LIMIT = 1000;
const sessionMemory: ColorMemory = new Map();

/**
 * A colour per pod name. A name keeps the slot it had before (in `memory`) unless another
 * name drawn now holds it; otherwise it takes the slot its hash gives, or the next free one.
 * Names are placed in name order, so a first view depends only on the set of names; past
 * the palette's size colours repeat.
 */
export function podColors(
  names: Iterable<string>,
  memory: ColorMemory = sessionMemory,
): Map<string, string> {
  const sorted = [...new Set(names)].sort();
  const slots = new Map<string, number>();
  const taken = new Set<number>();
  // First those that had a slot, so a newcomer never takes it from them.
  for (const name of sorted) {
    const slot = memory.get(name);
    if (slot != null && !taken.has(slot)) {
      slots.set(name, slot);
      taken.add(slot);
    }
  }
  for (const name of sorted) {
    if (slots.has(name)) continue;
    let slot = hash(name) % PALETTE_SIZE;
    if (taken.size < PALETTE_SIZE) while (taken.has(slot)) slot = (slot + 1) % PALETTE_SIZE;
    slots.set(name, slot);
    taken.add(slot);
  }
  for (const [name, slot] of slots) {
    memory.delete(name); // re-insert: the oldest entries are dropped first
    memory.set(name, slot);
  }
  while (memory.size > MEMORY_LIMIT) memory.delete(memory.keys().next().value!);
  return new Map([...slots].map(([name, slot]) => [name, `var(--series-${slot})`]));
}
