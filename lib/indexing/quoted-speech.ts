/** Where a known person is named in a block's text, end exclusive. */
export interface NameSpan {
  start: number;
  end: number;
}

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
 * before, and outside the quotation marks it names no person (“…,” he said.). Shown
 * alone, it reads as the outlet's own statement. Only a person names a speaker: an
 * outlet or a body named there (“…,” he told CNN; “…,” he said, according to a statement
 * issued by the US Department of Defense) still leaves “he” undefined. `people` are the
 * block's mentions of people, as the matcher found them. A sentence that only quotes a
 * phrase of its own ("Putin called them “puppets”") starts outside any quotation and is
 * not one.
 */
export function isUnattributedQuote(
  text: string,
  start: number,
  end: number,
  people: readonly NameSpan[],
): boolean {
  let depth = 0;
  for (let i = 0; i < start; i++) depth = step(depth, text[i]!);
  const first = text.slice(start, end).trimStart()[0];
  if (depth === 0 && first !== '“' && first !== '"') return false;
  const outside: boolean[] = [];
  for (let i = start; i < end; i++) {
    const before = depth;
    depth = step(depth, text[i]!);
    outside.push(before === 0 && depth === 0);
  }
  const namedOutside = (p: NameSpan) => {
    if (p.start < start || p.end > end) return false;
    for (let i = p.start; i < p.end; i++) if (!outside[i - start]) return false;
    return true;
  };
  return !people.some(namedOutside);
}

/**
 * The mentions of people in each block, keyed `article#block`: what
 * `isUnattributedQuote` accepts as naming a speaker.
 */
export function peopleByBlock(
  mentions: readonly (NameSpan & { entity: string; article: string; block: number })[],
  isPerson: (entity: string) => boolean,
): Map<string, NameSpan[]> {
  const byBlock = new Map<string, NameSpan[]>();
  for (const m of mentions) {
    if (!isPerson(m.entity)) continue;
    const key = `${m.article}#${m.block}`;
    (byBlock.get(key) ?? byBlock.set(key, []).get(key)!).push({ start: m.start, end: m.end });
  }
  return byBlock;
}
