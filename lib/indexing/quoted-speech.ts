/**
 * Capitalized words that start a sentence or stand for a speaker without naming one:
 * "He added:", "“…,” she said.", "The official said".
 */
const NOT_NAMES = new Set([
  'A',
  'An',
  'And',
  'As',
  'But',
  'He',
  'Her',
  'His',
  'I',
  'It',
  'Its',
  'She',
  'So',
  'That',
  'The',
  'Their',
  'These',
  'They',
  'This',
  'Those',
  'We',
  'You',
]);

/** Quotation depth after one character: curly quotes nest, a straight one toggles. */
function step(depth: number, ch: string): number {
  if (ch === '“') return depth + 1;
  if (ch === '”') return Math.max(0, depth - 1);
  if (ch === '"') return depth > 0 ? depth - 1 : 1;
  return depth;
}

/**
 * Whether the sentence at `start`–`end` of a block is quoted speech that does not say
 * whose: it opens with a quotation mark or continues a quotation from the sentence
 * before, and outside the quotation marks it names nobody (“…,” he said.). Shown alone,
 * it reads as the outlet's own statement. A sentence that only quotes a phrase of its
 * own ("Putin called them “puppets”") starts outside any quotation and is not one.
 */
export function isUnattributedQuote(text: string, start: number, end: number): boolean {
  let depth = 0;
  for (let i = 0; i < start; i++) depth = step(depth, text[i]!);
  const first = text.slice(start, end).trimStart()[0];
  if (depth === 0 && first !== '“' && first !== '"') return false;
  let outside = '';
  for (let i = start; i < end; i++) {
    const before = depth;
    depth = step(depth, text[i]!);
    outside += before === 0 && depth === 0 ? text[i] : ' ';
  }
  const words = outside.match(/\p{Lu}[\p{L}\p{M}’'-]*/gu) ?? [];
  return !words.some((w) => !NOT_NAMES.has(w));
}
