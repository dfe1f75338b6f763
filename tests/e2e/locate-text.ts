/** Where a piece of rendered text is on screen, across shadow roots and frames. */
import type { Target } from './target';

export interface TextBox {
  /** Centre of the middle character of the occurrence, in the top page's viewport. */
  x: number;
  y: number;
  /** Bounding box of the whole occurrence, in the top page's viewport. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LocateOptions {
  /** Which occurrence (0-based) of the text; default the first. */
  nth?: number;
  /** Only look inside the element with this id (its shadow tree included). */
  within?: string;
  /** Scroll the occurrence to the middle of the viewport first (default true). */
  scroll?: boolean;
}

/**
 * Finds the `nth` occurrence of `text` in the rendered text of the page (text
 * nodes concatenated in tree order, open shadow roots included; script, style,
 * template, noscript, form fields, invisible elements and the extension's card
 * host skipped), scrolls it into view and returns its geometry.
 */
export async function locateText(
  target: Target,
  text: string,
  options: LocateOptions = {},
): Promise<TextBox> {
  const frameElement = 'parentFrame' in target ? await target.frameElement() : null;
  if (frameElement) await frameElement.scrollIntoViewIfNeeded();
  const found = await target.evaluate(
    ({ text, nth, within, scroll }) => {
      const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'TEXTAREA', 'TITLE']);
      const nodes: Text[] = [];
      const visit = (parent: Node) => {
        for (let child = parent.firstChild; child; child = child.nextSibling) {
          if (child instanceof Text) {
            nodes.push(child);
          } else if (child instanceof Element) {
            if (SKIP.has(child.tagName)) continue;
            if (!child.checkVisibility()) continue;
            const shadow = child.shadowRoot;
            if (shadow?.querySelector('[role=dialog]')) continue; // the extension's card host
            if (shadow) visit(shadow);
            visit(child);
          }
        }
      };
      let root: Node | null = document.body;
      if (within) {
        root = document.getElementById(within);
        if (!root) {
          for (const host of document.querySelectorAll('*')) {
            root = host.shadowRoot?.getElementById(within) ?? null;
            if (root) break;
          }
        }
      }
      if (!root) return `no element #${within}`;
      if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
      visit(root);
      const all = nodes.map((n) => n.data).join('');
      let index = -1;
      for (let i = 0; i <= nth; i++) {
        index = all.indexOf(text, index + 1);
        if (index < 0) return `only ${i} occurrence(s) of ${JSON.stringify(text)}`;
      }
      const at = (offset: number, end: boolean): [Text, number] => {
        let base = 0;
        for (const node of nodes) {
          const len = node.data.length;
          if (offset < base + len || (end && offset === base + len)) return [node, offset - base];
          base += len;
        }
        const last = nodes[nodes.length - 1]!;
        return [last, last.data.length];
      };
      const rangeOf = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(...at(from, false));
        range.setEnd(...at(to, true));
        return range;
      };
      const whole = rangeOf(index, index + text.length);
      if (scroll) {
        const el = whole.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      }
      // The middle character, skipping zero-width ones (soft hyphens, spaces at line ends).
      const mid = Math.floor(text.length / 2);
      let rect: DOMRect | undefined;
      for (let d = 0; d < text.length && !rect; d++) {
        for (const i of [mid + d, mid - d]) {
          if (i < 0 || i >= text.length) continue;
          const r = rangeOf(index + i, index + i + 1).getBoundingClientRect();
          if (r.width > 0 && r.height > 0) {
            rect = r;
            break;
          }
        }
      }
      if (!rect) return `${JSON.stringify(text)} is not rendered`;
      const box = whole.getBoundingClientRect();
      return {
        x: rect.left + rect.width / 2,
        y: rect.top + rect.height / 2,
        left: box.left,
        top: box.top,
        right: box.right,
        bottom: box.bottom,
      };
    },
    { text, nth: options.nth ?? 0, within: options.within ?? '', scroll: options.scroll ?? true },
  );
  if (typeof found === 'string') throw new Error(`locateText: ${found}`);
  if (frameElement) {
    const [box, border] = await Promise.all([
      frameElement.boundingBox(),
      frameElement.evaluate((el) => [(el as Element).clientLeft, (el as Element).clientTop]),
    ]);
    if (!box) throw new Error('locateText: the frame is not rendered');
    const dx = box.x + border[0]!;
    const dy = box.y + border[1]!;
    return {
      x: found.x + dx,
      y: found.y + dy,
      left: found.left + dx,
      right: found.right + dx,
      top: found.top + dy,
      bottom: found.bottom + dy,
    };
  }
  return found;
}
