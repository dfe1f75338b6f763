import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { formatDate } from '../kb/article-meta';
import { formatRoute } from '../kb/reader-route';
import { normalizeFolded } from '../text/normalize';
import { FileButton } from '../settings/FileButton';
import { readFileText } from '../settings/file-text';
import { ACCEPTED_FILES, draftFromFile, draftFromText } from './files';
import { exportFileName, exportLibraryFile, parseLibraryFile } from './import-export';
import type { LibraryArticle } from './schema';
import type { LibraryEnv, LibraryState } from './use-library';
import { errorReason } from '../text/error-reason';

/** How many entity names an entry lists before "and N more". */
const NAMES_SHOWN = 5;

export interface LibraryPanelProps {
  env: LibraryEnv;
  state: LibraryState;
  selected: string;
  /** The bundled articles' list, filtered by the search; the reader renders it. */
  renderBundled(matches: (text: string) => boolean): ComponentChildren;
  entityName(id: string): string | undefined;
  win: Window;
}

type Message = { kind: 'status' | 'alert'; text: string; lines?: string[]; undo?: LibraryArticle };

const SOURCE_LABELS: Record<LibraryArticle['source'], string> = {
  page: 'Added from the page',
  selection: 'A selection, added from the page',
  'page-text': 'The page’s whole text',
  file: 'Added from a file',
  paste: 'Pasted text',
};

/** One empty list for every render: a new one each time would make the search below run again. */
const NO_ARTICLES: readonly LibraryArticle[] = [];

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The library page's list: the bundled articles and the reader's own, searchable,
 * with adding (files, drop, paste), delete and undo, export and import.
 */
export function LibraryPanel({
  env,
  state,
  selected,
  renderBundled,
  entityName,
  win,
}: LibraryPanelProps) {
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const [pasting, setPasting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const pasteText = useRef<HTMLTextAreaElement>(null);
  const pasteTitle = useRef<HTMLInputElement>(null);

  const folded = normalizeFolded(query.trim());
  const matches = useCallback(
    (text: string) => !folded || normalizeFolded(text).includes(folded),
    [folded],
  );
  const own = state.status === 'ready' ? state.articles : NO_ARTICLES;
  const shown = useMemo(
    () =>
      own.filter(
        (a) =>
          matches(`${a.title} ${a.siteName} ${a.byline ?? ''}`) ||
          (folded.length > 2 && a.blocks.some((b) => matches(b.text))),
      ),
    [own, folded, matches],
  );

  const addFiles = async (files: readonly File[]) => {
    const parser = new DOMParser();
    const lines: string[] = [];
    let added = 0;
    for (const file of files) {
      const drafted = await draftFromFile(file, parser);
      if (!drafted.ok) {
        lines.push(drafted.problem);
        continue;
      }
      try {
        const { updated } = await env.store.add(drafted.draft);
        added++;
        lines.push(
          `${updated ? 'Updated' : 'Added'} “${drafted.draft.title}” from “${file.name}”.` +
            (drafted.note ? ` ${drafted.note}` : ''),
        );
      } catch (error) {
        lines.push(`“${file.name}”: ${errorReason(error)}`);
      }
    }
    setMessage({
      kind: added === files.length ? 'status' : 'alert',
      text:
        added === files.length
          ? `Added ${count(added, 'file')}.`
          : `Added ${added} of ${count(files.length, 'file')}.`,
      lines,
    });
  };

  const onDrop = (event: JSX.TargetedDragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) void addFiles(files);
  };

  const addPaste = async () => {
    const drafted = draftFromText(
      pasteText.current?.value ?? '',
      { title: pasteTitle.current?.value, siteName: 'Pasted text', fallbackTitle: 'Pasted text' },
      'paste',
    );
    if (!drafted.ok) {
      setMessage({ kind: 'alert', text: drafted.problem });
      return;
    }
    try {
      const { article } = await env.store.add(drafted.draft);
      setMessage({ kind: 'status', text: `Added “${article.title}”.` });
      setPasting(false);
      win.location.hash = formatRoute({ article: article.id });
    } catch (error) {
      setMessage({ kind: 'alert', text: errorReason(error) });
    }
  };

  const remove = async (article: LibraryArticle) => {
    try {
      await env.store.remove(article.id);
      setMessage({ kind: 'status', text: `Deleted “${article.title}”.`, undo: article });
    } catch (error) {
      setMessage({ kind: 'alert', text: errorReason(error) });
    }
  };

  const undo = async (article: LibraryArticle) => {
    try {
      await env.store.putAll([article]);
      setMessage({ kind: 'status', text: `Restored “${article.title}”.` });
    } catch (error) {
      setMessage({ kind: 'alert', text: errorReason(error) });
    }
  };

  const exportAll = () => {
    const blob = new Blob([exportLibraryFile(own)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = win.document.createElement('a');
    link.href = url;
    link.download = exportFileName();
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setMessage({ kind: 'status', text: `Exported ${count(own.length, 'article')}.` });
  };

  const importFile = async (file: File) => {
    const read = await readFileText(file);
    if (!read.ok) {
      setMessage({ kind: 'alert', text: `${read.problem} Your library is unchanged.` });
      return;
    }
    const parsed = parseLibraryFile(read.text);
    if (!parsed.ok) {
      setMessage({
        kind: 'alert',
        text: `“${file.name}” was not imported, and your library is unchanged:`,
        lines: parsed.problems,
      });
      return;
    }
    const known = new Set(own.map((a) => a.id));
    const updated = parsed.articles.filter((a) => known.has(a.id)).length;
    try {
      await env.store.putAll(parsed.articles);
      setMessage({
        kind: 'status',
        text:
          `Imported ${count(parsed.articles.length, 'article')} from “${file.name}”` +
          (updated ? ` (${updated} replaced the ones already here).` : '.'),
      });
    } catch (error) {
      setMessage({ kind: 'alert', text: `Nothing was imported: ${errorReason(error)}` });
    }
  };

  return (
    <nav
      class={dragging ? 'list dropping' : 'list'}
      aria-label="Library"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div class="library-search">
        <label for="library-query" class="list-title">
          Search the library
        </label>
        <input
          id="library-query"
          type="search"
          value={query}
          placeholder="Title, outlet or words in the text"
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      {message && (
        <div class={`library-message ${message.kind}`} role={message.kind}>
          <p>
            {message.text}
            {message.undo && (
              <>
                {' '}
                <button type="button" class="link" onClick={() => void undo(message.undo!)}>
                  Undo
                </button>
              </>
            )}
          </p>
          {message.lines && message.lines.length > 0 && (
            <ul>
              {message.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {renderBundled(matches)}
      <h2 class="list-title" id="own-title">
        Your articles
      </h2>
      {state.status === 'loading' && <p class="muted">Opening your library…</p>}
      {state.status === 'error' && (
        <p class="library-message alert" role="alert">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && state.unreadable.length > 0 && (
        <p class="library-message alert" role="alert">
          {count(state.unreadable.length, 'saved article')} could not be read and{' '}
          {state.unreadable.length === 1 ? 'is' : 'are'} not shown: {state.unreadable.join(', ')}.
        </p>
      )}
      {state.status === 'ready' && own.length === 0 && (
        <p class="muted">
          Nothing yet. Add the page you are reading from Backstory’s toolbar button, its context
          menu or Alt+Shift+A, or add a file below.
        </p>
      )}
      {state.status === 'ready' && own.length > 0 && shown.length === 0 && (
        <p class="muted">None of your articles matches “{query.trim()}”.</p>
      )}
      <ol aria-labelledby="own-title">
        {shown.map((article) => {
          const names = state.status === 'ready' ? state.index.entitiesIn(article.id) : [];
          const listed = names.flatMap((id) => entityName(id) ?? []).slice(0, NAMES_SHOWN);
          return (
            <li key={article.id} class="list-item own-item">
              <p class="outlet">
                {article.siteName} <span class="added-badge">Added by you</span>
              </p>
              <a
                class="list-link"
                href={formatRoute({ article: article.id })}
                aria-current={article.id === selected ? 'page' : undefined}
              >
                {article.title}
              </a>
              <p class="meta">
                <span>{article.published ? formatDate(article.published) : 'Date not stated'}</span>
                <span>
                  {SOURCE_LABELS[article.source]} {formatDate(article.addedAt.slice(0, 10))}
                </span>
              </p>
              <p class="names">
                {names.length === 0
                  ? 'Names no entity Backstory knows.'
                  : `Names ${listed.join(', ')}${names.length > listed.length ? ` and ${names.length - listed.length} more` : ''}.`}
              </p>
              <button
                type="button"
                class="delete"
                aria-label={`Delete “${article.title}”`}
                onClick={() => void remove(article)}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ol>
      <section class="library-actions" aria-label="Add and back up">
        <FileButton
          label="Add HTML, text or Markdown files"
          accept={ACCEPTED_FILES}
          multiple
          onFiles={(files) => void addFiles(files)}
        >
          Add files…
        </FileButton>
        <button type="button" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
          Paste text…
        </button>
        <p class="muted drop-hint">Or drop .html, .txt or .md files here.</p>
        {pasting && (
          <div class="paste">
            <label for="paste-title">Title (optional)</label>
            <input id="paste-title" ref={pasteTitle} type="text" />
            <label for="paste-text">Text</label>
            <textarea id="paste-text" ref={pasteText} rows={8} />
            <button type="button" onClick={() => void addPaste()}>
              Add to the library
            </button>
          </div>
        )}
        <button type="button" disabled={own.length === 0} onClick={exportAll}>
          Export your library
        </button>
        <FileButton
          label="Import a library file"
          accept=".json,application/json"
          onFiles={([file]) => void importFile(file!)}
        >
          Import a library file…
        </FileButton>
      </section>
    </nav>
  );
}
