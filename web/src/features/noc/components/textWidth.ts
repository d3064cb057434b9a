/** Text widths measured with a canvas in the element's own font family, per px of font size. */
let canvas: HTMLCanvasElement | null = null;
const cache = new Map<string, number>();

/** The font family an element uses (a guess before it is in the DOM). */
export function fontFamilyOf(el: Element | null): string {
  return el ? getComputedStyle(el).fontFamily : 'sans-serif';
}

/** Width of `text` at a 1 px font of `weight` in `family`, condensed as the tiles are. */
export function textWidthEm(text: string, weight: number, family: string): number {
  const key = `${weight} ${family} ${text}`;
  const known = cache.get(key);
  if (known != null) return known;
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0.7 * text.length;
  ctx.font = `${weight} 100px ${family}`;
  ctx.fontStretch = 'condensed';
  const em = ctx.measureText(text).width / 100;
  if (cache.size > 5000) cache.clear();
  cache.set(key, em);
  return em;
}
