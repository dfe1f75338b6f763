import { z } from 'zod/mini';
import {
  aliasMatchSchema,
  claimKindSchema,
  entityIdSchema,
  evidenceSchema,
  isoDateSchema,
} from '../catalog/schema';
import { categorySchema } from '../catalog/category';
import { articleMetaSchema } from '../corpus/schema';

// The larger schemas here are made on first use (z.lazy): this module loads in every frame
// the content script starts in, and building them all there was a third of its time in Speedometer.

/**
 * The shapes the build writes and the extension reads back (validated on load,
 * like every boundary). Split by use: the content script needs only the matcher
 * data; cards, the reader and the popup need the rest.
 */

/**
 * An alias as the matcher takes it: [text, entity index, match kind, evidence],
 * the evidence left out when it is `strong`.
 */
const matcherAliasSchema = z.lazy(() =>
  z.tuple([
    z.string().check(z.minLength(1)),
    z.int().check(z.nonnegative()),
    aliasMatchSchema,
    z.optional(evidenceSchema),
  ]),
);
export type MatcherAlias = z.infer<typeof matcherAliasSchema>;

/**
 * Compact on purpose (it ships inside the content script): entities as
 * [id, category, 1 if broad], aliases as above. Corpus-only aliases are not here
 * (the build checks it): they are in the KB's `references`, which the reader adds.
 */
export const matcherDataSchema = z.lazy(() =>
  z.strictObject({
    entities: z.array(z.tuple([entityIdSchema, categorySchema, z.optional(z.literal(1))])),
    aliases: z.array(matcherAliasSchema),
    /** Phrases that contain an alias but name something else. */
    notEntities: z.array(z.string().check(z.minLength(1))),
    /** Event dates, by entity id. */
    dates: z.record(entityIdSchema, isoDateSchema),
    /** The matcher's trie of `matcherPatterns(aliases, notEntities)`, packed (lib/match/trie.ts). */
    trie: z.strictObject({
      chars: z.string(),
      firstEdge: z.array(z.int().check(z.nonnegative())),
      ends: z.array(z.int().check(z.nonnegative())),
    }),
  }),
);
export type MatcherData = z.infer<typeof matcherDataSchema>;

const index = z.int().check(z.nonnegative());

/** A sentence of the bundled corpus. */
export const sentenceRefSchema = z.strictObject({
  article: z.string(),
  block: index,
  sentence: index,
});
export type SentenceRef = z.infer<typeof sentenceRefSchema>;

/** What a garbled passage appears to mean, when the sentence or quote overlaps one. */
const garbledMeaning = z.optional(z.string());

const citeRefSchema = z.lazy(() =>
  z.extend(sentenceRefSchema, {
    quote: z.string(),
    garbled: garbledMeaning,
  }),
);
export type CiteRef = z.infer<typeof citeRefSchema>;

/** A sentence shown under "From the sources". */
const sourceRefSchema = z.lazy(() => z.extend(sentenceRefSchema, { garbled: garbledMeaning }));
export type SourceRef = z.infer<typeof sourceRefSchema>;

const kbClaimSchema = z.lazy(() =>
  z.strictObject({
    id: entityIdSchema,
    kind: claimKindSchema,
    subject: z.string(),
    note: z.optional(z.string()),
    versions: z.array(
      z.strictObject({
        value: z.string(),
        cites: z.array(citeRefSchema).check(z.minLength(1)),
      }),
    ),
  }),
);
export type KbClaim = z.infer<typeof kbClaimSchema>;

const kbEntitySchema = z.lazy(() =>
  z.strictObject({
    id: entityIdSchema,
    name: z.string(),
    category: categorySchema,
    /** Other names, as written, for display. */
    aliases: z.array(z.string()),
    description: z
      .array(z.strictObject({ text: z.string(), cite: citeRefSchema }))
      .check(z.minLength(1)),
    /** The best 2–3 source sentences. */
    sources: z.array(sourceRefSchema),
    related: z.array(z.strictObject({ id: entityIdSchema, weight: z.int().check(z.positive()) })),
    /**
     * How often the articles refer to the entity: its located mentions, plus the sentences its
     * card cites that refer to it without a name the matcher resolves to it.
     */
    mentionCount: index,
    /** Those references per article id: every article the card cites is a key. */
    mentionsByArticle: z.record(z.string(), index),
    claims: z.array(kbClaimSchema),
  }),
);
export type KbEntity = z.infer<typeof kbEntitySchema>;

const kbMentionSchema = z.lazy(() =>
  z.tuple([
    z.string() /* entity */,
    z.string() /* article */,
    index /* block */,
    index /* sentence */,
    index /* start in block */,
    index /* end in block */,
  ]),
);
export type KbMention = z.infer<typeof kbMentionSchema>;

const kbArticleSchema = z.lazy(() =>
  z.extend(articleMetaSchema, {
    blocks: z.array(
      z.strictObject({
        kind: z.enum(['heading', 'paragraph']),
        text: z.string(),
        sentences: z.array(z.tuple([index, index])),
      }),
    ),
    /** Sentences that overlap a garbled passage, and what it appears to mean (for the reader). */
    garbledSentences: z.array(z.extend(sentenceRefSchema, { means: z.string() })),
  }),
);
export type KbArticle = z.infer<typeof kbArticleSchema>;

export const knowledgeBaseSchema = z.lazy(() =>
  z.strictObject({
    articles: z.array(kbArticleSchema),
    /** Corpus-only aliases (descriptions, dates), matched in the reader only; entity index into `entities`. */
    references: z.array(matcherAliasSchema),
    entities: z.array(kbEntitySchema),
    mentions: z.array(kbMentionSchema),
  }),
);
export type KnowledgeBase = z.infer<typeof knowledgeBaseSchema>;
