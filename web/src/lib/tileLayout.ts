/** Square-tile grid that fills a box: used by the node heat-map for 3 or 500 nodes. */

export interface TileGrid {
  cols: number;
  rows: number;
  /** Edge length of one tile in px (floored). */
  size: number;
}

/**
 * The largest square tile so that `count` tiles in a `cols × rows` grid with `gap`
 * between them fit into `width × height`. Tries every column count, which is cheap
 * for the few hundred nodes a cluster has.
 */
export function fitTiles(count: number, width: number, height: number, gap = 4): TileGrid {
  if (count <= 0 || width <= 0 || height <= 0) return { cols: 0, rows: 0, size: 0 };
  let best: TileGrid = { cols: 1, rows: count, size: 0 };
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    const byWidth = (width - gap * (cols - 1)) / cols;
    const byHeight = (height - gap * (rows - 1)) / rows;
    const size = Math.floor(Math.min(byWidth, byHeight));
    if (size > best.size) best = { cols, rows, size };
  }
  return best;
}
