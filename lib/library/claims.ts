import type { KbClaim, SentenceRef } from '../kb/schema';

/**
 * Another figure for a recorded disagreement, found in the reader's library: a number
 * in a sentence that names the claim's entity, next to one of the words the recorded
 * versions put next to their own figures ("killed", "dead", "fighters", "numbered").
 * Only claims whose every version is a figure are looked for; names and wordings
 * ("Eric" or "Michael") cannot be told apart from the rest of a sentence this way.
 */

/** A qualifier and a number or range, as news copy writes a count. */
const FIGURE =
  /\b(?:(at least|more than|over|nearly|almost|about|around|some|up to|roughly|approximately|fewer than|less than|as many as|between)\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?:\s*(?:–|-|to|and)\s*(\d{1,3}(?:,\d{3})+|\d+))?(?!\s*(?:%|percent|per cent)|[.,]?\d)/giu;

const STOP_WORDS = new Set(
  'a an the of in on at to by for from and or that which who whom with as its it is was were be been had has have this those these'.split(
    ' ',
  ),
);

/** Words too general to tie a number to a quantity: "145 people" may be wounded or dead. */
const GENERIC = new Set(['people', 'person', 'one', 'other', 'total', 'also']);

/** Clause punctuation ends the neighbourhood: "killing 115, wounding scores". */
const CLAUSE_BREAK = /[,;:.!?()“”"]/u;

function stem(word: string): string {
  return word
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/(?:ing|ed|es|s)$/u, '');
}

/** The nearest content word on one side of [start, end), within the clause. */
function neighbour(text: string, start: number, end: number, side: -1 | 1): string | undefined {
  const part = side === -1 ? text.slice(0, start) : text.slice(end);
  const words = part.split(/(\s+)/u);
  const ordered = side === -1 ? words.reverse() : words;
  for (const raw of ordered) {
    if (!raw.trim()) continue;
    // Punctuation on the near side of a word closes the clause before it.
    if (side === -1 ? CLAUSE_BREAK.test(raw.slice(-1)) : CLAUSE_BREAK.test(raw[0]!))
      return undefined;
    const word = raw.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (!word || /\d/u.test(raw)) return undefined;
    if (STOP_WORDS.has(word.toLowerCase())) {
      if (CLAUSE_BREAK.test(raw)) return undefined;
      continue;
    }
    return stem(word);
  }
  return undefined;
}

export interface Figure {
  /** Qualifier and number(s), normalized: "at least 139", "4000-6000". */
  key: string;
  /** As a card shows it: "At least 145", "4,000–6,000". */
  value: string;
  start: number;
  end: number;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function figuresIn(text: string): Figure[] {
  const out: Figure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const [whole, qualifier, low, high] = m;
    const start = m.index;
    // A year, or part of a date or a time, is not a count.
    if (!high && /^(?:1[89]|20)\d\d$/u.test(low!)) continue;
    const number = (n: string) => n.replace(/,/gu, '');
    const q = qualifier?.toLowerCase();
    if (high) {
      out.push({
        key: `${number(low!)}-${number(high)}`,
        value: `${low}–${high}`,
        start,
        end: start + whole.length,
      });
    } else {
      const keepQualifier = q && q !== 'between';
      out.push({
        key: keepQualifier ? `${q} ${number(low!)}` : number(low!),
        value: capitalize(keepQualifier ? `${qualifier} ${low}` : low!),
        start,
        end: start + whole.length,
      });
    }
  }
  return out;
}

interface ClaimPattern {
  /** Normalized figure key of each recorded version, by version index. */
  keys: string[];
  /** Stems of the words the recorded quotes put next to their figures. */
  words: Set<string>;
}

/** What the recorded versions look like, or undefined when they are not all figures. */
export function claimPattern(claim: KbClaim): ClaimPattern | undefined {
  if (claim.kind !== 'figures') return undefined;
  const keys: string[] = [];
  const words = new Set<string>();
  for (const version of claim.versions) {
    const own = figuresIn(version.value)[0];
    if (!own) return undefined;
    keys.push(own.key);
    for (const cite of version.cites) {
      const figure = figuresIn(cite.quote).find((f) => f.key.endsWith(own.key.split(' ').at(-1)!));
      if (!figure) continue;
      for (const side of [-1, 1] as const) {
        const word = neighbour(cite.quote, figure.start, figure.end, side);
        if (word && !GENERIC.has(word)) words.add(word);
      }
    }
  }
  return words.size > 0 ? { keys, words } : undefined;
}

export interface FoundValue {
  /** The recorded version it agrees with, or undefined for a new value. */
  version?: number;
  value: string;
  ref: SentenceRef;
  text: string;
}

/** The figures for `claim` in sentences that name its entity, each tied to its sentence. */
export function findClaimValues(
  claim: KbClaim,
  sentences: readonly { ref: SentenceRef; text: string }[],
): FoundValue[] {
  const pattern = claimPattern(claim);
  if (!pattern) return [];
  const found: FoundValue[] = [];
  for (const { ref, text } of sentences) {
    for (const figure of figuresIn(text)) {
      const near = [-1, 1].map((side) => neighbour(text, figure.start, figure.end, side as -1 | 1));
      if (!near.some((w) => w !== undefined && pattern.words.has(w))) continue;
      const version = pattern.keys.indexOf(figure.key);
      found.push({ ...(version !== -1 && { version }), value: figure.value, ref, text });
      break;
    }
  }
  return found;
}
