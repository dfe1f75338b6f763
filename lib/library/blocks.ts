import type { LibraryBlock } from './schema';

/**
 * Text blocks from HTML or plain text: headings and paragraphs, whitespace
 * collapsed, nothing else kept. The library stores only text.
 */

const HEADING = /^H[1-6]$/;
const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'svg',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'OBJECT',
  'CANVAS',
]);

function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** The blocks of an element's text, in document order. */
export function htmlToBlocks(root: Node): LibraryBlock[] {
  const blocks: LibraryBlock[] = [];
  let buffer = '';
  let heading = 0;
  const flush = () => {
    const text = clean(buffer);
    buffer = '';
    if (text) blocks.push({ kind: heading > 0 ? 'heading' : 'paragraph', text });
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3 /* text */) {
      buffer += (node as Text).data;
      return;
    }
    if (node.nodeType !== 1 /* element */) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIPPED.has(tag) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true')
      return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const isBlock = BLOCK.has(tag);
    const isHeading = HEADING.test(tag);
    if (isBlock) flush();
    if (isHeading) heading++;
    for (let child = el.firstChild; child; child = child.nextSibling) visit(child);
    if (isBlock) flush();
    if (isHeading) heading--;
  };
  visit(root);
  flush();
  return blocks;
}

/** Plain text: a blank line (or, in a text without blank lines, a line break) ends a paragraph. */
export function textToBlocks(text: string): LibraryBlock[] {
  const normalized = text.replace(/\r\n?/gu, '\n');
  const separator = /\n[ \t]*\n/u.test(normalized) ? /\n[ \t]*\n+/u : /\n+/u;
  return normalized
    .split(separator)
    .map(clean)
    .filter((t) => t.length > 0)
    .map((t) => ({ kind: 'paragraph' as const, text: t }));
}
