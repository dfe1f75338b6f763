import { z } from 'zod/mini';
import { articleIdSchema } from '../catalog/schema';

export const articleMetaSchema = z.strictObject({
  id: articleIdSchema,
  /** The raw file in `../shared/seeds/` this article was cleaned from. */
  seed: z.string().check(z.regex(/^[\w.-]+\.txt$/)),
  outlet: z.string().check(z.minLength(2)),
  /** How the copy reached us, when it is not the outlet's own page ("via a repost site"). */
  via: z.optional(z.string()),
  title: z.string().check(z.minLength(2)),
  /** False when the copy carries no headline and `title` is ours, describing it. */
  titleInSource: z.boolean(),
  /** Authors as the text names them; empty when it names none. */
  authors: z.array(z.string().check(z.minLength(2))),
  /** The original address, only when the text gives the article's own (not a home page). */
  url: z.optional(z.url()),
  /** Approximate publication date (ISO, day or month precision) inferred from the text. */
  date: z.string().check(z.regex(/^\d{4}-\d{2}(-\d{2})?$/)),
  /** What the date is inferred from. */
  dateBasis: z.string().check(z.minLength(4)),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

export const articleMetaListSchema = z.array(articleMetaSchema).check(z.minLength(1));

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
