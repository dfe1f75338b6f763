import { z } from 'zod/mini';
import { categorySchema, type Category } from '../catalog/schema';
import { sentenceRefSchema, type KnowledgeBase, type SentenceRef } from '../kb/schema';

/**
 * What one entity card shows, resolved from the KB in the background so a tab
 * never carries the whole knowledge base. Validated when it crosses messaging.
 */

const sourceSchema = z.strictObject({
  outlet: z.string(),
  title: z.string(),
  /** The cited words, or the whole sentence for source sentences. */
  text: z.string(),
  ref: sentenceRefSchema,
});
export type CardSource = z.infer<typeof sourceSchema>;

export const cardDataSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  category: categorySchema,
  aliases: z.array(z.string()),
  /** The one-line description, clause by clause, each with its citation. */
  description: z.array(z.strictObject({ text: z.string(), cite: sourceSchema })),
  /** The best 2–3 sentences about the entity, from different articles where possible. */
  sources: z.array(sourceSchema),
  /** Figures or names on which the articles disagree. */
  claims: z.array(
    z.strictObject({
      subject: z.string(),
      versions: z.array(z.strictObject({ value: z.string(), sources: z.array(sourceSchema) })),
    }),
  ),
  related: z.array(z.strictObject({ id: z.string(), name: z.string(), category: categorySchema })),
  mentionCount: z.int().check(z.nonnegative()),
  articleCount: z.int().check(z.nonnegative()),
});
export type CardData = z.infer<typeof cardDataSchema>;

export const categoryLabels: Record<Category, string> = {
  person: 'Person',
  group: 'Group',
  organization: 'Organization',
  media: 'Media',
  place: 'Place',
  event: 'Event',
};

export function sentenceText(kb: KnowledgeBase, ref: SentenceRef): string {
  const block = kb.articles.find((a) => a.id === ref.article)?.blocks[ref.block];
  const span = block?.sentences[ref.sentence];
  return block && span ? block.text.slice(span[0], span[1]) : '';
}

/** The card view-model for `id`, or undefined when the KB has no such entity. */
export function toCardData(kb: KnowledgeBase, id: string): CardData | undefined {
  const entity = kb.entities.find((e) => e.id === id);
  if (!entity) return undefined;
  const articles = new Map(kb.articles.map((a) => [a.id, a]));
  const source = (ref: SentenceRef, text: string): CardSource => {
    const a = articles.get(ref.article);
    return {
      outlet: a?.outlet ?? ref.article,
      title: a?.title ?? '',
      text,
      ref: { article: ref.article, block: ref.block, sentence: ref.sentence },
    };
  };
  const byId = new Map(kb.entities.map((e) => [e.id, e]));
  return {
    id: entity.id,
    name: entity.name,
    category: entity.category,
    aliases: entity.aliases,
    description: entity.description.map((d) => ({
      text: d.text,
      cite: source(d.cite, d.cite.quote),
    })),
    sources: entity.sources.map((ref) => source(ref, sentenceText(kb, ref))),
    claims: entity.claims.map((c) => ({
      subject: c.subject,
      versions: c.versions.map((v) => ({
        value: v.value,
        sources: v.cites.map((cite) => source(cite, cite.quote)),
      })),
    })),
    related: entity.related.flatMap((r) => {
      const other = byId.get(r.id);
      return other ? [{ id: other.id, name: other.name, category: other.category }] : [];
    }),
    mentionCount: entity.mentionCount,
    articleCount: Object.keys(entity.mentionsByArticle).length,
  };
}
