import { categories, categoryInfo, type Category } from '../catalog/category';
import { REVEAL_HIGHLIGHT, highlightName, markVariants } from './highlighter';
import { readRange } from './scratch-range';

/**
 * Marks in forced-colours (High Contrast) mode. Chromium paints every custom
 * highlight there in the system Highlight colours whatever its style (verified in
 * Chromium 156 with emulated `forced-colors: active`: fill, text and decoration
 * are all forced unless the page's own element opts out), so a mark would look
 * exactly like selected text. While the mode is on, our highlights leave the
 * registry (they keep their ranges) and a line in the system text colour is drawn
 * under each mark in view instead, in a layer of our own that ignores the pointer.
 */

export const MARKS_HOST = 'backstory-marks';

const QUERY = '(forced-colors: active)';

/** The category's line style as a border (borders have no wavy); a revealed mention is dotted. */
const borderStyle = (category: Category | 'revealed') => {
  if (category === 'revealed') return 'dotted';
  const { line } = categoryInfo[category];
  return line === 'wavy' ? 'dashed' : line;
};

const HOST_STYLE =
  'position: fixed !important; inset: 0 !important; width: auto !important; height: auto !important; ' +
  'display: block !important; visibility: visible !important; pointer-events: none !important; ' +
  'z-index: 2147483646 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; ' +
  'background: none !important; overflow: hidden !important;';

export function watchForcedColors(doc: Document, signal: AbortSignal): { redraw(): void } {
  const view = doc.defaultView;
  if (!view) return { redraw: () => undefined };
  const media = view.matchMedia(QUERY);
  const names: { name: string; category: Category | 'revealed'; inLink: boolean }[] = [
    ...categories.flatMap((c) =>
      markVariants.map((v) => ({ name: highlightName(c, v), category: c, inLink: v.inLink })),
    ),
    { name: REVEAL_HIGHLIGHT, category: 'revealed', inLink: false },
  ];
  const taken = new Map<string, Highlight>();
  let host: HTMLElement | null = null;
  let layer: ShadowRoot | null = null;
  let frame = 0;

  const draw = () => {
    frame = 0;
    if (!layer) return;
    const height = view.innerHeight;
    const width = view.innerWidth;
    const bars: HTMLElement[] = [];
    for (const { name, category, inLink } of names) {
      taken.get(name)?.forEach((range) => {
        for (const r of readRange(doc, range, (live) => [...live.getClientRects()])) {
          if (r.bottom < 0 || r.top > height || r.right < 0 || r.left > width || r.width === 0)
            continue;
          const bar = doc.createElement('div');
          bar.style.cssText = `position:absolute;left:${r.left}px;top:${inLink ? r.top : r.bottom - 3}px;width:${r.width}px;height:0;border-top:3px ${borderStyle(category)} ${inLink ? 'LinkText' : 'CanvasText'};`;
          bars.push(bar);
        }
      });
    }
    layer.replaceChildren(...bars);
  };
  const redraw = () => {
    if (layer && !frame) frame = view.requestAnimationFrame(draw);
  };

  const apply = () => {
    if (media.matches) {
      for (const { name } of names) {
        const h = CSS.highlights.get(name);
        if (h) {
          taken.set(name, h);
          CSS.highlights.delete(name);
        }
      }
      if (!host) {
        host = doc.createElement(MARKS_HOST);
        host.setAttribute('style', HOST_STYLE);
        host.setAttribute('aria-hidden', 'true');
        layer = host.attachShadow({ mode: 'open' });
      }
      doc.documentElement.append(host);
      redraw();
    } else {
      for (const [name, h] of taken) CSS.highlights.set(name, h);
      taken.clear();
      host?.remove();
    }
  };

  media.addEventListener('change', apply, { signal });
  const passive = { capture: true, passive: true, signal };
  view.addEventListener('scroll', redraw, passive);
  view.addEventListener('resize', redraw, passive);
  // Marks are registered as blocks near the viewport come into view, a little after scrolling.
  view.addEventListener('scrollend', redraw, passive);
  // A mention revealed under the pointer is drawn too.
  view.addEventListener('pointermove', redraw, passive);
  const resized = new ResizeObserver(redraw);
  resized.observe(doc.documentElement);
  signal.addEventListener('abort', () => {
    view.cancelAnimationFrame(frame);
    resized.disconnect();
    host?.remove();
    taken.clear();
  });
  if (media.matches) apply();
  return { redraw: () => media.matches && redraw() };
}
