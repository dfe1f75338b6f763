/**
 * The reviewed expectation file: every distinct mark seen on the real pages,
 * labelled by reading its context, right (the text refers to that entity) or
 * wrong (with the entity it should be, or none). Marks it does not list are
 * unreviewed, and fail the real-page suite until someone labels them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod/mini';
import { markKey, type PageMark } from './marks';

const EXPECTED_FILE = fileURLToPath(new URL('./expected-marks.json', import.meta.url));

const reviewSchema = z.strictObject({
  page: z.string(),
  /** The catalog entity the mark names (`+`-joined when the text is an alias of several). */
  entity: z.string(),
  text: z.string(),
  /** Up to 20 characters either side, the mark in brackets: what the key is made of. */
  context: z.string(),
  verdict: z.enum(['right', 'wrong']),
  /** For a wrong mark: what the text refers to instead. */
  should: z.optional(z.string()),
});
const fileSchema = z.strictObject({ marks: z.array(reviewSchema) });

export type Review = z.infer<typeof reviewSchema>;

export function contextOf(m: Pick<PageMark, 'before' | 'after' | 'text'>): string {
  return `${m.before.slice(-20)}[${m.text}]${m.after.slice(0, 20)}`;
}

const keyOf = (r: Review) =>
  markKey({
    page: r.page,
    entities: r.entity.split('+'),
    text: r.text,
    ...split(r.context, r.text),
  });

function split(context: string, text: string): { before: string; after: string } {
  const at = context.indexOf(`[${text}]`);
  return { before: context.slice(0, at), after: context.slice(at + text.length + 2) };
}

export function loadReviews(file = EXPECTED_FILE): Review[] {
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.marks;
}

export function reviewOf(m: PageMark): Review {
  return {
    page: m.page,
    entity: m.entities.join('+'),
    text: m.text,
    context: contextOf(m),
    verdict: 'right',
  };
}

export interface Verdicts {
  right: PageMark[];
  wrong: { mark: PageMark; should: string }[];
  unreviewed: PageMark[];
  /** Reviewed marks of the pages run that no longer show. */
  gone: Review[];
}

/** Sorts each mark of a run by its review. */
export function judge(
  pages: readonly string[],
  marks: readonly PageMark[],
  reviews: readonly Review[],
): Verdicts {
  const byKey = new Map(reviews.map((r) => [keyOf(r), r]));
  const seen = new Set<string>();
  const out: Verdicts = { right: [], wrong: [], unreviewed: [], gone: [] };
  for (const mark of marks) {
    const key = markKey(mark);
    seen.add(key);
    const review = byKey.get(key);
    if (!review) out.unreviewed.push(mark);
    else if (review.verdict === 'right') out.right.push(mark);
    else out.wrong.push({ mark, should: review.should ?? 'nothing' });
  }
  const run = new Set(pages);
  out.gone = reviews.filter((r) => run.has(r.page) && !seen.has(keyOf(r)));
  return out;
}
