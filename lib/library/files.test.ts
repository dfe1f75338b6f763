// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import {
  MAX_FILE_BYTES,
  draftFromFile,
  draftFromFileText,
  draftFromText,
  markdownToBlocks,
} from './files';

const parser = () => new DOMParser();

describe('files and pasted text', () => {
  test('Markdown keeps headings and text, drops the markup', () => {
    expect(
      markdownToBlocks(
        '# The **Kerman** bombings\n\nA [memorial](https://x.test) for *Soleimani*.\n![map](m.png)\n\n- first item\n- second\n\n---\n> quoted `code`',
      ),
    ).toEqual([
      { kind: 'heading', text: 'The Kerman bombings' },
      { kind: 'paragraph', text: 'A memorial for Soleimani.' },
      { kind: 'paragraph', text: 'first item' },
      { kind: 'paragraph', text: 'second' },
      { kind: 'paragraph', text: 'quoted code' },
    ]);
  });

  test('a text file: its first short line is the title, its name the outlet', () => {
    const drafted = draftFromFileText(
      'notes.txt',
      'text/plain',
      'Kabul notes\n\nISIS-K struck again.',
      parser(),
    );
    expect(drafted).toEqual({
      ok: true,
      draft: {
        title: 'Kabul notes',
        siteName: 'notes.txt',
        source: 'file',
        blocks: [{ kind: 'paragraph', text: 'ISIS-K struck again.' }],
      },
    });
  });

  test('an HTML file without an article is added whole, and says so', () => {
    const drafted = draftFromFileText(
      'list.html',
      'text/html',
      '<ul><li>One</li><li>Two</li></ul>',
      parser(),
    );
    expect(drafted.ok && drafted.draft.blocks.map((b) => b.text)).toEqual(['One', 'Two']);
    expect(drafted.ok && drafted.note).toMatch(/no single article/);
  });

  test('other files, empty ones and huge ones are refused with their name', async () => {
    expect(draftFromFileText('photo.png', 'image/png', '', parser())).toEqual({
      ok: false,
      problem: '“photo.png” is not an HTML, text or Markdown file (.html, .txt or .md).',
    });
    expect(draftFromFileText('empty.md', '', '\n\n', parser())).toEqual({
      ok: false,
      problem: '“empty.md” holds no text.',
    });
    const huge = { name: 'huge.txt', size: MAX_FILE_BYTES + 1, type: 'text/plain' } as File;
    expect((await draftFromFile(huge, parser())).ok).toBe(false);
  });

  test('a file that cannot be read once chosen is refused with its name and the reason', async () => {
    const gone = new File(['text'], 'moved.txt', { type: 'text/plain' });
    gone.text = () => Promise.reject(new Error('the file changed on disk'));
    expect(await draftFromFile(gone, parser())).toEqual({
      ok: false,
      problem: '“moved.txt” could not be read (the file changed on disk).',
    });
  });

  test('pasted text takes the title given', () => {
    expect(
      draftFromText(
        'One. Two.',
        { title: ' Mine ', siteName: 'Pasted text', fallbackTitle: 'Pasted text' },
        'paste',
      ),
    ).toMatchObject({ ok: true, draft: { title: 'Mine', source: 'paste' } });
  });
});
