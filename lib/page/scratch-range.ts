/**
 * Live ranges are not free for the page: Chromium updates every live `Range` of a
 * document on every DOM change the page makes (Document::ranges_), and an unused one
 * stays until garbage collection. Measured (Chromium 156): a to-do app's 3,000 DOM
 * changes took 11 ms with no live range, 13 ms with 30, 104 ms with 1,000. Marks are
 * therefore StaticRanges, and a question a range answers once (where a mention is,
 * which of two points comes first) goes through one range per document, reused.
 */

const scratch = new WeakMap<Document, Range>();

/** The document's reusable range. Callers set both ends before reading it. */
export function scratchRange(doc: Document): Range {
  let range = scratch.get(doc);
  if (!range) {
    range = doc.createRange();
    scratch.set(doc, range);
  }
  return range;
}

const lengthOf = (node: Node) =>
  node instanceof CharacterData ? node.length : node.childNodes.length;

/**
 * Runs `read` on the reusable range set to `source`'s ends (a StaticRange, a mention's),
 * or collapsed at the document's start if the page has shortened the text since (a
 * static range keeps offsets a live range would have moved).
 */
export function readRange<T>(doc: Document, source: AbstractRange, read: (range: Range) => T): T {
  const range = scratchRange(doc);
  const fits =
    source.startOffset <= lengthOf(source.startContainer) &&
    source.endOffset <= lengthOf(source.endContainer);
  if (fits) {
    range.setStart(source.startContainer, source.startOffset);
    range.setEnd(source.endContainer, source.endOffset);
  } else {
    range.setStart(doc, 0);
    range.collapse(true);
  }
  return read(range);
}
