import { readFileText } from '../settings/file-text';
import { textToBlocks } from './blocks';
import { extractArticle } from './extract';
import type { ArticleDraft, LibraryBlock } from './schema';

/**
 * Articles the reader saved elsewhere: an HTML page, a text or Markdown file, or
 * pasted text. Read in the library page, never sent anywhere.
 */

/** Checked before a file is read; the 2 MB text limit is checked on the text itself. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const ACCEPTED_FILES = '.html,.htm,.txt,.md,.markdown,text/html,text/plain,text/markdown';

export type FileDraft =
  { ok: true; draft: ArticleDraft; note?: string } | { ok: false; problem: string };

function kindOf(name: string, type: string): 'html' | 'markdown' | 'text' | undefined {
  const ext = /\.([a-z]+)$/iu.exec(name)?.[1]?.toLowerCase();
  if (ext === 'html' || ext === 'htm' || type === 'text/html') return 'html';
  if (ext === 'md' || ext === 'markdown' || type === 'text/markdown') return 'markdown';
  if (ext === 'txt' || type === 'text/plain') return 'text';
  return undefined;
}

/** Markdown's text: headings kept as headings, markup (links, emphasis, code marks, images) dropped. */
export function markdownToBlocks(markdown: string): LibraryBlock[] {
  const blocks: LibraryBlock[] = [];
  const inline = (text: string) =>
    text
      .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
      .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
      .replace(/(\*\*|__|\*|_|`)(\S(?:.*?\S)?)\1/gu, '$2')
      .replace(/<[^>]+>/gu, '');
  let paragraph: string[] = [];
  const flush = () => {
    const text = inline(paragraph.join(' ')).replace(/\s+/gu, ' ').trim();
    if (text) blocks.push({ kind: 'paragraph', text });
    paragraph = [];
  };
  for (const raw of markdown.replace(/\r\n?/gu, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*?)\s*#*$/u.exec(line);
    if (heading) {
      flush();
      const text = inline(heading[1]!).trim();
      if (text) blocks.push({ kind: 'heading', text });
    } else if (!line || /^(?:[-*_]\s*){3,}$/u.test(line) || line.startsWith('```')) {
      flush();
    } else if (/^(?:[-*+]|\d+[.)])\s+/u.test(line)) {
      flush();
      paragraph.push(line.replace(/^(?:[-*+]|\d+[.)])\s+/u, ''));
    } else {
      paragraph.push(line.replace(/^>\s?/u, ''));
    }
  }
  flush();
  return blocks;
}

/** A first line short enough to be a headline becomes the title. */
function titled(
  blocks: LibraryBlock[],
  fallback: string,
): { title: string; blocks: LibraryBlock[] } {
  const first = blocks[0];
  if (first && blocks.length > 1 && first.text.length <= 200 && !/[.!?]$/u.test(first.text)) {
    return { title: first.text, blocks: blocks.slice(1) };
  }
  return { title: fallback, blocks };
}

function baseName(name: string): string {
  return name.replace(/\.[a-z]+$/iu, '') || name;
}

export function draftFromText(
  text: string,
  names: { title?: string; siteName: string; fallbackTitle: string },
  source: 'file' | 'paste',
  markdown = false,
): FileDraft {
  const all = markdown ? markdownToBlocks(text) : textToBlocks(text);
  const { title, blocks } = names.title?.trim()
    ? { title: names.title.trim(), blocks: all }
    : titled(all, names.fallbackTitle);
  if (blocks.length === 0) return { ok: false, problem: 'There is no text to add.' };
  return { ok: true, draft: { title, siteName: names.siteName, source, blocks } };
}

export function draftFromFileText(
  name: string,
  type: string,
  text: string,
  parser: DOMParser,
): FileDraft {
  const kind = kindOf(name, type);
  if (!kind) {
    return {
      ok: false,
      problem: `“${name}” is not an HTML, text or Markdown file (.html, .txt or .md).`,
    };
  }
  if (kind !== 'html') {
    const drafted = draftFromText(
      text,
      { siteName: name, fallbackTitle: baseName(name) },
      'file',
      kind === 'markdown',
    );
    return drafted.ok ? drafted : { ok: false, problem: `“${name}” holds no text.` };
  }
  const read = (mode: 'article' | 'page-text') =>
    extractArticle({
      document: parser.parseFromString(text, 'text/html'),
      url: '',
      mode,
      selection: '',
      fallbackSiteName: name,
    });
  const article = read('article');
  if (article.ok) return { ok: true, draft: { ...article.draft, source: 'file' } };
  const whole = read('page-text');
  if (!whole.ok) return { ok: false, problem: `“${name}” holds no text.` };
  return {
    ok: true,
    draft: { ...whole.draft, source: 'file' },
    note: `Backstory found no single article in “${name}” and added all of its text.`,
  };
}

export async function draftFromFile(file: File, parser: DOMParser): Promise<FileDraft> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      problem: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the library takes files of up to ${MAX_FILE_BYTES / 1024 / 1024} MB.`,
    };
  }
  const read = await readFileText(file);
  if (!read.ok) return read;
  return draftFromFileText(file.name, file.type, read.text, parser);
}
