import { z } from 'zod/mini';
import { categorySchema } from './category';

// The larger schemas here are made on first use (z.lazy): this module loads in every frame
// the content script starts in, and building them all there was a third of its time in Speedometer.

/**
 * Schemas use zod/mini throughout: the content script validates messages and
 * bundled data too, and the full zod API would triple its size.
 */

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Article ids of the bundled corpus; `assets/corpus/articles.json` lists them. */
export const articleIdSchema = z
  .string()
  .check(z.regex(kebabCase, 'article ids are lowercase-kebab-case'));

export const entityIdSchema = z
  .string()
  .check(z.regex(kebabCase, 'entity ids are lowercase-kebab-case'));

/**
 * How an alias's letters are compared with the text:
 * - `plain`: case-insensitive, whole words (the default);
 * - `acronym`: case-sensitive, whole words ("ISK" but not "isk"); an acronym of
 *   capital letters only never matches inside a run of all-caps words ("CONTACT US"),
 *   unless every word of the run is itself a name;
 * - `capitalized`: case-sensitive, for a common word that is a name only when
 *   capitalized ("Telegram", "Discord", "Turkey"): where every word is capitalized
 *   anyway (at the start of a sentence or a heading) it counts as `supported`.
 */
export const aliasMatchSchema = z.enum(['plain', 'acronym', 'capitalized']);
export type AliasMatch = z.infer<typeof aliasMatchSchema>;

/**
 * How much support a mention under this alias needs before it is linked:
 * - `strong`: none, the alias names only this entity ("Sanaullah Ghafari", "ISIS-K");
 * - `supported`: the alias also names other things ("Basit", "FSB", "Sinai"): it
 *   counts after a strong mention of the same entity on the page, or anywhere on a
 *   page that is on the corpus's topic (`lib/match/evidence.ts`);
 * - `corpus`: a description or a date the articles use for the entity ("the Moscow
 *   attack", "October 7"): matched in the bundled articles only, never on other
 *   pages, and never shown as a name.
 */
export const evidenceSchema = z.enum(['strong', 'supported', 'corpus']);
export type Evidence = z.infer<typeof evidenceSchema>;

const aliasSchema = z.lazy(() =>
  z.strictObject({
    text: z.string().check(z.trim(), z.minLength(2)),
    match: z._default(aliasMatchSchema, 'plain'),
    evidence: z._default(evidenceSchema, 'strong'),
    /** A form readers meet on other sites that the bundled articles never use. */
    outside: z._default(z.boolean(), false),
    /**
     * A misspelling ("Eric Kurilla", "Caucusus"): matched like any alias, so a page that
     * spells it so is linked, but never shown as a name; the card's text says who wrote it so.
     */
    misspelling: z._default(z.boolean(), false),
    /** The language of a form that is not English ("de", "es"), for reviewers. */
    lang: z.optional(
      z.string().check(z.regex(/^[a-z]{2}$/, 'lang is a two-letter ISO 639-1 code')),
    ),
    /**
     * Entities whose names this name contains ("Cologne" in "Cologne Cathedral", "Biden"
     * in "Biden administration"): in the bundled articles a mention under this alias is a
     * mention of each of them too, since the articles name them only there. Build only:
     * a page marks the longer name alone.
     */
    contains: z.optional(z.array(entityIdSchema).check(z.minLength(1))),
  }),
);
export type Alias = z.infer<typeof aliasSchema>;

/** A day, a month or a year, ISO 8601: "2024-03-22", "2024-03", "2004". */
export const isoDateSchema = z
  .string()
  .check(z.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'dates are ISO: YYYY, YYYY-MM or YYYY-MM-DD'));

/** A passage of a bundled article; `quote` must occur verbatim in that article. */
const citationSchema = z.lazy(() =>
  z.strictObject({
    article: articleIdSchema,
    quote: z.string().check(z.minLength(8)),
    /** Which occurrence of `quote` (1-based); required when it occurs more than once. */
    occurrence: z.optional(z.int().check(z.positive())),
    /**
     * Acknowledges that the quote overlaps a passage the article's metadata lists as
     * garbled: the clause must then say what the copy appears to mean, not what it says.
     */
    garbled: z.optional(z.literal(true)),
    /**
     * Acknowledges that the quote shares a sentence with a garbled passage but not its words,
     * and that the clause rests on the quoted words alone (a name, a title).
     */
    besideGarbled: z.optional(z.literal(true)),
  }),
);
export type Citation = z.infer<typeof citationSchema>;

/** One clause of a description and the passage that supports it. */
const clauseSchema = z.lazy(() =>
  z.strictObject({
    text: z.string().check(z.minLength(1)),
    cite: citationSchema,
  }),
);

const entitySchema = z.lazy(() =>
  z.strictObject({
    id: entityIdSchema,
    name: z.string().check(z.trim(), z.minLength(2)),
    category: categorySchema,
    /** Every other way the name is written; the canonical name is always an alias too. */
    aliases: z._default(z.array(aliasSchema), []),
    /**
     * Countries, continents, regions, major cities and generic institutions: named on
     * most news pages, so linked only where the page is on the corpus's topic.
     */
    broad: z._default(z.boolean(), false),
    /**
     * Events only: the day the event began or, for a scheduled one, the day it was
     * set. A page dated earlier cannot be about it (the 2014 Gaza war is not the 2023 one).
     */
    date: z.optional(isoDateSchema),
    /** The one-line description, clause by clause, each clause cited. */
    description: z.array(clauseSchema).check(z.minLength(1)),
  }),
);
export type CatalogEntity = z.infer<typeof entitySchema>;

/**
 * How a claim is framed on the card:
 * - `figures`: the sources give different numbers ("Sources give different figures");
 * - `accounts`: they describe the same thing differently;
 * - `spelling`: a name is written differently, which is a note, not a dispute.
 */
const claimKinds = ['figures', 'accounts', 'spelling'] as const;
export const claimKindSchema = z.enum(claimKinds);

/** A figure or name on which the articles disagree, each version with its sources. */
const claimSchema = z.lazy(() =>
  z.strictObject({
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
  }),
);
export type Claim = z.infer<typeof claimSchema>;

/**
 * A longer phrase that contains an alias but names something else ("South America",
 * "The New York Times"). Matched with the aliases, longest first, it wins over the
 * alias inside it and marks nothing.
 */
const notEntitySchema = z.lazy(() =>
  z.strictObject({
    text: z.string().check(z.trim(), z.minLength(2)),
    /** The aliases it contains and keeps from matching, as the catalog spells them. */
    guards: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
    /** What the phrase names, for reviewers ("the continent", "a newspaper"). */
    names: z.string().check(z.minLength(2)),
  }),
);
export type NotEntity = z.infer<typeof notEntitySchema>;

/** One file under `assets/catalog/`; the catalog is the union of all files. */
export const catalogFileSchema = z.lazy(() =>
  z.strictObject({
    entities: z._default(z.array(entitySchema), []),
    claims: z._default(z.array(claimSchema), []),
    notEntities: z._default(z.array(notEntitySchema), []),
  }),
);
