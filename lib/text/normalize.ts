/**
 * Matching-oriented normalization. Typography that readers do not perceive as a
 * difference (curly quotes, dash variants, no-break spaces, soft hyphens,
 * diacritics, runs of whitespace) must never hide a mention, so both the KB build
 * and the page engine compare text only after this step. Offsets are kept so
 * every match maps back to the original string.
 */
export interface NormalizedText {
  /** Lower-cased normalized text, what aliases are matched against. */
  folded: string;
  /** The same text with its case kept, for case-sensitive acronyms and quotes. */
  cased: string;
  /** `origin[i]` is the index in the source of `folded[i]`; `origin[length]` is the source length. */
  origin: Int32Array;
}

const DROPPED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const DASHES = new Set([
  0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe58, 0xfe63, 0xff0d,
]);
const SINGLE_QUOTES = new Set([0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0x0060, 0x00b4]);
const DOUBLE_QUOTES = new Set([0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb]);
const COMBINING_MARK = /\p{M}/u;
const WHITESPACE = /\s/u;

/** Maps one non-ASCII code point to its normalized form ('' drops it, ' ' is whitespace). */
function normalizeCodePoint(cp: number, ch: string): string {
  if (DROPPED.has(cp)) return '';
  if (DASHES.has(cp)) return '-';
  if (SINGLE_QUOTES.has(cp)) return "'";
  if (DOUBLE_QUOTES.has(cp)) return '"';
  if (WHITESPACE.test(ch)) return ' ';
  let out = '';
  for (const part of ch.normalize('NFD')) if (!COMBINING_MARK.test(part)) out += part;
  return out;
}

function lowerChar(ch: string): string {
  const lower = ch.toLowerCase();
  // Keep offsets one-to-one: the rare characters whose lower case is longer stay as they are.
  return lower.length === ch.length ? lower : ch;
}

/**
 * Normalizes `source`. Whitespace runs collapse to one space; a leading space is
 * kept only if `source` starts with whitespace, so texts can be normalized in pieces.
 * Runs of printable ASCII are copied as slices, not character by character: this
 * runs over every block of every page, and over every alias when a page starts.
 */
export function normalizeText(source: string): NormalizedText {
  const n = source.length;
  let origin = new Int32Array(n + 1);
  let length = 0;
  const cased: string[] = [];
  const folded: string[] = [];
  /** Start of the run of characters kept as they are, not yet copied. */
  let run = 0;
  const copyRun = (end: number) => {
    if (end <= run) return;
    const piece = source.slice(run, end);
    cased.push(piece);
    folded.push(piece.toLowerCase());
  };
  /** Output is longer than the source only where a character expands (NFD of a ligature). */
  const place = (at: number) => {
    if (length === origin.length - 1) {
      const grown = new Int32Array(origin.length * 2);
      grown.set(origin);
      origin = grown;
    }
    origin[length++] = at;
  };
  const put = (casedUnit: string, foldedUnit: string, at: number) => {
    cased.push(casedUnit);
    folded.push(foldedUnit);
    place(at);
  };
  let lastWasSpace = false;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c < 0x80) {
      const space = c === 0x20 || (c >= 0x09 && c <= 0x0d);
      if (!space && c !== 0x60) {
        // Kept as it is, in the current run: only its place is written now.
        place(i);
        lastWasSpace = false;
        i++;
        continue;
      }
      copyRun(i);
      run = i + 1;
      if (space) {
        if (!lastWasSpace) put(' ', ' ', i);
        lastWasSpace = true;
      } else {
        put("'", "'", i);
        lastWasSpace = false;
      }
      i++;
      continue;
    }
    copyRun(i);
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    for (const ch of normalizeCodePoint(cp, source.slice(i, i + width))) {
      if (ch === ' ') {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      const lower = lowerChar(ch);
      for (let k = 0; k < ch.length; k++) put(ch[k]!, lower[k]!, i);
    }
    i += width;
    run = i;
  }
  copyRun(n);
  origin[length] = n;
  return {
    folded: folded.join(''),
    cased: cased.join(''),
    origin: length === n ? origin : origin.slice(0, length + 1),
  };
}

/**
 * Printable ASCII words between single spaces, without the backtick (a quote): text
 * `normalizeText` leaves as it is. Most aliases are such text, and the content script
 * normalizes every alias in every frame it starts in.
 */
const ALREADY_NORMAL = /^[!-_a-~]+(?: [!-_a-~]+)*$/;

/** The normalized, case-kept form of a short string (aliases, quotes), trimmed. */
export function normalizeCased(text: string): string {
  return ALREADY_NORMAL.test(text) ? text : normalizeText(text).cased.trim();
}

/** The normalized, case-folded form of a short string (aliases), trimmed. */
export function normalizeFolded(text: string): string {
  return ALREADY_NORMAL.test(text) ? text.toLowerCase() : normalizeText(text).folded.trim();
}

/** Letters and digits make up words; everything else is a boundary. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80)
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return /[\p{L}\p{N}]/u.test(ch);
}
