import { z } from 'zod/mini';
import { evidenceSchema } from '../catalog/schema';
import type { MatcherData } from '../kb/schema';
import type { LocatedMention } from '../indexing/mentions';
import type { LibraryArticle } from './schema';

/**
 * One article's index (sentence spans and mentions), kept next to the article so that
 * a background that wakes up does not match the whole library again. It is derived
 * data: valid only for the same matcher data and the same text, which `key` records.
 */

const index = z.int().check(z.nonnegative());

const articleIndexRecordSchema = z.strictObject({
  id: z.string(),
  key: z.string(),
  sentences: z.array(z.array(z.tuple([index, index]))),
  /** [entity, alias, block, sentence, start, end, evidence, redefined (1) or not (0)] */
  mentions: z.array(
    z.tuple([
      z.string(),
      index,
      index,
      index,
      index,
      index,
      evidenceSchema,
      z.union([z.literal(0), z.literal(1)]),
    ]),
  ),
});
export type ArticleIndexRecord = z.infer<typeof articleIndexRecordSchema>;
type MentionTuple = ArticleIndexRecord['mentions'][number];

/** A mention as the record stores it: a tuple, not an object, to keep the database small. */
export function packMention(m: LocatedMention): MentionTuple {
  return [m.entity, m.alias, m.block, m.sentence, m.start, m.end, m.evidence, m.redefined ? 1 : 0];
}

/** The stored tuple back as a mention of the given article. */
export function unpackMention(
  [entity, alias, block, sentence, start, end, evidence, redefined]: MentionTuple,
  article: string,
): LocatedMention {
  return {
    entity,
    alias,
    block,
    sentence,
    start,
    end,
    evidence,
    redefined: redefined === 1,
    article,
  };
}

/** FNV-1a: a change detector for the cache, not a security measure. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The cache key function for one matcher: its data's hash and each article's text's. */
export function indexKeyFor(matcherData: MatcherData): (article: LibraryArticle) => string {
  const matcher = fnv1a(JSON.stringify(matcherData)).toString(36);
  return (article) => {
    let hash = 0x811c9dc5;
    for (const block of article.blocks) hash = fnv1a(`${block.kind}\n${block.text}\n`, hash);
    return `${matcher}.${hash.toString(36)}.${article.blocks.length}`;
  };
}

export function parseIndexRecords(records: readonly unknown[]): Map<string, ArticleIndexRecord> {
  const out = new Map<string, ArticleIndexRecord>();
  for (const record of records) {
    const parsed = articleIndexRecordSchema.safeParse(record);
    if (parsed.success) out.set(parsed.data.id, parsed.data);
  }
  return out;
}
