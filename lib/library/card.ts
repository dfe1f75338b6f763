import type { KnowledgeBase, SentenceRef } from '../kb/schema';
import type { CardData, CardSource } from '../ui/card-data';
import { findClaimValues } from './claims';
import type { LibraryIndex } from './index-article';

/**
 * Adds the reader's library to a card: its best sentences, its mentions in the counts,
 * and the figures it gives for recorded disagreements. The curated description is left
 * exactly as it is: the library adds sources, it never rewrites what is cited.
 */
export function withLibrary(
  card: CardData,
  kb: Pick<KnowledgeBase, 'entities'>,
  library: LibraryIndex,
): CardData {
  const view = library.entity(card.id);
  if (!view) return card;
  const source = (ref: SentenceRef, text = library.sentenceText(ref)): CardSource => {
    const { article } = library.articles.get(ref.article)!;
    return {
      outlet: article.siteName,
      title: article.title,
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

  return {
    ...card,
    library: view.sources.map((ref) => source(ref)),
    claims,
    mentionCount: card.mentionCount + view.mentionCount,
    articleCount: card.articleCount + view.articles.length,
  };
}
