import { makeTextBlock, type TextBlock } from './text-block';

/**
 * Reads the text a reader sees, block by block. Skips what the user edits and what
 * the page does not show; descends into open shadow roots (each its own tree).
 */

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'input',
  'select',
  'option',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'video',
  'audio',
  'head',
  'title',
]);

export interface CollectOptions {
  /** Elements to leave alone entirely (the extension's own UI). */
  exclude?: (el: Element) => boolean;
  /** Called for every open shadow root met, so the caller can watch it too. */
  onShadowRoot?: (root: ShadowRoot) => void;
  /**
   * Only the blocks whose container is the root itself: nested blocks and shadow trees
   * are left out. How the index finds a block's text nodes again, from its container.
   */
  shallow?: boolean;
  /** Nodes a pending batch of the page's changes reads anyway: the walk leaves them to it. */
  readLater?: (node: Node) => boolean;
  /** Start at this element inside the root (its subtree, then what follows it), not at the root. */
  from?: Element;
}

/** Drop caps float one or two letters beside the rest of their word. */
const DROP_CAP_MAX = 2;

function isInline(el: Element, style: CSSStyleDeclaration): boolean {
  if (style.display === 'inline' || style.display === 'contents') return true;
  return style.float !== 'none' && (el.textContent ?? '').trim().length <= DROP_CAP_MAX;
}

const SKIPPED_SELECTOR = [...SKIPPED_TAGS].join(',');

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
  return !el.checkVisibility({ visibilityProperty: true });
}

/** The nearest ancestor-or-self that is laid out as a block (where a text block ends). */
export function nearestBlock(el: Element, stopAt?: Node): Element {
  const view = el.ownerDocument.defaultView!;
  let cur: Element = el;
  while (cur.parentElement && cur !== stopAt) {
    if (cur.localName !== 'br' && !isInline(cur, view.getComputedStyle(cur))) return cur;
    cur = cur.parentElement;
  }
  return cur;
}

/** What the walk needs to know of an element, read from one computed style. */
interface ElementInfo {
  /** It ends the text run around it (a block box or a line break). */
  breaks: boolean;
  /** Its own text is laid out but not shown (`visibility: hidden`). */
  hiddenText: boolean;
}

function describe(el: Element, style: CSSStyleDeclaration): ElementInfo {
  return {
    breaks: el.localName === 'br' || !isInline(el, style),
    hiddenText: style.visibility === 'hidden' || style.visibility === 'collapse',
  };
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
  /** Filled as the walk accepts elements, so each computed style is read once. */
  private readonly info = new Map<Element, ElementInfo>();

  constructor(
    root: Element | ShadowRoot,
    private readonly options: CollectOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as unknown as Document);
    this.view = doc.defaultView!;
    this.push(root);
    if (options.from) this.stack[0]!.walker.currentNode = options.from;
  }

  /**
   * Whether the walk has gone past `node` (or is inside it) in document order: the blocks
   * before it are read. True once the walk is done.
   */
  passed(node: Node): boolean {
    const at = this.stack[0]?.walker.currentNode;
    if (!at) return true;
    if (at === node) return true;
    const position = at.compareDocumentPosition(node);
    return (position & (Node.DOCUMENT_POSITION_PRECEDING | Node.DOCUMENT_POSITION_CONTAINS)) !== 0;
  }

  private push(root: Node): void {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (this.options.readLater?.(node)) return NodeFilter.FILTER_REJECT;
        if (node.nodeType !== Node.ELEMENT_NODE) return NodeFilter.FILTER_ACCEPT;
        return this.accept(node as Element) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      },
    });
    const container = root instanceof ShadowRoot ? root.host : (root as Element);
    this.stack.push({ walker, container });
  }

  /** False for subtrees out of bounds: not shown, edited by the user, or our own UI. */
  private accept(el: Element): boolean {
    if (SKIPPED_TAGS.has(el.localName)) return false;
    if (el instanceof HTMLElement) {
      if (el.hidden) return false;
      // Descendants of an editor are never visited, so only an element that says so can start one.
      if (el.hasAttribute('contenteditable') && el.isContentEditable) return false;
    }
    if (this.options.exclude?.(el)) return false;
    const style = this.view.getComputedStyle(el);
    if (style.display === 'none') return false;
    const info = describe(el, style);
    if (this.options.shallow && info.breaks) {
      // The run before it ends here, as it did when the whole tree was read.
      this.flush();
      return false;
    }
    this.info.set(el, info);
    return true;
  }

  private infoOf(el: Element): ElementInfo {
    let info = this.info.get(el);
    if (!info) {
      info = describe(el, this.view.getComputedStyle(el));
      this.info.set(el, info);
    }
    return info;
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
    let found: Element = el;
    while (found !== fallback && found.parentElement && !this.infoOf(found).breaks) {
      found = found.parentElement;
    }
    this.blockOf.set(el, found);
    return found;
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
          // Text under `visibility: hidden` is laid out but not shown: not a mention.
          if (!parent || text.data.length === 0 || this.infoOf(parent).hiddenText) continue;
          const container = this.containerOf(parent, top.container);
          if (container !== this.pendingContainer) this.flush();
          this.pendingContainer = container;
          this.pending.push(text);
        } else {
          const el = node as Element;
          if (this.infoOf(el).breaks) this.flush();
          const shadow = el.shadowRoot;
          if (shadow && this.options.shallow) {
            this.flush();
          } else if (shadow) {
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

/** The blocks whose container is `container`, as the page reads now (see `shallow`). */
export function readBlocksOf(container: Element, exclude?: (el: Element) => boolean): TextBlock[] {
  const collector = new BlockCollector(container, { exclude, shallow: true });
  while (!collector.next(() => false));
  return collector.blocks;
}
