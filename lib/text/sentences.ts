/**
 * Sentence boundaries come from Intl.Segmenter; ICU ends a sentence after any
 * abbreviation followed by a capital ("Gen. Eric Kurilla", "St. Petersburg",
 * "U.S. Central Command"), so we merge across the abbreviations newsrooms use
 * before names, and re-attach closing quotes that ICU pushes into the next sentence.
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

export type Span = readonly [start: number, end: number];

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
      return [s, e];
    })
    .filter(([s, e]) => e > s);
}
