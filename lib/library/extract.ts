import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { htmlToBlocks, textToBlocks } from './blocks';
import type { ArticleDraft, LibrarySourceKind } from './schema';

/**
 * Reads an article out of a page with Mozilla's Readability (Firefox's Reader View),
 * asking `isProbablyReaderable` first. It runs only when the reader asks to add a
 * page, on a copy of the document, and what it reads stays on the machine.
 */

export type ExtractMode = 'article' | 'selection' | 'page-text';

export type Extraction =
  | { ok: true; draft: ArticleDraft }
  | {
      ok: false;
      problem: string;
      /** What can be added instead. */
      alternatives: Exclude<ExtractMode, 'article'>[];
    };

export interface ExtractInput {
  /** A document Readability may change: a clone, or one parsed from HTML. */
  document: Document;
  url: string;
  mode: ExtractMode;
  /** The reader's selection on the page, as text. */
  selection: string;
  /** The outlet to use when the page does not name itself (the file name, for files). */
  fallbackSiteName?: string;
  source?: LibrarySourceKind;
}

const SOURCE_OF: Record<ExtractMode, LibrarySourceKind> = {
  article: 'page',
  selection: 'selection',
  'page-text': 'page-text',
};

/** "2024-03-23T10:00:00+04:00" → "2024-03-23": the date as the outlet wrote it, not in UTC. */
export function isoDay(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const written = /^(\d{4}-\d{2}-\d{2})/u.exec(value.trim());
  if (written) return written[1];
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

/** Dates Readability does not read: `<time datetime>` and the common meta names. */
function statedDate(doc: Document): string | undefined {
  const selectors = [
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date.issued"]',
    'time[datetime]',
  ];
  for (const selector of selectors) {
    const el = doc.querySelector(selector);
    const day = isoDay(el?.getAttribute('content') ?? el?.getAttribute('datetime'));
    if (day) return day;
  }
  return undefined;
}

function hostName(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.replace(/^www\./u, '');
    return host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * "Story - Khaama Press (KP) | Afghan News Agency" → "Khaama Press (KP)": many sites sign
 * their titles, the outlet first after the headline.
 */
function titleSuffix(title: string | undefined): string | undefined {
  const parts = title?.split(/\s+[|–—-]\s+/u) ?? [];
  const signed = parts[1]?.trim();
  return signed && signed.split(/\s+/u).length <= 5 ? signed : undefined;
}

/** The original address a saved copy names, for its host. */
function canonicalHost(doc: Document): string | undefined {
  const href =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return href ? hostName(href) : undefined;
}

/**
 * Readability wraps each run of inline content in its own paragraph, and a comment
 * node (React leaves `<!-- -->` between text runs) ends a run: "countering", "militancy".
 */
function removeComments(doc: Document): void {
  const walker = doc.createTreeWalker(doc, 0x80 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

function trimTo(text: string | null | undefined, max: number): string | undefined {
  const t = text?.replace(/\s+/gu, ' ').trim();
  return t ? t.slice(0, max) : undefined;
}

const NOT_AN_ARTICLE =
  'Backstory could not find an article on this page (it looks like a front page, a list or an app rather than one story).';

export function extractArticle(input: ExtractInput): Extraction {
  const { document: doc, url, mode, selection } = input;
  const alternatives: Exclude<ExtractMode, 'article'>[] = selection.trim()
    ? ['selection', 'page-text']
    : ['page-text'];
  // Metadata first: Readability's parse() takes the document apart.
  const date = statedDate(doc);
  const docTitle = trimTo(doc.title, 500);
  const signedBy = titleSuffix(docTitle);
  const originalHost = canonicalHost(doc);
  removeComments(doc);
  const readerable = mode === 'article' ? isProbablyReaderable(doc) : true;
  let parsed: ReturnType<Readability<Node>['parse']> = null;
  if (mode === 'article' && !readerable) {
    return { ok: false, problem: NOT_AN_ARTICLE, alternatives };
  }
  const wholeText = mode === 'page-text' && doc.body ? htmlToBlocks(doc.body) : [];
  try {
    parsed = new Readability<Node>(doc, { serializer: (node) => node }).parse();
  } catch {
    parsed = null;
  }

  let blocks =
    mode === 'article'
      ? parsed?.content
        ? htmlToBlocks(parsed.content)
        : []
      : mode === 'selection'
        ? textToBlocks(selection)
        : wholeText;
  const siteName =
    trimTo(parsed?.siteName, 200) ??
    input.fallbackSiteName ??
    signedBy ??
    originalHost ??
    hostName(url) ??
    'Unknown site';
  let title = trimTo(parsed?.title, 500) ?? docTitle ?? hostName(url) ?? 'Untitled';
  const signature = signedBy ? title.indexOf(signedBy) : -1;
  if (signature > 3) title = title.slice(0, signature).replace(/\s+[|–—-]\s*$/u, '');
  // Readability often keeps the headline as the first block; the library shows it once.
  if (blocks[0]?.text === title) blocks = blocks.slice(1);
  if (blocks.length === 0) {
    const problem =
      mode === 'selection'
        ? 'Nothing is selected on this page. Select the text to add, then try again.'
        : mode === 'page-text'
          ? 'This page has no text to add.'
          : NOT_AN_ARTICLE;
    return { ok: false, problem, alternatives: alternatives.filter((a) => a !== mode) };
  }
  const published = isoDay(parsed?.publishedTime) ?? date;
  const byline = trimTo(parsed?.byline, 500);
  const isWeb = /^https?:/u.test(url);
  return {
    ok: true,
    draft: {
      ...(isWeb && { url }),
      title,
      siteName,
      ...(byline && { byline }),
      ...(published && { published }),
      source: input.source ?? SOURCE_OF[mode],
      blocks,
    },
  };
}
