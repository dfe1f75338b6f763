import { z } from 'zod/mini';

// The larger schemas here are made on first use (z.lazy): this module loads in every frame
// the content script starts in, and building them all there was a third of its time in Speedometer.

/**
 * The reader's own library: articles they added, stored in IndexedDB and written to
 * export files in exactly this shape. Sentences and mentions are derived (by the
 * same splitter and matcher as the bundled KB), so neither is stored here.
 */

/** Above this much text an article is refused: a book or a dump, not a news article. */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** Library article ids never collide with the bundled corpus's kebab-case ids. */
export const LIBRARY_ID_PREFIX = 'lib-';
const libraryIdSchema = z
  .string()
  .check(
    z.regex(/^lib-[a-z0-9]{6,40}$/, 'library ids look like "lib-" and 6–40 letters or digits'),
  );

const librarySourceKinds = ['page', 'selection', 'page-text', 'file', 'paste'] as const;
export type LibrarySourceKind = (typeof librarySourceKinds)[number];

const blockSchema = z.strictObject({
  kind: z.enum(['heading', 'paragraph']),
  text: z.string().check(z.minLength(1)),
});
export type LibraryBlock = z.infer<typeof blockSchema>;

/** What an extraction or a file yields, before the library gives it an id and a date. */
export const articleDraftSchema = z.strictObject({
  /** The page it was added from; absent for files and pasted text. */
  url: z.optional(z.url({ protocol: /^https?$/ })),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  /** The outlet: the site's own name, else its host name, else the file name. */
  siteName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  byline: z.optional(z.string().check(z.maxLength(500))),
  /** Publication date as the page states it (ISO day), when it states one. */
  published: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD'))),
  /** How it was added: a page's article, a selection, a page's whole text, a file, a paste. */
  source: z.enum(librarySourceKinds),
  blocks: z.array(blockSchema).check(z.minLength(1)),
});
export type ArticleDraft = z.infer<typeof articleDraftSchema>;

export const libraryArticleSchema = z.lazy(() =>
  z
    .extend(articleDraftSchema, {
      id: libraryIdSchema,
      /** When the reader added it (ISO date-time). */
      addedAt: z.iso.datetime(),
    })
    .check(
      z.refine(
        (a) => textLength(a.blocks) <= MAX_ARTICLE_CHARS,
        `articles hold at most ${MAX_ARTICLE_CHARS.toLocaleString('en')} characters of text`,
      ),
    ),
);
export type LibraryArticle = z.infer<typeof libraryArticleSchema>;

export const LIBRARY_FILE_FORMAT = 'backstory-library';
export const LIBRARY_FILE_VERSION = 1;

export const libraryFileSchema = z.lazy(() =>
  z.strictObject({
    format: z.literal(LIBRARY_FILE_FORMAT),
    version: z.literal(LIBRARY_FILE_VERSION),
    exportedAt: z.iso.datetime(),
    articles: z.array(libraryArticleSchema),
  }),
);
export type LibraryFile = z.infer<typeof libraryFileSchema>;

export function textLength(blocks: readonly { text: string }[]): number {
  return blocks.reduce((n, b) => n + b.text.length, 0);
}
