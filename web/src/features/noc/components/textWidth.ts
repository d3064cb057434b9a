/** Text widths measured with a canvas in the element's own font family, per px of font size. */
let context: CanvasRenderingContext2D | null = null;
let contextFont = '';
const cache = new Map<string, number>();
/** Room for every label of a 5,000-node cluster and its percents, in a few fonts. */
const CACHE_LIMIT = 20_000;

/** The font family an element uses (a guess before it is in the DOM). */
export function fontFamilyOf(el: Element | null): string {
  return el ? getComputedStyle(el).fontFamily : 'sans-serif';
}

/** Width of `text` at a 1 px font of `weight` in `family`, condensed as the tiles are. */
export function textWidthEm(text: string, weight: number, family: string): number {
  const key = `${weight} ${family} ${text}`;
  const known = cache.get(key);
  if (known != null) return known;
  context ??= document.createElement('canvas').getContext('2d');
  const ctx = context;
  if (!ctx) return 0.7 * text.length;
  // Setting a font parses it: only when it changes.
  const font = `${weight} 100px ${family}`;
  if (font !== contextFont) {
    ctx.font = font;
    ctx.fontStretch = 'condensed';
    contextFont = font;
  }
  const em = ctx.measureText(text).width / 100;
  if (cache.size > CACHE_LIMIT) cache.clear();
  cache.set(key, em);
  return em;
}
