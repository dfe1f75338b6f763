import { normalizeFolded } from '../text/normalize';

/**
 * "The Institute for Science and International Security (ISIS)": a page that spells
 * out an acronym as something else is not talking about our entity when it uses it.
 */

/** Small words an expansion skips when its initials are read ("Islamic State of Iraq and the Levant"). */
const SKIPPED = new Set([
  'a',
  'al',
  'an',
  'and',
  'as',
  'at',
  'de',
  'del',
  'der',
  'des',
  'di',
  'die',
  'du',
  'el',
  'for',
  'für',
  'in',
  'la',
  'le',
  'of',
  'on',
  'the',
  'to',
  'und',
  'y',
]);

const UPPER = /\p{Lu}/u;

/**
 * Whether the acronym at `[start, end)` of `cased` sits in parentheses right after
 * words whose initials spell it, and those words are not the same entity: neither
 * a mention of it (`ownEnd` is where one ends just before, or -1) nor mostly words
 * of its names (`ownWords`, folded), as a spelling the catalog lacks would be.
 */
export function isDefinedAsOther(
  cased: string,
  start: number,
  end: number,
  ownEnd: number,
  ownWords: () => ReadonlySet<string>,
): boolean {
  if (cased[start - 1] !== '(' || cased[end] !== ')') return false;
  let p = start - 1;
  while (p > 0 && cased[p - 1] === ' ') p--;
  if (ownEnd !== -1 && ownEnd >= p) return false;
  const letters = [...cased.slice(start, end)].filter((ch) => UPPER.test(ch));
  if (letters.length < 2) return false;
  const words = cased.slice(Math.max(0, p - 200), p).split(/[\s-]+/u);
  const initials: string[] = [];
  let known = 0;
  for (let i = words.length - 1; i >= 0 && initials.length < letters.length; i--) {
    const word = words[i]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    if (word === '') break;
    if (UPPER.test(word[0]!)) {
      initials.unshift(word[0]!);
      if (ownWords().has(normalizeFolded(word))) known++;
    } else if (!SKIPPED.has(word)) break;
  }
  return initials.join('') === letters.join('') && known * 2 <= initials.length;
}
