import type { z } from 'zod/mini';
import {
  LIBRARY_FILE_FORMAT,
  LIBRARY_FILE_VERSION,
  libraryFileSchema,
  type LibraryArticle,
  type LibraryFile,
} from './schema';

/** One JSON file holds the whole library; importing it is all or nothing. */

export function exportLibraryFile(articles: readonly LibraryArticle[], now = new Date()): string {
  const file: LibraryFile = {
    format: LIBRARY_FILE_FORMAT,
    version: LIBRARY_FILE_VERSION,
    exportedAt: now.toISOString(),
    articles: [...articles],
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export function exportFileName(now = new Date()): string {
  return `backstory-library-${now.toISOString().slice(0, 10)}.json`;
}

export type ParsedLibraryFile =
  { ok: true; articles: LibraryArticle[] } | { ok: false; problems: string[] };

/** Enough to fix a file by hand without a wall of text. */
const MAX_PROBLEMS = 6;

function where(path: readonly PropertyKey[], data: unknown): string {
  if (path.length === 0) return 'The file';
  const [list, index, ...rest] = path;
  if (list === 'articles' && typeof index === 'number') {
    const article = (data as { articles?: { title?: unknown }[] }).articles?.[index];
    const title =
      typeof article?.title === 'string' && article.title.trim()
        ? ` (“${article.title.slice(0, 60)}”)`
        : '';
    const field = rest.length ? ` field “${rest.map(String).join('.')}”` : '';
    return `Article ${index + 1}${title}${field}`;
  }
  return `Field “${path.map(String).join('.')}”`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function at(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

/** One sentence per issue, in the reader's words rather than the validator's. */
function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const place = where(issue.path, data);
  switch (issue.code) {
    case 'invalid_type':
      return at(data, issue.path) === undefined
        ? `${place} is missing.`
        : `${place} should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${typeName(at(data, issue.path))}.`;
    case 'too_small':
      return issue.origin === 'array'
        ? `${place} must hold at least ${String(issue.minimum)} item(s).`
        : `${place} must not be empty.`;
    case 'too_big':
      return `${place} is too long (at most ${String(issue.maximum)}).`;
    case 'invalid_format':
      return `${place} is not a valid ${issue.format === 'datetime' ? 'date and time (ISO 8601)' : issue.format === 'url' ? 'http(s) address' : 'value'}${issue.format === 'regex' ? ` (${issue.message})` : ''}.`;
    case 'invalid_value':
      return `${place} must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.`;
    case 'unrecognized_keys':
      return `${place} has unknown field(s): ${issue.keys.join(', ')}.`;
    default:
      return `${place}: ${issue.message}.`;
  }
}

/** Parses an export file; on any problem, says what is wrong and where. */
export function parseLibraryFile(text: string): ParsedLibraryFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`The file is not JSON (${(error as Error).message}).`] };
  }
  const marker = (data as { format?: unknown } | null)?.format;
  if (typeof data !== 'object' || data === null || marker !== LIBRARY_FILE_FORMAT) {
    return {
      ok: false,
      problems: [
        'The file is not a Backstory library export (its “format” is not “backstory-library”).',
      ],
    };
  }
  const parsed = libraryFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, MAX_PROBLEMS).map((i) => describeIssue(i, data));
    const more = parsed.error.issues.length - MAX_PROBLEMS;
    if (more > 0) problems.push(`…and ${more} more problem(s).`);
    return { ok: false, problems };
  }
  const ids = new Set<string>();
  for (const [i, article] of parsed.data.articles.entries()) {
    if (ids.has(article.id)) {
      return { ok: false, problems: [`Article ${i + 1} repeats the id “${article.id}”.`] };
    }
    ids.add(article.id);
  }
  return { ok: true, articles: parsed.data.articles };
}
