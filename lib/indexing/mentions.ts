import type { Article } from '../corpus/schema';
import { applyEvidence, type EntityTraits } from '../match/evidence';
import { createMatcher, type MatchAlias, type Matcher, type Mention } from '../match/matcher';

/** Where a mention sits, in one article. */
export interface LocatedMention extends Mention {
  article: string;
  block: number;
  sentence: number;
}

/** The index of the sentence (of a block's sentence spans) that holds an offset. */
export function sentenceAt(
  sentences: readonly (readonly [number, number])[],
  offset: number,
): number {
  const found = sentences.findIndex(([, end]) => offset < end);
  return found === -1 ? sentences.length - 1 : found;
}

/** What the build knows of each entity to judge its mentions. */
export type TraitsOf = (entity: string) => EntityTraits;

/** An alias as the build matches it: a name may contain other entities' names. */
export interface BuildAlias extends MatchAlias {
  contains?: readonly string[] | undefined;
}

/**
 * The names that a mention's alias `contains` ("Cologne" in "Cologne Cathedral"), found
 * inside the mention as mentions of their own entities, with indices into `aliases`.
 */
export function containedMentions(
  aliases: readonly BuildAlias[],
): (text: string, alias: number, start: number, end: number) => Mention[] {
  const matchers = new Map<string, { matcher: Matcher; index: number[] }>();
  return (text, alias, start, end) => {
    const contains = aliases[alias]?.contains;
    if (!contains) return [];
    const key = contains.join(' ');
    let sub = matchers.get(key);
    if (!sub) {
      const index = aliases.flatMap((a, i) =>
        contains.includes(a.entity) && a.evidence !== 'corpus' ? [i] : [],
      );
      sub = { matcher: createMatcher(index.map((i) => aliases[i]!)), index };
      matchers.set(key, sub);
    }
    const { index } = sub;
    return sub.matcher.findMentions(text.slice(start, end)).map((m) => ({
      ...m,
      alias: index[m.alias]!,
      start: start + m.start,
      end: start + m.end,
    }));
  };
}

/**
 * Every mention in every article, judged per article by the same evidence policy
 * as a page (`lib/match/evidence.ts`), each article dated as its metadata says.
 */
export function locateMentions(
  articles: readonly (Pick<Article, 'id' | 'blocks'> & { date?: string })[],
  aliases: readonly BuildAlias[],
  traitsOf: TraitsOf,
  notEntities: readonly string[] = [],
): LocatedMention[] {
  const matcher = createMatcher(aliases, notEntities);
  const inside = containedMentions(aliases);
  const all: LocatedMention[] = [];
  for (const article of articles) {
    const found = article.blocks.flatMap((block, b) => {
      const outer = matcher.findMentions(block.text);
      return [...outer, ...outer.flatMap((m) => inside(block.text, m.alias, m.start, m.end))]
        .sort((x, y) => x.start - y.start || y.end - x.end)
        .map((m) => ({
          ...m,
          article: article.id,
          block: b,
          sentence: sentenceAt(block.sentences, m.start),
        }));
    });
    all.push(...applyEvidence(found, traitsOf, { broadMode: 'topic', pageDate: article.date }));
  }
  return all;
}
