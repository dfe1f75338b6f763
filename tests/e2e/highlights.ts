/**
 * What the extension has marked, read from `CSS.highlights` in the main world:
 * every registered range with its text, place and neighbours, and waits for the
 * marks to appear and settle.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Target } from './target';

export interface HighlightRange {
  /**
   * The category highlight, e.g. `backstory-person`, whatever variant draws it
   * (`backstory-person-in-link-on-dark` is reported as `backstory-person`).
   */
  name: string;
  /** The variant's suffix as registered: '', `-in-link`, `-on-dark` or `-in-link-on-dark`. */
  variant: string;
  /** `Range.toString()` of the highlighted range. */
  text: string;
  /** Ids of the ancestors (innermost first), across shadow boundaries. */
  ids: string[];
  /**
   * Where the range starts: child indexes from the document down to the start node
   * (-1 enters a shadow root), then the offset. Orders ranges and tells them apart.
   */
  position: number[];
  /** The range starts inside a shadow tree. */
  inShadow: boolean;
  /** The start node is in this document (not in a template's content, not detached). */
  connected: boolean;
  /** The characters just outside the range within the same block ('' at a block edge). */
  before: string;
  after: string;
  /**
   * The element the range starts in resolves a style for the registered highlight (a tint
   * and a line): the manifest's rules reach it. Read with getComputedStyle(el, '::highlight()').
   */
  painted: boolean;
}

/** Every range registered now in a `backstory-*` highlight, in document order. */
export async function highlightRanges(target: Target): Promise<HighlightRange[]> {
  const ranges = await target.evaluate(() => {
    const out: HighlightRange[] = [];
    const registry = (CSS as { highlights?: HighlightRegistry }).highlights;
    if (!registry) return out;
    const blockOf = (node: Node): Node | null => {
      let el: Node | null = node instanceof Element ? node : node.parentNode;
      while (el) {
        if (el instanceof ShadowRoot) return el;
        if (el instanceof Element && !getComputedStyle(el).display.startsWith('inline')) return el;
        el = el.parentNode;
      }
      return null;
    };
    // The neighbouring character in document order, unless it sits in another block.
    const neighbour = (node: Node, offset: number, forward: boolean): string => {
      if (node instanceof Text) {
        const ch = forward ? node.data[offset] : node.data[offset - 1];
        if (ch !== undefined) return ch;
      }
      const walker = document.createTreeWalker(node.getRootNode(), NodeFilter.SHOW_TEXT);
      walker.currentNode = node instanceof Text ? node : (node.childNodes[offset] ?? node);
      const next = (forward ? walker.nextNode() : walker.previousNode()) as Text | null;
      if (!next || blockOf(next) !== blockOf(node)) return '';
      return (forward ? next.data[0] : next.data[next.data.length - 1]) ?? '';
    };
    registry.forEach((highlight, registered) => {
      const parts = /^(backstory-[a-z]+)((?:-in-link)?(?:-on-dark)?)$/.exec(registered);
      // A mention revealed under the pointer is not a mark.
      if (!parts || registered === 'backstory-revealed') return;
      const [, name = '', variant = ''] = parts;
      highlight.forEach((abstract) => {
        let live: Range | null = null;
        if (abstract instanceof Range) {
          live = abstract;
        } else {
          try {
            live = document.createRange();
            live.setStart(abstract.startContainer, abstract.startOffset);
            live.setEnd(abstract.endContainer, abstract.endOffset);
          } catch {
            live = null;
          }
        }
        const text = live ? live.toString() : '<invalid static range>';
        const ids: string[] = [];
        let inShadow = false;
        let node: Node | null = abstract.startContainer;
        while (node) {
          if (node instanceof Element && node.id) ids.push(node.id);
          if (node instanceof ShadowRoot) {
            inShadow = true;
            node = node.host;
          } else {
            node = node.parentNode;
          }
        }
        const connected =
          abstract.startContainer.isConnected && abstract.startContainer.ownerDocument === document;
        let before = '';
        let after = '';
        try {
          before = neighbour(abstract.startContainer, abstract.startOffset, false);
          after = neighbour(abstract.endContainer, abstract.endOffset, true);
        } catch {
          // A range into a detached or foreign node: `connected` already says so.
        }
        const position = [abstract.startOffset];
        for (let n: Node | null = abstract.startContainer; n;) {
          if (n instanceof ShadowRoot) {
            position.unshift(-1);
            n = n.host;
            continue;
          }
          const parent: Node | null = n.parentNode;
          if (parent) position.unshift(Array.prototype.indexOf.call(parent.childNodes, n));
          n = parent;
        }
        const start = abstract.startContainer;
        const element = start instanceof Element ? start : start.parentElement;
        const style = element ? getComputedStyle(element, `::highlight(${registered})`) : null;
        const painted =
          style !== null &&
          style.backgroundColor !== 'rgba(0, 0, 0, 0)' &&
          style.textDecorationLine !== 'none';
        out.push({
          name,
          variant,
          text,
          ids,
          position,
          inShadow,
          connected,
          before,
          after,
          painted,
        });
      });
    });
    return out;
  });
  return ranges.sort(byPosition);
}

/** Document order of two highlight ranges (see `HighlightRange.position`). */
function byPosition(a: HighlightRange, b: HighlightRange): number {
  const n = Math.min(a.position.length, b.position.length);
  for (let i = 0; i < n; i++) {
    if (a.position[i] !== b.position[i]) return a.position[i]! - b.position[i]!;
  }
  return a.position.length - b.position.length;
}

/**
 * Every highlighted range on the page. The extension may register ranges only
 * near the viewport (painting cost grows with ranges), so this scrolls through
 * the page a viewport at a time, collects what is registered at each stop, and
 * scrolls back.
 */
export async function allHighlights(target: Target): Promise<HighlightRange[]> {
  const found = new Map<string, HighlightRange>();
  const { height, total, start } = await target.evaluate(() => ({
    height: window.innerHeight,
    total: document.documentElement.scrollHeight,
    start: window.scrollY,
  }));
  const scrollTo = (top: number) =>
    target.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), top);
  for (let top = 0; ; top += height) {
    await scrollTo(top);
    await settle(target, 250, 2_000);
    for (const r of await highlightRanges(target)) {
      found.set(`${r.name} ${r.position.join('.')}`, r);
    }
    if (top + height >= total) break;
  }
  await scrollTo(start);
  return [...found.values()].sort(byPosition);
}

/** Per `backstory-*` highlight, the `toString()` of each range. */
export async function highlightTexts(target: Target): Promise<Record<string, string[]>> {
  const texts: Record<string, string[]> = {};
  for (const r of await highlightRanges(target)) (texts[r.name] ??= []).push(r.text);
  return texts;
}

/** Collapses whitespace (incl. no-break spaces) and drops soft hyphens, for comparing range text. */
export function flat(text: string): string {
  return text
    .replace(/[\u00ad\u200b]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Polls until `predicate` holds for the highlight ranges (the content script
 * works asynchronously and time-sliced), then returns them; on timeout returns
 * the last ranges so the caller's assertion shows what was there.
 */
export async function waitForHighlights(
  target: Target,
  predicate: (ranges: HighlightRange[]) => boolean,
  timeout = 10_000,
): Promise<HighlightRange[]> {
  const deadline = Date.now() + timeout;
  let ranges = await highlightRanges(target);
  while (!predicate(ranges) && Date.now() < deadline) {
    await sleep(100);
    ranges = await highlightRanges(target);
  }
  return ranges;
}

/** Waits until the set of highlighted ranges has not changed for `quietMs`. */
export async function settle(target: Target, quietMs = 700, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  let last = JSON.stringify(await highlightRanges(target));
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(100);
    const now = JSON.stringify(await highlightRanges(target));
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}

/** How many mentions are revealed under the pointer (an unmarked mention rested on). */
export async function revealedCount(target: Target): Promise<number> {
  return target.evaluate(() => CSS.highlights.get('backstory-revealed')?.size ?? 0);
}
