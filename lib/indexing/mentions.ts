import type { Article } from '../corpus/schema';
import { applyEvidence, type EntityTraits } from '../match/evidence';
import { createMatcher, type MatchAlias, type Mention } from '../match/matcher';

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

/**
 * Every mention in every article, judged per article by the same evidence policy
 * as a page (`lib/match/evidence.ts`), each article dated as its metadata says.
 */
export function locateMentions(
  articles: readonly (Pick<Article, 'id' | 'blocks'> & { date?: string })[],
  aliases: readonly MatchAlias[],
  traitsOf: TraitsOf,
  notEntities: readonly string[] = [],
): LocatedMention[] {
  const matcher = createMatcher(aliases, notEntities);
  const all: LocatedMention[] = [];
  for (const article of articles) {
    const found = article.blocks.flatMap((block, b) =>
      matcher.findMentions(block.text).map((m) => ({
        ...m,
        article: article.id,
        block: b,
        sentence: sentenceAt(block.sentences, m.start),
      })),
    );
    all.push(...applyEvidence(found, traitsOf, { broadMode: 'topic', pageDate: article.date }));
  }
  return all;
}
