/** A block of a bundled article or of one in the reader's library. */
interface Block {
  kind?: string;
  text: string;
  sentences: readonly (readonly [number, number])[];
}

/** A run of a block's text: one of its sentences, or the space between two. */
export interface Segment {
  text: string;
  sentence?: number;
}

/** Splits a block into its sentences and what lies between, losing no character. */
export function sentenceSegments(block: Block): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  block.sentences.forEach(([start, end], sentence) => {
    if (start > at) segments.push({ text: block.text.slice(at, start) });
    segments.push({ text: block.text.slice(start, end), sentence });
    at = Math.max(at, end);
  });
  if (at < block.text.length) segments.push({ text: block.text.slice(at) });
  return segments;
}
