import { toBlock } from '../corpus/blocks';
import type { Block } from '../corpus/schema';
import { locateMentions, type LocatedMention } from '../indexing/mentions';
import type { MatcherData, SentenceRef } from '../kb/schema';
import { countEntitiesPerSentence, pickSourceSentences } from '../indexing/source-sentences';
import { peopleByBlock } from '../indexing/quoted-speech';
import { aliasesFromData, traitsFromData } from '../match/data';
import type { EntityTraits } from '../match/evidence';
import { packMention, unpackMention, type ArticleIndexRecord } from './index-record';
import type { LibraryArticle } from './schema';

/**
 * Finds the known entities in the reader's articles with the page's matcher data
 * and the KB build's own steps: the same normalization and trie (`locateMentions`,
 * surname rule per article), the same sentence splitter (`toBlock`) and the same
 * source-sentence selection (`pickSourceSentences`).
 */

interface IndexedArticle {
  article: LibraryArticle;
  /** The article's blocks with their sentence spans. */
  blocks: Block[];
}

interface LibraryEntityView {
  mentionCount: number;
  /** Library articles naming the entity, in library order. */
  articles: string[];
  /** The best sentences about the entity in the library. */
  sources: SentenceRef[];
}

export interface LibraryIndex {
  readonly articles: ReadonlyMap<string, IndexedArticle>;
  /** Articles indexed now rather than taken from `cache`, to be stored for next time. */
  readonly fresh: readonly ArticleIndexRecord[];
  /** Every mention in the library, in article and text order. */
  readonly mentions: readonly LocatedMention[];
  entity(id: string): LibraryEntityView | undefined;
  /** Ids of the entities an article names, most mentioned first. */
  entitiesIn(articleId: string): string[];
  sentenceText(ref: SentenceRef): string;
}

/** The reader's own articles mark no passage as garbled or as not for sources. */
const NONE: ReadonlyMap<string, never[]> = new Map();

/** The evidence policy's view of each entity, as the page engine has it. */
function traitsOf(matcherData: MatcherData): (entity: string) => EntityTraits {
  const traits = traitsFromData(matcherData);
  const byId = new Map(matcherData.entities.map(([id], i) => [id, traits[i]!]));
  return (entity) => byId.get(entity) ?? { broad: false };
}

function toIndexedArticle(article: LibraryArticle): IndexedArticle {
  return { article, blocks: article.blocks.map((b) => toBlock(b.kind, b.text)) };
}

/**
 * Indexes the library. `cache` holds earlier results by article id; one whose `key`
 * (matcher data and text, see index-record.ts) still matches is used as it is.
 */
export function createLibraryIndex(
  articles: readonly LibraryArticle[],
  matcherData: MatcherData,
  cache: ReadonlyMap<string, ArticleIndexRecord> = new Map(),
  keyOf: (article: LibraryArticle) => string = () => '',
): LibraryIndex {
  const indexed: IndexedArticle[] = [];
  const mentions: LocatedMention[] = [];
  const todo: LibraryArticle[] = [];
  for (const article of articles) {
    const cached = cache.get(article.id);
    if (
      cached &&
      cached.key === keyOf(article) &&
      cached.sentences.length === article.blocks.length
    ) {
      indexed.push({
        article,
        blocks: article.blocks.map((b, i) => ({ ...b, sentences: cached.sentences[i]! })),
      });
      for (const tuple of cached.mentions) mentions.push(unpackMention(tuple, article.id));
    } else {
      todo.push(article);
    }
  }
  const computed = todo.map(toIndexedArticle);
  const found = computed.length
    ? locateMentions(
        computed.map((a) => ({
          id: a.article.id,
          blocks: a.blocks,
          ...(a.article.published && { date: a.article.published }),
        })),
        aliasesFromData(matcherData),
        traitsOf(matcherData),
        matcherData.notEntities,
      )
    : [];
  const fresh = computed.map((a): ArticleIndexRecord => ({
    id: a.article.id,
    key: keyOf(a.article),
    sentences: a.blocks.map((b) => b.sentences.map(([s, e]) => [s, e] as [number, number])),
    mentions: found.filter((m) => m.article === a.article.id).map(packMention),
  }));
  indexed.push(...computed);
  mentions.push(...found);
  // Library order (newest first), and text order within each article, as the build expects.
  const order = new Map(articles.map((a, i) => [a.id, i]));
  indexed.sort((a, b) => order.get(a.article.id)! - order.get(b.article.id)!);
  mentions.sort(
    (a, b) =>
      order.get(a.article)! - order.get(b.article)! || a.block - b.block || a.start - b.start,
  );
  const byId = new Map(indexed.map((a) => [a.article.id, a]));
  // What source selection reads of an article: the reader's own have no sections, and nothing
  // says what kind of writing they are, so none is scored down as opinion.
  const corpus = indexed.map((a) => ({
    id: a.article.id,
    blocks: a.blocks,
    outlet: a.article.siteName,
    kind: 'news report' as const,
    sections: [],
  }));
  const perSentence = countEntitiesPerSentence(mentions);
  const people = new Set(
    matcherData.entities.flatMap(([id, category]) => (category === 'person' ? [id] : [])),
  );
  const speakers = peopleByBlock(mentions, (id) => people.has(id));
  const byEntity = new Map<string, LocatedMention[]>();
  for (const m of mentions) {
    (byEntity.get(m.entity) ?? byEntity.set(m.entity, []).get(m.entity)!).push(m);
  }
  const views = new Map<string, LibraryEntityView>();

  return {
    articles: byId,
    fresh,
    mentions,
    entity(id) {
      const own = byEntity.get(id);
      if (!own) return undefined;
      let view = views.get(id);
      if (!view) {
        view = {
          mentionCount: own.length,
          articles: [...new Set(own.map((m) => m.article))],
          sources: pickSourceSentences(id, own, corpus, perSentence, NONE, NONE, speakers),
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
