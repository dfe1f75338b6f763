import type { AliasMatch, Evidence } from '../catalog/schema';
import {
  isWordChar,
  normalizeCased,
  normalizeFolded,
  normalizeText,
  type NormalizedText,
} from '../text/normalize';
import { isDefinedAsOther } from './acronym';
import { openTrie, packTrie, type PackedTrie, type Trie, type TrieHit } from './trie';

/** What the matcher needs to know of an alias; the KB ships exactly this for the page. */
export interface MatchAlias {
  text: string;
  entity: string;
  match: AliasMatch;
  evidence: Evidence;
}

export interface Mention {
  entity: string;
  /** Index of the alias in the list the matcher was built from. */
  alias: number;
  /** Offsets in the source text, end exclusive. */
  start: number;
  end: number;
  /**
   * The support this mention needs (`lib/match/evidence.ts`): the alias's own, or
   * `supported` for a capitalized common word where capitals say nothing.
   */
  evidence: Evidence;
  /** An acronym the text defines as something else: "… International Security (ISIS)". */
  redefined: boolean;
}

type TrieValue =
  { kind: 'alias'; index: number; alias: MatchAlias; cased: string } | { kind: 'not' };

export interface Matcher {
  /** Every candidate mention in `text`; `lib/match/evidence.ts` decides which count. */
  findMentions(text: string): Mention[];
  /** The same, for text already normalized (the page engine normalizes once per block). */
  findInNormalized(norm: NormalizedText, source: string): Mention[];
}

const CAPITALS_ONLY = /^\p{Lu}+$/u;

function isAllCapsWord(cased: string, start: number, end: number): boolean {
  return end - start >= 2 && CAPITALS_ONLY.test(cased.slice(start, end));
}

/** Bounds of the word before `at` (skipping spaces and punctuation), or undefined. */
function wordBefore(text: string, at: number): [number, number] | undefined {
  let end = at;
  while (end > 0 && !isWordChar(text[end - 1])) end--;
  if (end === 0) return undefined;
  let start = end;
  while (start > 0 && isWordChar(text[start - 1])) start--;
  return [start, end];
}

function wordAfter(text: string, at: number): [number, number] | undefined {
  let start = at;
  while (start < text.length && !isWordChar(text[start])) start++;
  if (start === text.length) return undefined;
  let end = start;
  while (end < text.length && isWordChar(text[end])) end++;
  return [start, end];
}

/** Where capitals carry no meaning: the start of the text, of a sentence, or of a list item. */
function startsSentence(cased: string, at: number): boolean {
  let i = at;
  while (i > 0 && /[\s"'([“‘«]/u.test(cased[i - 1]!)) i--;
  return i === 0 || /[.!?:;…|•·–—-]/u.test(cased[i - 1]!);
}

/**
 * The trie's patterns, in the order its values are numbered: the not-entity phrases,
 * then the aliases. The build packs them once (`packTrie`) into the matcher data.
 */
export function matcherPatterns(
  aliases: readonly { text: string }[],
  notEntities: readonly string[],
): string[] {
  return [...notEntities, ...aliases.map((a) => a.text)].map(normalizeFolded);
}

const NOT_ENTITY: TrieValue = { kind: 'not' };

export function createMatcher(
  aliases: readonly MatchAlias[],
  /** Phrases that contain an alias but name something else: they win and mark nothing. */
  notEntities: readonly string[] = [],
  /** `packTrie(matcherPatterns(aliases, notEntities))`, when the build made it already. */
  packed: PackedTrie = packTrie(matcherPatterns(aliases, notEntities)),
): Matcher {
  // Words of each entity's names, made only when a page spells out an acronym (rare).
  const wordsOf = new Map<string, Set<string>>();
  const ownWords = (entity: string): Set<string> => {
    let words = wordsOf.get(entity);
    if (!words) {
      words = new Set(
        aliases
          .filter((a) => a.entity === entity)
          .flatMap((a) => normalizeFolded(a.text).split(/[\s-]+/u)),
      );
      wordsOf.set(entity, words);
    }
    return words;
  };
  // Values are made when a page first meets their pattern: most aliases never occur on a page.
  const trie: Trie<TrieValue> = openTrie<TrieValue>(packed, (pattern) => {
    if (pattern < notEntities.length) return NOT_ENTITY;
    const index = pattern - notEntities.length;
    const alias = aliases[index]!;
    return { kind: 'alias', index, alias, cased: normalizeCased(alias.text) };
  });

  function findInNormalized(norm: NormalizedText, source: string): Mention[] {
    const { cased } = norm;
    const caseFits = (value: TrieValue, start: number, end: number) =>
      value.kind === 'not' ||
      value.alias.match === 'plain' ||
      cased.slice(start, end) === value.cased;
    const hits: TrieHit<TrieValue>[] = [];
    for (const hit of trie.scan(norm.folded, caseFits)) {
      hits.push(hit);
      if (hit.value.kind !== 'alias' || hit.value.alias.evidence !== 'corpus') continue;
      // A corpus reference ("attack on Moscow") still mentions the names inside it.
      const inside = trie.scan(
        norm.folded.slice(hit.start, hit.end),
        (value, start, end) =>
          (value.kind === 'not' || value.alias.evidence !== 'corpus') &&
          caseFits(value, hit.start + start, hit.start + end),
      );
      for (const h of inside)
        hits.push({ ...h, start: hit.start + h.start, end: hit.start + h.end });
    }
    const covered = (start: number, end: number) =>
      hits.some((h) => h.value.kind === 'alias' && h.start <= start && end <= h.end);
    const mentions: Mention[] = [];
    hits.forEach(({ start, end, value }, h) => {
      if (value.kind === 'not') return;
      const { alias } = value;
      const capitalsOnly = CAPITALS_ONLY.test(value.cased);
      if (alias.match === 'acronym' && capitalsOnly) {
        // In "CONTACT US | ABOUT US" capitals say nothing; in "US UK talks" both are names.
        const neighbours = [wordBefore(cased, start), wordAfter(cased, end)];
        if (neighbours.some((w) => w && isAllCapsWord(cased, w[0], w[1]) && !covered(w[0], w[1])))
          return;
      }
      const previous = hits[h - 1];
      const last = norm.origin[end - 1]!;
      const lastWidth = source.codePointAt(last)! > 0xffff ? 2 : 1;
      mentions.push({
        entity: alias.entity,
        alias: value.index,
        start: norm.origin[start]!,
        end: last + lastWidth,
        evidence:
          alias.match === 'capitalized' &&
          alias.evidence === 'strong' &&
          startsSentence(cased, start)
            ? 'supported'
            : alias.evidence,
        redefined:
          capitalsOnly &&
          isDefinedAsOther(
            cased,
            start,
            end,
            previous?.value.kind === 'alias' && previous.value.alias.entity === alias.entity
              ? previous.end
              : -1,
            () => ownWords(alias.entity),
          ),
      });
    });
    return mentions;
  }

  return {
    findInNormalized,
    findMentions: (text) => findInNormalized(normalizeText(text), text),
  };
}
