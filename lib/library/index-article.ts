import { toBlock } from '../corpus/blocks';
import type { Block } from '../corpus/schema';
import { locateMentions, type LocatedMention } from '../kb/build';
import type { MatcherData, SentenceRef } from '../kb/schema';
import { countEntitiesPerSentence, pickSourceSentences } from '../kb/sources';
import type { MatchAlias } from '../match/matcher';
import type { LibraryArticle } from './schema';

/**
 * Finds the known entities in the reader's articles with the page's matcher data
 * and the KB build's own steps: the same normalization and trie (`locateMentions`,
 * surname rule per article), the same sentence splitter (`toBlock`) and the same
 * source-sentence selection (`pickSourceSentences`).
 */

export interface IndexedArticle {
  article: LibraryArticle;
  /** The article's blocks with their sentence spans. */
  blocks: Block[];
}

export interface LibraryEntityView {
  mentionCount: number;
  /** Library articles naming the entity, in library order. */
  articles: string[];
  /** The best sentences about the entity in the library. */
  sources: SentenceRef[];
}

export interface LibraryIndex {
  readonly articles: ReadonlyMap<string, IndexedArticle>;
  /** Every mention in the library, in article and text order. */
  readonly mentions: readonly LocatedMention[];
  entity(id: string): LibraryEntityView | undefined;
  /** Ids of the entities an article names, most mentioned first. */
  entitiesIn(articleId: string): string[];
  sentenceText(ref: SentenceRef): string;
}

/** The aliases as the page engine builds its matcher from the same data. */
export function aliasesOf(matcherData: MatcherData): MatchAlias[] {
  return matcherData.aliases.map(([text, entity, match]) => ({
    text,
    entity: matcherData.entities[entity]?.[0] ?? '',
    match,
  }));
}

export function toIndexedArticle(article: LibraryArticle): IndexedArticle {
  return { article, blocks: article.blocks.map((b) => toBlock(b.kind, b.text)) };
}

export function createLibraryIndex(
  articles: readonly LibraryArticle[],
  matcherData: MatcherData,
): LibraryIndex {
  const indexed = articles.map(toIndexedArticle);
  const byId = new Map(indexed.map((a) => [a.article.id, a]));
  const corpus = indexed.map((a) => ({ id: a.article.id, blocks: a.blocks }));
  const mentions = articles.length ? locateMentions(corpus, aliasesOf(matcherData)) : [];
  const perSentence = countEntitiesPerSentence(mentions);
  const byEntity = new Map<string, LocatedMention[]>();
  for (const m of mentions) {
    (byEntity.get(m.entity) ?? byEntity.set(m.entity, []).get(m.entity)!).push(m);
  }
  const views = new Map<string, LibraryEntityView>();

  return {
    articles: byId,
    mentions,
    entity(id) {
      const own = byEntity.get(id);
      if (!own) return undefined;
      let view = views.get(id);
      if (!view) {
        view = {
          mentionCount: own.length,
          articles: [...new Set(own.map((m) => m.article))],
          sources: pickSourceSentences(id, own, corpus, perSentence),
        };
        views.set(id, view);
      }
      return view;
    },
    entitiesIn(articleId) {
      const counts = new Map<string, number>();
      for (const m of mentions) {
        if (m.article === articleId) counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([e]) => e);
    },
    sentenceText(ref) {
      const block = byId.get(ref.article)?.blocks[ref.block];
      const span = block?.sentences[ref.sentence];
      return block && span ? block.text.slice(span[0], span[1]) : '';
    },
  };
}
