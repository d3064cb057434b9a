/**
 * Layout of the wall screen's node heat-map. Every tile carries its node's short name and
 * its printed percent, in text no smaller than the wall screen's minimum; a tile whose
 * name is wider than the others spans more columns. When that cannot fit, nodes are
 * grouped (node pool, instance type, zone or role) and each group names its hottest nodes.
 */

export interface HeatText {
  /** Width of each tile's name at a font size of 1 px. */
  nameEm: readonly number[];
  /** Width of the widest printed percent ("92%", "n/a") at 1 px. */
  percentEm: number;
}

export interface HeatBox {
  width: number;
  height: number;
  /** Smallest allowed font size, px. */
  minFont: number;
  /** Largest font size worth using, px. */
  maxFont: number;
  gap: number;
}

export interface Cells {
  font: number;
  cellW: number;
  cellH: number;
  cols: number;
  /** Columns each tile spans (1 for most). */
  spans: number[];
}

export type HeatPlan =
  | ({ kind: 'named' } & Cells)
  | ({
      kind: 'grouped';
      groups: number;
      /** Rows of named tiles under each group's heading; 0: only its hottest, in the heading. */
      rowsPerGroup: number;
      headerH: number;
      /**
       * Groups that get a row of their own (all of them unless one row each does not fit;
       * then the rest share a last "+N more groups" row).
       */
      groupsShown: number;
    } & Cells);

const PAD_X = 0.1; // em each side
const PAD_Y = 0.02;
const LINE = 0.95; // line height of the two text lines
/** Height of a group's heading line, in em. */
export const GROUP_HEADER_EM = 1.35;

/** Width of the typical name: three in four are no wider. */
function typicalEm(nameEm: readonly number[]): number {
  const sorted = [...nameEm].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.75)] ?? 0;
}

function cellsAt(text: HeatText, typical: number, box: HeatBox, font: number): Cells {
  // Cells as wide as the typical name (or the percent); the few longer names span more.
  const cellW = Math.ceil(Math.max(typical, text.percentEm) * font + 2 * PAD_X * font) + 2;
  const cellH = Math.ceil(2 * LINE * font + 2 * PAD_Y * font);
  const cols = Math.max(1, Math.floor((box.width + box.gap) / (cellW + box.gap)));
  const spans = text.nameEm.map((em) => {
    const need = em * font + 2 * PAD_X * font + 2;
    return Math.min(cols, Math.max(1, Math.ceil((need + box.gap) / (cellW + box.gap))));
  });
  return { font, cellW, cellH, cols, spans };
}

/**
 * Rows a dense grid needs for these spans (greedy, as `grid-auto-flow: row dense` packs):
 * widest first, each into the first row with room. Tiles of one width fill the rows with
 * room in order, as many to a row as fit, so they are placed a row at a time, not one by
 * one (5,000 tiles of a few widths).
 */
export function rowsNeeded(spans: readonly number[], cols: number): number {
  const count = new Map<number, number>();
  for (const s of spans) count.set(s, (count.get(s) ?? 0) + 1);
  const free: number[] = [];
  for (const s of [...count.keys()].sort((a, b) => b - a)) {
    let left = count.get(s)!;
    for (let row = 0; row < free.length && left > 0; row++) {
      const n = Math.min(left, Math.floor(free[row]! / s));
      free[row]! -= n * s;
      left -= n;
    }
    const perRow = Math.max(1, Math.floor(cols / s));
    for (; left > 0; left -= perRow) free.push(cols - Math.min(left, perRow) * s);
  }
  return free.length;
}

function fits(c: Cells, box: HeatBox): boolean {
  const rows = rowsNeeded(c.spans, c.cols);
  return rows * (c.cellH + box.gap) - box.gap <= box.height;
}

/**
 * The named plan with the largest font that fits, or a grouped plan at the minimum font.
 * `groups` is how many groups the nodes fall into (used only when grouping).
 */
export function planHeatmap(text: HeatText, box: HeatBox, groups: number): HeatPlan {
  const min = Math.ceil(box.minFont);
  if (text.nameEm.length === 0 || box.width <= 0 || box.height <= 0) {
    return { kind: 'named', font: min, cellW: 0, cellH: 0, cols: 1, spans: [] };
  }
  const typical = typicalEm(text.nameEm);
  for (let font = Math.max(min, Math.floor(box.maxFont)); font >= min; font--) {
    const c = cellsAt(text, typical, box, font);
    if (fits(c, box)) return { kind: 'named', ...c };
  }
  const c = cellsAt(text, typical, box, min);
  const headerH = Math.ceil(GROUP_HEADER_EM * min);
  const perGroup = (box.height + box.gap) / Math.max(1, groups) - headerH - box.gap;
  const rowsPerGroup = Math.max(0, Math.floor((perGroup + box.gap) / (c.cellH + box.gap)));
  // No room for a row under each heading: the heading itself carries the hottest tile, in a
  // row as tall as the tile or the heading's two lines; the groups that do not fit share one.
  if (rowsPerGroup === 0) {
    const rowH = Math.max(c.cellH, Math.ceil(2 * min));
    const fit = Math.max(1, Math.floor((box.height + box.gap) / (rowH + box.gap)));
    const groupsShown = groups <= fit ? groups : Math.max(0, fit - 1);
    return { kind: 'grouped', ...c, groups, rowsPerGroup, headerH: rowH, groupsShown };
  }
  return { kind: 'grouped', ...c, groups, rowsPerGroup, headerH, groupsShown: groups };
}
