/**
 * The reviewed list of mentions a reader expects linked on the project's own
 * fixture pages (tests/e2e/fixtures), labelled by reading each page's text, not
 * from the matcher's output. Each mention is the entity it names and a snippet of
 * the page's text around it (`before[text]after`, whitespace collapsed, soft
 * hyphens dropped) that occurs once on the page, its frames and shadow roots.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod/mini';

const LABELS_FILE = fileURLToPath(new URL('./expected-mentions.json', import.meta.url));

/** Core: ordinary article-like pages. Hard: tricky markup, hostile styles, RTL, visibility, dark, frames. */
export const fixtureSets = ['core', 'hard'] as const;
export type FixtureSet = (typeof fixtureSets)[number];

/** Issue 13: recall is kept on the fixture pages (share of listed mentions the extension indexes). */
export const RECALL_TARGETS: Record<FixtureSet, number> = { core: 0.98, hard: 0.9 };

const CONTEXT = /^[^[\]]*\[[^[\]]+\][^[\]]*$/;

const mentionSchema = z.strictObject({
  /** The catalog entity's canonical name. */
  entity: z.string().check(z.minLength(1)),
  /** `before[text]after`: the mention in brackets, in the page's own words. */
  context: z.string().check(z.regex(CONTEXT, 'expected one “[mention]” in the context')),
});
const pageSchema = z.strictObject({
  page: z.string().check(z.regex(/^[\w-]+\.html$/, 'expected a fixture file name')),
  set: z.enum(fixtureSets),
  /** What on the page is deliberately not listed, and why. */
  notes: z.optional(z.string()),
  mentions: z.array(mentionSchema),
});
const fileSchema = z.strictObject({ pages: z.array(pageSchema) });

export type ExpectedPage = z.infer<typeof pageSchema>;

export interface ExpectedMention {
  page: string;
  set: FixtureSet;
  entity: string;
  before: string;
  text: string;
  after: string;
}

function splitContext(context: string): { before: string; text: string; after: string } {
  const open = context.indexOf('[');
  const close = context.indexOf(']');
  return {
    before: context.slice(0, open),
    text: context.slice(open + 1, close),
    after: context.slice(close + 1),
  };
}

export function loadExpectedPages(file = LABELS_FILE): ExpectedPage[] {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const seen = new Set<string>();
  for (const page of parsed.data.pages) {
    if (seen.has(page.page)) throw new Error(`${file}: ${page.page} is listed twice`);
    seen.add(page.page);
  }
  return parsed.data.pages;
}

export function mentionsOf(page: ExpectedPage): ExpectedMention[] {
  return page.mentions.map((m) => ({
    page: page.page,
    set: page.set,
    entity: m.entity,
    ...splitContext(m.context),
  }));
}
