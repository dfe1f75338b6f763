/**
 * A run of text the reader sees as continuous: the text nodes between two block
 * boundaries, concatenated, so a mention can span inline markup
 * (`<em>Sanaullah</em> Ghafari`). Offsets map back to (node, offset) pairs.
 */
export interface NodeRun {
  /** The nearest non-inline ancestor; its box stands for the block's position. */
  container: Element;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in the run's text. */
  starts: number[];
}

export interface TextBlock extends NodeRun {
  text: string;
}

export function makeTextBlock(container: Element, nodes: Text[]): TextBlock {
  const starts: number[] = [];
  let text = '';
  for (const node of nodes) {
    starts.push(text.length);
    text += node.data;
  }
  return { container, nodes, starts, text };
}

/** Index of the node holding `offset`; at a seam, `end` picks the node that ends there. */
function nodeIndexAt(block: NodeRun, offset: number, end: boolean): number {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid]!;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  // Skip empty nodes so a range never starts at the end of one.
  while (
    !end &&
    lo < block.nodes.length - 1 &&
    block.starts[lo]! + block.nodes[lo]!.length <= offset
  )
    lo++;
  return lo;
}

export function positionAt(
  block: NodeRun,
  offset: number,
  end = false,
): { node: Text; offset: number } {
  const i = nodeIndexAt(block, offset, end);
  return { node: block.nodes[i]!, offset: offset - block.starts[i]! };
}

/** A live DOM range over `[start, end)` of the block's text (see scratch-range.ts for its cost). */
export function rangeFor(block: NodeRun, start: number, end: number): Range {
  const from = positionAt(block, start);
  const to = positionAt(block, end, true);
  const range = block.container.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** A static range over `[start, end)` of the block's text: what a mark is drawn with. */
export function staticRangeFor(block: NodeRun, start: number, end: number): StaticRange {
  const from = positionAt(block, start);
  const to = positionAt(block, end, true);
  return new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
}
