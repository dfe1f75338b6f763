import { splitSentences } from '../text/sentences';
import type { Block, BlockKind } from './schema';

/**
 * The shipped corpus files are plain text: blocks separated by a blank line,
 * headings prefixed with "## ". Readable in a diff, trivial to parse.
 */
const HEADING_PREFIX = '## ';

export function formatBlocks(blocks: readonly { kind: BlockKind; text: string }[]): string {
  return (
    blocks.map((b) => (b.kind === 'heading' ? HEADING_PREFIX + b.text : b.text)).join('\n\n') + '\n'
  );
}

/** A block with its sentence spans: a heading is one sentence, a paragraph is split. */
export function toBlock(kind: BlockKind, text: string): Block {
  return { kind, text, sentences: kind === 'heading' ? [[0, text.length]] : splitSentences(text) };
}

export function parseBlocks(text: string): Block[] {
  return text
    .split(/\n{2,}/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0)
    .map((chunk) =>
      chunk.startsWith(HEADING_PREFIX)
        ? toBlock('heading', chunk.slice(HEADING_PREFIX.length))
        : toBlock('paragraph', chunk),
    );
}
