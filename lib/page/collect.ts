import { makeTextBlock, type TextBlock } from './text-block';

/**
 * Reads the text a reader sees, block by block. Skips what the user edits and what
 * the page does not show; descends into open shadow roots (each its own tree).
 */

const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'MATH',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
]);

export interface CollectOptions {
  /** Elements to leave alone entirely (the extension's own UI). */
  exclude?: (el: Element) => boolean;
  /** Called for every open shadow root met, so the caller can watch it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** Drop caps float one or two letters beside the rest of their word. */
const DROP_CAP_MAX = 2;

function isInline(el: Element, style: CSSStyleDeclaration): boolean {
  // Lightweight DOMs (happy-dom in unit tests) report inline elements with an empty display.
  if (style.display === 'inline' || style.display === 'contents' || style.display === '')
    return true;
  return style.float !== 'none' && (el.textContent ?? '').trim().length <= DROP_CAP_MAX;
}

const SKIPPED_SELECTOR = [...SKIPPED_TAGS].map((t) => t.toLowerCase()).join(',');

/**
 * For text that changed after the first read: whether its element lies where
 * Backstory never looks (an editor, a hidden subtree, a script, our own UI).
 */
export function isOutOfBounds(el: Element, exclude?: (el: Element) => boolean): boolean {
  if (el.closest(SKIPPED_SELECTOR) || (el instanceof HTMLElement && el.isContentEditable))
    return true;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    if (exclude?.(cur) || (cur instanceof HTMLElement && cur.hidden)) return true;
  }
  const style = el.ownerDocument.defaultView?.getComputedStyle(el);
  if (style?.display === 'contents') return false;
  return (
    typeof el.checkVisibility === 'function' && !el.checkVisibility({ visibilityProperty: true })
  );
}

/** The nearest ancestor-or-self that is laid out as a block (where a text block ends). */
export function nearestBlock(el: Element, stopAt?: Node): Element {
  const view = el.ownerDocument.defaultView!;
  let cur: Element = el;
  while (cur.parentElement && cur !== stopAt) {
    if (cur.tagName !== 'BR' && !isInline(cur, view.getComputedStyle(cur))) return cur;
    cur = cur.parentElement;
  }
  return cur;
}

/** Whether an element's subtree is out of bounds, and whether it starts a new block. */
function classify(el: Element, view: Window, options: CollectOptions): 'skip' | 'block' | 'inline' {
  if (SKIPPED_TAGS.has(el.tagName.toUpperCase())) return 'skip';
  if (el instanceof HTMLElement && (el.isContentEditable || el.hidden)) return 'skip';
  if (options.exclude?.(el)) return 'skip';
  if (el.tagName === 'BR') return 'block';
  const style = view.getComputedStyle(el);
  if (style.display === 'none') return 'skip';
  return isInline(el, style) ? 'inline' : 'block';
}

/**
 * A resumable walk: `next(deadline)` collects blocks until `deadline()` says stop,
 * so the caller can yield to the page between slices. Returns true when done.
 */
export class BlockCollector {
  /** Blocks read so far and not yet taken with `drain()`. */
  readonly blocks: TextBlock[] = [];
  private readonly stack: { walker: TreeWalker; container: Element }[] = [];
  private pending: Text[] = [];
  private pendingContainer: Element | null = null;
  private readonly blockOf = new Map<Element, Element>();
  private readonly view: Window;
  private readonly hiddenText = new Map<Element, boolean>();

  constructor(
    root: Element | ShadowRoot,
    private readonly options: CollectOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as unknown as Document);
    this.view = doc.defaultView!;
    this.push(root);
  }

  private push(root: Node): void {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
        const kind = classify(node as Element, this.view, this.options);
        return kind === 'skip' ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      },
    });
    const container = root instanceof ShadowRoot ? root.host : (root as Element);
    this.stack.push({ walker, container });
  }

  private flush(): void {
    if (this.pending.length > 0 && this.pendingContainer) {
      const block = makeTextBlock(this.pendingContainer, this.pending);
      if (/[\p{L}\p{N}]/u.test(block.text)) this.blocks.push(block);
    }
    this.pending = [];
    this.pendingContainer = null;
  }

  /** The nearest ancestor that starts a block (cached: siblings share it). */
  private containerOf(el: Element, fallback: Element): Element {
    const cached = this.blockOf.get(el);
    if (cached) return cached;
    const found = nearestBlock(el, fallback);
    this.blockOf.set(el, found);
    return found;
  }

  /** Text under `visibility: hidden` is laid out but not shown: not a mention. */
  private isHiddenText(parent: Element): boolean {
    let hidden = this.hiddenText.get(parent);
    if (hidden === undefined) {
      const { visibility } = this.view.getComputedStyle(parent);
      hidden = visibility === 'hidden' || visibility === 'collapse';
      this.hiddenText.set(parent, hidden);
    }
    return hidden;
  }

  /** Hands over the blocks read so far, so the caller can let them go once used. */
  drain(): TextBlock[] {
    return this.blocks.splice(0);
  }

  next(shouldYield: () => boolean): boolean {
    while (this.stack.length > 0) {
      const top = this.stack[this.stack.length - 1]!;
      let node: Node | null;
      while ((node = top.walker.nextNode())) {
        if (node.nodeType === Node.TEXT_NODE) {
          const text = node as Text;
          const parent = text.parentElement;
          if (!parent || text.data.length === 0 || this.isHiddenText(parent)) continue;
          const container = this.containerOf(parent, top.container);
          if (container !== this.pendingContainer) this.flush();
          this.pendingContainer = container;
          this.pending.push(text);
        } else {
          const el = node as Element;
          if (!isInline(el, this.view.getComputedStyle(el)) || el.tagName === 'BR') this.flush();
          const shadow = el.shadowRoot;
          if (shadow) {
            this.flush();
            this.options.onShadowRoot?.(shadow);
            this.push(shadow);
            break;
          }
        }
        if (shouldYield()) return false;
      }
      if (!node) {
        this.flush();
        this.stack.pop();
      }
    }
    this.flush();
    return true;
  }
}
