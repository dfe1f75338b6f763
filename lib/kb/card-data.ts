import { z } from 'zod/mini';
import { categorySchema } from '../catalog/category';
import { claimKindSchema } from '../catalog/schema';
import { articleKindSchema } from '../corpus/schema';
import { creditFor } from './credit';
import { sentenceRefSchema, type KnowledgeBase, type SentenceRef } from './schema';
import { formatDate } from './article-meta';

/**
 * What one entity card shows, resolved from the KB in the background so a tab
 * never carries the whole knowledge base. Validated when it crosses messaging.
 */

// Made on first use, like the message schemas that hold them (lib/messaging/messages.ts).
const sourceSchema = z.lazy(() =>
  z.strictObject({
    /** Whose words these are, as the card credits them: "Al Jazeera, via Arab News". */
    credit: z.string(),
    /** Unknown for the reader's own articles (lib/library): nothing says what they are. */
    kind: z.optional(articleKindSchema),
    /** The article's date as readers say it: "March 2024". */
    date: z.string(),
    title: z.string(),
    /** False when the copy has no headline and the title is Backstory's description. */
    titleInSource: z.boolean(),
    /** The cited words, or the whole sentence for source sentences. */
    text: z.string(),
    /** For a garbled passage of a machine-translated copy: what it appears to mean. */
    garbled: z.optional(z.string()),
    ref: sentenceRefSchema,
    /** Set on sources from the reader's own library (lib/library), which the reader added. */
    addedByReader: z.optional(
      z.strictObject({ published: z.optional(z.string()), addedAt: z.string() }),
    ),
  }),
);
export type CardSource = z.infer<typeof sourceSchema>;

export const cardDataSchema = z.lazy(() =>
  z.strictObject({
    id: z.string(),
    name: z.string(),
    category: categorySchema,
    aliases: z.array(z.string()),
    /** The one-line description, clause by clause, each with its citation. */
    description: z.array(z.strictObject({ text: z.string(), cite: sourceSchema })),
    /** The best 2–3 sentences about the entity, from different articles where possible. */
    sources: z.array(sourceSchema),
    /** The best sentences about the entity from the reader's own library, when it names it. */
    library: z.optional(z.array(sourceSchema)),
    /** Figures, accounts or spellings on which the articles differ. */
    claims: z.array(
      z.strictObject({
        kind: claimKindSchema,
        subject: z.string(),
        note: z.optional(z.string()),
        versions: z.array(z.strictObject({ value: z.string(), sources: z.array(sourceSchema) })),
      }),
    ),
    related: z.array(
      z.strictObject({ id: z.string(), name: z.string(), category: categorySchema }),
    ),
    mentionCount: z.int().check(z.nonnegative()),
    articleCount: z.int().check(z.nonnegative()),
    /** When the articles behind the card were written: "January–March 2024". */
    writtenIn: z.string(),
  }),
);
export type CardData = z.infer<typeof cardDataSchema>;

function sentenceText(kb: KnowledgeBase, ref: SentenceRef): string {
  const block = kb.articles.find((a) => a.id === ref.article)?.blocks[ref.block];
  const span = block?.sentences[ref.sentence];
  return block && span ? block.text.slice(span[0], span[1]) : '';
}

/** "March 2024", or "January–March 2024" when the dates span months of one year. */
export function dateRange(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return '';
  if (first === last) return formatDate(first);
  const [from, to] = [formatDate(first), formatDate(last)];
  return first.slice(0, 4) === last.slice(0, 4) ? `${from.split(' ')[0]}–${to}` : `${from}–${to}`;
}

/** The card view-model for `id`, or undefined when the KB has no such entity. */
export function toCardData(kb: KnowledgeBase, id: string): CardData | undefined {
  const entity = kb.entities.find((e) => e.id === id);
  if (!entity) return undefined;
  const articles = new Map(kb.articles.map((a) => [a.id, a]));
  const source = (ref: SentenceRef, text: string, garbled: string | undefined): CardSource => {
    const a = articles.get(ref.article);
    const credit = a ? creditFor(a, ref.block) : undefined;
    return {
      credit: credit?.credit ?? ref.article,
      kind: credit?.kind ?? 'news report',
      date: a ? formatDate(a.date) : '',
      title: a?.title ?? '',
      titleInSource: a?.titleInSource ?? false,
      text,
      ...(garbled === undefined ? {} : { garbled }),
      ref: { article: ref.article, block: ref.block, sentence: ref.sentence },
    };
  };
  const byId = new Map(kb.entities.map((e) => [e.id, e]));
  // The build counts every article the card cites among those referring to the entity,
  // so the count and the dates come from the same articles.
  const referring = Object.keys(entity.mentionsByArticle);
  return {
    id: entity.id,
    name: entity.name,
    category: entity.category,
    aliases: entity.aliases,
    description: entity.description.map((d) => ({
      text: d.text,
      cite: source(d.cite, d.cite.quote, d.cite.garbled),
    })),
    sources: entity.sources.map((ref) => source(ref, sentenceText(kb, ref), ref.garbled)),
    claims: entity.claims.map((c) => ({
      kind: c.kind,
      subject: c.subject,
      ...(c.note === undefined ? {} : { note: c.note }),
      versions: c.versions.map((v) => ({
        value: v.value,
        sources: v.cites.map((cite) => source(cite, cite.quote, cite.garbled)),
      })),
    })),
    related: entity.related.flatMap((r) => {
      const other = byId.get(r.id);
      return other ? [{ id: other.id, name: other.name, category: other.category }] : [];
    }),
    mentionCount: entity.mentionCount,
    articleCount: referring.length,
    writtenIn: dateRange(referring.flatMap((a) => articles.get(a)?.date ?? [])),
  };
}

/**
 * The footer: how often, in how many articles, and when they were written, in words that
 * agree ("Mentioned once, in one article (March 2024)", "Mentioned 5 times in 2 articles,
 * January–March 2024").
 */
export function mentionSummary(
  card: Pick<CardData, 'mentionCount' | 'articleCount' | 'writtenIn'>,
): string {
  const { mentionCount, articleCount, writtenIn } = card;
  const times = mentionCount === 2 ? 'twice' : `${mentionCount} times`;
  if (articleCount === 1) {
    return `Mentioned ${mentionCount === 1 ? 'once,' : times} in one article${writtenIn ? ` (${writtenIn})` : ''}`;
  }
  return `Mentioned ${times} in ${articleCount} articles${writtenIn ? `, ${writtenIn}` : ''}`;
}
