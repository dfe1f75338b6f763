import type { KnowledgeBase, SentenceRef } from '../kb/schema';
import { dateRange, type CardData, type CardSource } from '../kb/card-data';
import { libraryDate } from '../card/added-by-reader';
import { findClaimValues } from './claims';
import type { LibraryIndex } from './index-article';

/**
 * Adds the reader's library to a card: its best sentences, its mentions in the counts,
 * and the figures it gives for recorded disagreements. The curated description is left
 * exactly as it is: the library adds sources, it never rewrites what is cited.
 */
export function withLibrary(
  card: CardData,
  kb: Pick<KnowledgeBase, 'entities' | 'articles'>,
  library: LibraryIndex,
): CardData {
  const view = library.entity(card.id);
  if (!view) return card;
  const source = (ref: SentenceRef, text = library.sentenceText(ref)): CardSource => {
    const { article } = library.articles.get(ref.article)!;
    return {
      credit: article.siteName,
      date: libraryDate(article),
      title: article.title,
      titleInSource: true,
      text,
      ref,
      addedByReader: {
        ...(article.published && { published: article.published }),
        addedAt: article.addedAt,
      },
    };
  };

  const sentences = library.mentions
    .filter((m) => m.entity === card.id)
    .map((m) => ({ article: m.article, block: m.block, sentence: m.sentence }))
    .filter((r, i, all) => {
      const prev = all[i - 1];
      return (
        !prev ||
        prev.article !== r.article ||
        prev.block !== r.block ||
        prev.sentence !== r.sentence
      );
    })
    .map((ref) => ({ ref, text: library.sentenceText(ref) }));

  const recorded = kb.entities.find((e) => e.id === card.id)?.claims ?? [];
  const claims = card.claims.map((claim) => {
    const own = recorded.find((c) => c.subject === claim.subject);
    const found = own ? findClaimValues(own, sentences) : [];
    if (found.length === 0) return claim;
    const versions = claim.versions.map((v) => ({ ...v, sources: [...v.sources] }));
    for (const value of found) {
      const target =
        value.version !== undefined
          ? versions[value.version]
          : versions.find(
              (v) => v.value === value.value && v.sources.every((s) => s.addedByReader),
            );
      const cited = source(value.ref, value.text);
      if (target) target.sources.push(cited);
      else versions.push({ value: value.value, sources: [cited] });
    }
    return { ...claim, versions };
  });

  // "Written …" spans the library's dates too, as the counts include its articles.
  const refs = [
    ...card.description.map((d) => d.cite.ref),
    ...card.sources.map((c) => c.ref),
    ...card.claims.flatMap((c) => c.versions.flatMap((v) => v.sources.map((x) => x.ref))),
  ];
  const bundled = new Set([
    ...Object.keys(kb.entities.find((e) => e.id === card.id)?.mentionsByArticle ?? {}),
    ...refs.map((r) => r.article),
  ]);
  const dates = [
    ...kb.articles.filter((a) => bundled.has(a.id)).map((a) => a.date),
    ...view.articles.flatMap(
      (id) => library.articles.get(id)?.article.published?.slice(0, 7) ?? [],
    ),
  ];

  return {
    ...card,
    library: view.sources.map((ref) => source(ref)),
    writtenIn: dateRange(dates),
    claims,
    mentionCount: card.mentionCount + view.mentionCount,
    articleCount: card.articleCount + view.articles.length,
  };
}
