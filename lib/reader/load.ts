import { knowledgeBaseSchema, type KnowledgeBase } from '../kb/schema';

export type KnowledgeBaseLoad = { ok: true; kb: KnowledgeBase } | { ok: false; error: string };

/** Enough issues to locate a broken build without flooding the page. */
const MAX_ISSUES = 8;

/** Validates the bundled KB; the reader shows `error` instead of a blank page when it is broken. */
export function parseKnowledgeBase(data: unknown): KnowledgeBaseLoad {
  const parsed = knowledgeBaseSchema.safeParse(data);
  if (!parsed.success) {
    const { issues } = parsed.error;
    const lines = issues
      .slice(0, MAX_ISSUES)
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    if (issues.length > MAX_ISSUES) lines.push(`…and ${issues.length - MAX_ISSUES} more`);
    return { ok: false, error: lines.join('\n') };
  }
  if (parsed.data.articles.length === 0) {
    return { ok: false, error: 'articles: the knowledge base holds no articles' };
  }
  return { ok: true, kb: parsed.data };
}
