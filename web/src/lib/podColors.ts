/**
 * Series colours for pods, derived from the pod's name (a stable key), not from its rank:
 * a pod keeps its colour in the CPU and the memory chart, across ranges and while its rank
 * changes. Two pods on the same page never share a colour.
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

/**
 * A colour per pod name. Each name prefers the slot its hash gives; names are placed in
 * name order (not the caller's order), so the result depends only on the set of names. A
 * taken slot moves on to the next free one; past the palette's size colours repeat.
 */
export function podColors(names: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(names)].sort();
  const taken = new Set<number>();
  const colors = new Map<string, string>();
  for (const name of sorted) {
    let slot = hash(name) % PALETTE_SIZE;
    if (taken.size < PALETTE_SIZE) {
      while (taken.has(slot)) slot = (slot + 1) % PALETTE_SIZE;
      taken.add(slot);
    }
    colors.set(name, `var(--series-${slot})`);
  }
  return colors;
}
