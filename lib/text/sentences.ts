/**
 * Sentence boundaries come from Intl.Segmenter; ICU ends a sentence after any
 * abbreviation followed by a capital ("Gen. Eric Kurilla", "St. Petersburg",
 * "U.S. Central Command"), so we merge across the abbreviations newsrooms use
 * before names, and re-attach closing quotes that ICU pushes into the next sentence.
 * Reposts leave stray punctuation after a finished sentence ("six months.” ”",
 * "Turkey. ."); it belongs to no sentence, so cards quoting a sentence never show it.
 */

/** Abbreviations that (almost) never end a sentence in news copy. */
const NON_TERMINAL_ABBREVIATIONS = new Set([
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'sgt',
  'adm',
  'cmdr',
  'gov',
  'sen',
  'rep',
  'pres',
  'amb',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'rev',
  'st',
  'mt',
  'ft',
  'no',
  'vs',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
]);

const ABBREVIATION_AT_END = /(?:^|[\s(“"‘'])((?:[A-Za-z]\.)*[A-Za-z]+)\.\s*$/u;
const LEADING_CLOSERS = /^\s*[”’"')\]]+/u;
/** Lone periods and quotes after a sentence's own end: "exist.” ”", "Turkey. .". */
const TRAILING_RESIDUE = /(?<=[.?!…][”’"')\]]*)(?:\s+[.”"’]+)+$/u;

export type Span = readonly [start: number, end: number];

/** Whether a curly double quote opened before `end` is still open there. */
function quoteOpenAt(text: string, end: number): boolean {
  let open = 0;
  for (let i = 0; i < end; i++) {
    if (text[i] === '“') open++;
    else if (text[i] === '”') open = Math.max(0, open - 1);
  }
  return open > 0;
}

/**
 * Where a sentence really ends: before stray residue, unless that residue closes a
 * quote still open there (a multi-sentence quotation closed after a space).
 */
function endBeforeResidue(text: string, start: number, end: number): number {
  const residue = TRAILING_RESIDUE.exec(text.slice(start, end));
  if (!residue) return end;
  const at = start + residue.index;
  const closer = residue[0].indexOf('”');
  return closer !== -1 && quoteOpenAt(text, at) ? at + closer + 1 : at;
}

function endsWithAbbreviation(segment: string): boolean {
  const m = ABBREVIATION_AT_END.exec(segment);
  return m !== null && NON_TERMINAL_ABBREVIATIONS.has(m[1]!.toLowerCase());
}

/** Sentence spans of `text` (offsets into it), trimmed of surrounding whitespace. */
export function splitSentences(text: string, locale = 'en'): Span[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  const raw: [number, number][] = [];
  for (const { index, segment } of segmenter.segment(text)) {
    const start = index;
    const end = index + segment.length;
    const prev = raw[raw.length - 1];
    if (prev) {
      const closers = LEADING_CLOSERS.exec(segment)?.[0].length ?? 0;
      const rest = segment.slice(closers);
      const hasWords = /[\p{L}\p{N}]/u.test(rest);
      if (closers > 0 && hasWords) {
        // A closing quote ICU put at the start of this sentence belongs to the previous one.
        prev[1] = start + closers;
        raw.push([start + closers, end]);
        continue;
      }
      if (!hasWords || endsWithAbbreviation(text.slice(prev[0], prev[1]))) {
        prev[1] = end;
        continue;
      }
    }
    raw.push([start, end]);
  }
  return raw
    .map(([s, e]): Span => {
      while (s < e && /\s/u.test(text[s]!)) s++;
      while (e > s && /\s/u.test(text[e - 1]!)) e--;
      return [s, endBeforeResidue(text, s, e)];
    })
    .filter(([s, e]) => e > s);
}
