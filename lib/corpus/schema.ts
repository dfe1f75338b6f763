import { z } from 'zod/mini';
import { articleIdSchema } from '../catalog/schema';

// The larger schemas here are made on first use (z.lazy): this module loads in every frame
// the content script starts in, and building them all there was a third of its time in Speedometer.

/** What a piece of writing is; cards show it, and opinion is never stated as fact. */
const articleKinds = ['news report', 'analysis', 'opinion column'] as const;
export const articleKindSchema = z.enum(articleKinds);
export type ArticleKind = z.infer<typeof articleKindSchema>;

/**
 * A later part of an article written by another outlet (the Al Jazeera report that an
 * Arab News compilation appends). It runs from the heading `startsAt` to the next
 * section or the end of the article.
 */
const articleSectionSchema = z.lazy(() =>
  z.strictObject({
    /** The exact text of the heading block that opens the section. */
    startsAt: z.string().check(z.minLength(2)),
    outlet: z.string().check(z.minLength(2)),
    kind: articleKindSchema,
  }),
);

/**
 * A passage the machine translation garbled. `text` is the verbatim garbled words,
 * `means` what they appear to mean in context, as the card says it ("ISIS-K", not "China").
 */
const garbledPassageSchema = z.lazy(() =>
  z.strictObject({
    text: z.string().check(z.minLength(2)),
    /** Which occurrence of `text` in the article (1-based), when it occurs more than once. */
    occurrence: z.optional(z.int().check(z.positive())),
    means: z.string().check(z.minLength(4)),
  }),
);

export const articleMetaSchema = z.strictObject({
  id: articleIdSchema,
  /** The raw file in `../shared/seeds/` this article was cleaned from. */
  seed: z.string().check(z.regex(/^[\w.-]+\.txt$/)),
  outlet: z.string().check(z.minLength(2)),
  /** How the copy reached us, when it is not the outlet's own page ("via a repost site"). */
  via: z.optional(z.string()),
  /** What the outlet's own part of the article is. */
  kind: articleKindSchema,
  /** Parts written by other outlets, in article order. */
  sections: z._default(z.array(articleSectionSchema), []),
  /**
   * Passages "From the sources" never shows: an author's bio, a quoted call to violence, a
   * sentence that reads wrong alone ("He characterized…", "…considers this factor…").
   */
  notForSources: z._default(z.array(z.string().check(z.minLength(8))), []),
  /** Passages the copy garbled; empty for a clean copy. */
  garbled: z._default(z.array(garbledPassageSchema), []),
  title: z.string().check(z.minLength(2)),
  /** False when the copy carries no headline and `title` is ours, describing it. */
  titleInSource: z.boolean(),
  /** Authors as the text names them, full names where the outlet's byline gives them. */
  authors: z.array(z.string().check(z.minLength(2))),
  /** The original address, only when the text gives the article's own (not a home page). */
  url: z.optional(z.url()),
  /** Approximate publication date (ISO, day or month precision) inferred from the text. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/)),
  /** What the date is inferred from. */
  dateBasis: z.string().check(z.minLength(4)),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const articleMetaListSchema = z.lazy(() => z.array(articleMetaSchema).check(z.minLength(1)));

export type BlockKind = 'heading' | 'paragraph';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Sentence spans within `text`. */
  sentences: (readonly [number, number])[];
}

export interface Article extends ArticleMeta {
  blocks: Block[];
}
