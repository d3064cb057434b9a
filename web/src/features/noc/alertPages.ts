/**
 * Pages of alerts for a panel of fixed height: each page holds whole alerts only, so no
 * line of an alert is ever lost at the panel's bottom. Heights are measured on screen; an
 * alert not measured yet counts as `estimate`.
 */

/** `[start, end)` of each page, in order; at least one page, and every alert on one. */
export function alertPages(
  heights: readonly (number | undefined)[],
  room: number,
  gap: number,
  estimate: number,
): [number, number][] {
  const pages: [number, number][] = [];
  let start = 0;
  let used = 0;
  heights.forEach((h, i) => {
    const height = h ?? estimate;
    const need = i === start ? height : used + gap + height;
    // A page starts with its first alert even if that alone is taller than the room.
    if (i > start && need > room) {
      pages.push([start, i]);
      start = i;
      used = height;
    } else {
      used = need;
    }
  });
  pages.push([start, heights.length]);
  return pages;
}
