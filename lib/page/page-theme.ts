/**
 * The colours a page really shows behind an element, for the card's theme and
 * the marks' contrast. Computed styles only: no node is added to the page.
 */

export type Rgb = readonly [number, number, number];
type Rgba = readonly [number, number, number, number];

const WHITE: Rgb = [255, 255, 255];
const CANVAS_DARK: Rgb = [18, 18, 18];

const LEGACY = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%)?)?\s*\)$/;

let probe: OffscreenCanvasRenderingContext2D | null | undefined;
const parsed = new Map<string, Rgba | null>();

/** Reads any CSS colour (computed styles may be `oklch()` or `color()`) as sRGB 0–255 and alpha 0–1. */
export function parseColor(css: string): Rgba | null {
  const known = parsed.get(css);
  if (known !== undefined) return known;
  let out: Rgba | null = null;
  const m = LEGACY.exec(css);
  if (m) {
    const alpha = m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1);
    out = [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
  } else if (css === 'transparent') {
    out = [0, 0, 0, 0];
  } else {
    // Modern colour syntaxes: let the browser convert, on a canvas that is never in the page.
    probe ??= new OffscreenCanvas(1, 1).getContext('2d');
    if (probe) {
      probe.clearRect(0, 0, 1, 1);
      probe.fillStyle = '#000';
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = probe.getImageData(0, 0, 1, 1).data;
      out = [r!, g!, b!, a! / 255];
    }
  }
  parsed.set(css, out);
  return out;
}

/** WCAG 2 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio, 1–21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Below this luminance light text (and light marks) contrast better than dark ones. */
const DARK_BELOW = Math.sqrt(1.05 * 0.05) - 0.05;

export const isDark = (rgb: Rgb): boolean => luminance(rgb) < DARK_BELOW;

function over(top: Rgba, below: Rgb): Rgb {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)) as unknown as Rgb;
}

function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode() as Partial<ShadowRoot>;
  return root.host ?? null;
}

/** What shows where no element paints: the canvas, dark only if the page asks for it. */
function canvasOf(doc: Document): Rgb {
  const view = doc.defaultView;
  const scheme = view?.getComputedStyle(doc.documentElement).colorScheme ?? '';
  const dark =
    /\bdark\b/.test(scheme) &&
    (!/\blight\b/.test(scheme) ||
      Boolean(view?.matchMedia('(prefers-color-scheme: dark)').matches));
  return dark ? CANVAS_DARK : WHITE;
}

/**
 * The background colour behind `el`: its own and its ancestors' background colours
 * composited up to the first opaque one (images and gradients are not colours and
 * are looked through). `cache` keeps per-element answers for one pass over a page.
 */
export function effectiveBackground(el: Element, cache?: WeakMap<Element, Rgb>): Rgb {
  const layers: { el: Element; color: Rgba }[] = [];
  let base: Rgb | undefined;
  for (let cur: Element | null = el; cur; cur = parentOf(cur)) {
    const cached = cache?.get(cur);
    if (cached) {
      base = cached;
      break;
    }
    const view = cur.ownerDocument.defaultView;
    const color = parseColor(view?.getComputedStyle(cur).backgroundColor ?? '') ?? [0, 0, 0, 0];
    if (color[3] >= 0.999) {
      base = [color[0], color[1], color[2]];
      cache?.set(cur, base);
      break;
    }
    layers.push({ el: cur, color });
  }
  let rgb = base ?? canvasOf(el.ownerDocument);
  for (let i = layers.length - 1; i >= 0; i--) {
    const { el: layer, color } = layers[i]!;
    if (color[3] > 0) rgb = over(color, rgb);
    cache?.set(layer, rgb);
  }
  return rgb;
}

/** The theme a card should take next to `el` when the user has not chosen one. */
export function pageTheme(el: Element): 'light' | 'dark' {
  return isDark(effectiveBackground(el)) ? 'dark' : 'light';
}
