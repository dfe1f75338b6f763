import { z } from 'zod/mini';

/**
 * Schemas use zod/mini throughout: the content script validates messages and
 * bundled data too, and the full zod API would triple its size.
 */

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Article ids of the bundled corpus; `assets/corpus/articles.json` lists them. */
export const articleIdSchema = z
  .string()
  .check(z.regex(kebabCase, 'article ids are lowercase-kebab-case'));

export const categories = ['person', 'group', 'organization', 'media', 'place', 'event'] as const;
export const categorySchema = z.enum(categories);
export type Category = z.infer<typeof categorySchema>;

/**
 * How an alias is matched on a page:
 * - `plain`: case-insensitive, whole words (the default);
 * - `acronym`: case-sensitive, whole words ("ISK" but not "isk");
 * - `surname`: case-insensitive, and only after a non-surname alias of the
 *   same entity occurred earlier on the same page ("Ghafari" after "Sanaullah Ghafari").
 */
export const aliasMatchSchema = z.enum(['plain', 'acronym', 'surname']);
export type AliasMatch = z.infer<typeof aliasMatchSchema>;

export const aliasSchema = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(2)),
  match: z._default(aliasMatchSchema, 'plain'),
  /** A form readers meet on other sites that the bundled articles never use. */
  outside: z._default(z.boolean(), false),
});
export type Alias = z.infer<typeof aliasSchema>;

/** A passage of a bundled article; `quote` must occur verbatim in that article. */
export const citationSchema = z.strictObject({
  article: articleIdSchema,
  quote: z.string().check(z.minLength(8)),
  /** Which occurrence of `quote` (1-based); required when it occurs more than once. */
  occurrence: z.optional(z.int().check(z.positive())),
  /**
   * Acknowledges that the quote overlaps a passage the article's metadata lists as
   * garbled: the clause must then say what the copy appears to mean, not what it says.
   */
  garbled: z.optional(z.literal(true)),
});
export type Citation = z.infer<typeof citationSchema>;

/** One clause of a description and the passage that supports it. */
export const clauseSchema = z.strictObject({
  text: z.string().check(z.minLength(1)),
  cite: citationSchema,
});

export const entityIdSchema = z
  .string()
  .check(z.regex(kebabCase, 'entity ids are lowercase-kebab-case'));

export const entitySchema = z.strictObject({
  id: entityIdSchema,
  name: z.string().check(z.trim(), z.minLength(2)),
  category: categorySchema,
  /** Every other way the name is written; the canonical name is always an alias too. */
  aliases: z._default(z.array(aliasSchema), []),
  /** The one-line description, clause by clause, each clause cited. */
  description: z.array(clauseSchema).check(z.minLength(1)),
});
export type CatalogEntity = z.infer<typeof entitySchema>;

/**
 * How a claim is framed on the card:
 * - `figures`: the sources give different numbers ("Sources give different figures");
 * - `accounts`: they describe the same thing differently;
 * - `spelling`: a name is written differently, which is a note, not a dispute.
 */
export const claimKinds = ['figures', 'accounts', 'spelling'] as const;
export const claimKindSchema = z.enum(claimKinds);
export type ClaimKind = z.infer<typeof claimKindSchema>;

/** A figure or name on which the articles disagree, each version with its sources. */
export const claimSchema = z.strictObject({
  id: entityIdSchema,
  entity: entityIdSchema,
  kind: claimKindSchema,
  /** What differs, as a short noun phrase: "Death toll", "Name as written". */
  subject: z.string().check(z.minLength(2)),
  /** Backstory's neutral framing, shown as a note: why the versions differ, when the dates explain it. */
  note: z.optional(z.string().check(z.minLength(8))),
  versions: z
    .array(
      z.strictObject({
        value: z.string().check(z.minLength(1)),
        cites: z.array(citationSchema).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(2)),
});
export type Claim = z.infer<typeof claimSchema>;

/** One file under `assets/catalog/`; the catalog is the union of all files. */
export const catalogFileSchema = z.strictObject({
  entities: z._default(z.array(entitySchema), []),
  claims: z._default(z.array(claimSchema), []),
});
export type CatalogFile = z.infer<typeof catalogFileSchema>;
