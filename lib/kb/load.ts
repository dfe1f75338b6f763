import { z } from 'zod/mini';
import kbJson from '../../generated/kb.json';
import matcherJson from '../../generated/matcher.json';
import {
  knowledgeBaseSchema,
  matcherDataSchema,
  type KnowledgeBase,
  type MatcherData,
} from './schema';

/**
 * The bundled KB is validated once, on first use: a build that shipped a
 * malformed file says which field is wrong instead of showing broken cards.
 */

export type KnowledgeBaseLoad = { ok: true; kb: KnowledgeBase } | { ok: false; error: string };

/** Enough issues to locate a broken build without flooding a page. */
const MAX_ISSUES = 8;

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  const lines = issues
    .slice(0, MAX_ISSUES)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  if (issues.length > MAX_ISSUES) lines.push(`…and ${issues.length - MAX_ISSUES} more`);
  return lines.join('\n');
}

/** Validates KB data; pages show `error` instead of a blank page when it is broken. */
export function parseKnowledgeBase(data: unknown): KnowledgeBaseLoad {
  const parsed = knowledgeBaseSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeIssues(parsed.error.issues) };
  if (parsed.data.articles.length === 0) {
    return { ok: false, error: 'articles: the knowledge base holds no articles' };
  }
  return { ok: true, kb: parsed.data };
}

let kb: KnowledgeBase | undefined;
let matcher: MatcherData | undefined;

export function loadKnowledgeBase(): KnowledgeBase {
  if (!kb) {
    const loaded = parseKnowledgeBase(kbJson);
    if (!loaded.ok)
      throw new Error(`Backstory: the bundled knowledge base is invalid:\n${loaded.error}`);
    kb = loaded.kb;
  }
  return kb;
}

export function loadMatcherData(): MatcherData {
  const step = matcherDataInSteps();
  for (;;) {
    const data = step();
    if (data) return data;
  }
}

/** Array elements validated per step: a few ms of zod on a slow machine. */
const MATCHER_CHUNK = 40;

type Issue = { path: PropertyKey[]; message: string };

/**
 * What `loadMatcherData` does, a piece per call of the returned `step`: the content
 * script validates the bundled data in every frame of every page, and must never
 * hold the page's main thread for all of it (tens of ms on a slow machine). `step`
 * returns the data once every piece is valid, and throws what `loadMatcherData` throws.
 */
export function matcherDataInSteps(): () => MatcherData | undefined {
  if (matcher) {
    const loaded = matcher;
    return () => loaded;
  }
  const step = validateMatcherDataInSteps(matcherJson);
  return () => (matcher ??= step());
}

/** Validates matcher data as `matcherDataSchema` does, a piece per call of the returned `step`. */
export function validateMatcherDataInSteps(data: unknown): () => MatcherData | undefined {
  const shape = matcherDataSchema.shape;
  const issues: Issue[] = [];
  const out: Record<string, unknown> = {};
  /** Each piece validates some of the data and files what it found. */
  const pieces: (() => void)[] = [];
  const record = (path: PropertyKey[], found: readonly Issue[]) => {
    for (const issue of found) issues.push({ ...issue, path: [...path, ...issue.path] });
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    pieces.push(() => {
      const parsed = matcherDataSchema.safeParse(data);
      if (!parsed.success) record([], parsed.error.issues);
    });
  } else {
    const fields = data as Record<string, unknown>;
    for (const key of Object.keys(fields)) {
      if (!(key in shape)) issues.push({ path: [key], message: 'Unrecognized key' });
    }
    for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
      const schema = shape[key];
      const value = fields[key];
      if (schema.def.type === 'array' && Array.isArray(value)) {
        const element = (schema as z.ZodMiniArray).def.element;
        const parsedItems: unknown[] = [];
        out[key] = parsedItems;
        for (let from = 0; from < value.length; from += MATCHER_CHUNK) {
          pieces.push(() => {
            value.slice(from, from + MATCHER_CHUNK).forEach((item, i) => {
              const parsed = z.safeParse(element, item);
              if (parsed.success) parsedItems.push(parsed.data);
              else record([key, from + i], parsed.error.issues);
            });
          });
        }
      } else {
        pieces.push(() => {
          const parsed = schema.safeParse(value);
          if (parsed.success) out[key] = parsed.data;
          else record([key], parsed.error.issues);
        });
      }
    }
  }
  let next = 0;
  return () => {
    if (next < pieces.length) pieces[next++]!();
    if (next < pieces.length) return undefined;
    if (issues.length > 0) {
      throw new Error(`Backstory: the bundled matcher data is invalid:\n${describeIssues(issues)}`);
    }
    return out as MatcherData;
  };
}

/** The reader's matcher data: the shipped aliases plus the corpus-only references. */
export function readerMatcherData(kb: KnowledgeBase): MatcherData {
  const data = loadMatcherData();
  return { ...data, aliases: [...data.aliases, ...kb.references] };
}
