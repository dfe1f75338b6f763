// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseBlocks } from '../corpus/blocks';
import type { KbArticle, KnowledgeBase } from '../kb/schema';
import { ARTICLE_ELEMENT_ID, mountReader, mountReaderError } from './ReaderApp';
import { renderRoot } from '../test-support/render-root';

const article = (
  id: string,
  text: string,
  meta: Partial<Omit<KbArticle, 'blocks'>> = {},
): KbArticle => ({
  id,
  seed: `${id}.txt`,
  outlet: 'Arab News',
  title: `Title of ${id}`,
  titleInSource: true,
  authors: ['Baria Alamuddin'],
  date: '2024-03',
  dateBasis: 'Calls the attack “last week”.',
  kind: 'news report',
  sections: [],
  notForSources: [],
  garbled: [],
  garbledSentences: [],
  ...meta,
  blocks: parseBlocks(text).map((b) => ({ ...b, sentences: b.sentences.map(([s, e]) => [s, e]) })),
});

const kb: KnowledgeBase = {
  articles: [
    article('warpath', 'Daesh is back. It struck Moscow.', { url: 'https://arab.news/24wxg' }),
    article(
      'reach',
      'ISIS-K grew in Afghanistan.\n\n## How it recruits\n\nIt recruits online. It pays well.',
      {
        outlet: 'CNN',
        via: 'a machine-translated repost',
        titleInSource: false,
        authors: [],
        garbledSentences: [{ article: 'reach', block: 2, sentence: 1, means: 'It is paid well.' }],
      },
    ),
  ],
  references: [],
  entities: [],
  mentions: [],
};

const root = renderRoot();

afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

function mount(hash = '') {
  window.location.hash = hash;
  act(() => mountReader(root, kb));
  const text = document.getElementById(ARTICLE_ELEMENT_ID);
  if (!text) throw new Error('no article element');
  return text;
}

async function navigate(hash: string) {
  await act(async () => {
    window.location.hash = hash;
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

const listItems = () => [...root.querySelectorAll('nav li')];

describe('mountReader', () => {
  it('lists every article with outlet, title, authors, date and provenance', () => {
    mount();
    const [warpath, reach] = listItems();
    expect(listItems()).toHaveLength(2);
    expect(warpath?.textContent).toContain('Arab News');
    expect(warpath?.querySelector('a[href="#article=warpath"]')?.textContent).toBe(
      'Title of warpath',
    );
    expect(warpath?.textContent).toContain('By Baria Alamuddin');
    expect(warpath?.querySelector('time')?.getAttribute('datetime')).toBe('2024-03');
    expect(warpath?.textContent).toContain('March 2024');
    expect(warpath?.querySelector('a[href="https://arab.news/24wxg"]')).not.toBeNull();
    expect(warpath?.textContent).not.toContain('supplied by Backstory');

    expect(reach?.textContent).toContain('Title supplied by Backstory');
    expect(reach?.textContent).toContain('Via a machine-translated repost');
    expect(reach?.textContent).toContain('Author not named');
    expect(reach?.querySelector('a[target="_blank"]')).toBeNull();
  });

  it('shows the first article when the URL has no hash', () => {
    const text = mount();
    expect(root.querySelector('h1')?.textContent).toBe('Title of warpath');
    expect(text.textContent).toBe('Daesh is back. It struck Moscow.');
    expect(root.querySelector('nav [aria-current="page"]')?.textContent).toBe('Title of warpath');
    expect(document.title).toBe('Title of warpath — Backstory');
  });

  it('renders headings and paragraphs with every sentence addressable', () => {
    const text = mount('#article=reach');
    expect([...text.children].map((c) => c.tagName)).toEqual(['P', 'H2', 'P']);
    expect(text.querySelector('h2')?.textContent).toBe('How it recruits');
    const sentence = text.querySelector('[data-block="2"][data-sentence="1"]');
    expect(sentence?.tagName).toBe('SPAN');
    expect(sentence?.textContent).toBe('It pays well.');
    expect(text.querySelector('[data-block="1"][data-sentence="0"]')?.textContent).toBe(
      'How it recruits',
    );
  });

  it('marks a garbled sentence and says what it appears to mean, without changing the text', () => {
    const text = mount('#article=reach');
    const garbled = text.querySelector('[data-block="2"][data-sentence="1"]');
    expect(garbled?.classList.contains('garbled')).toBe(true);
    expect(garbled?.getAttribute('title')).toBe(
      'Garbled in the machine translation; it appears to mean: It is paid well.',
    );
    expect(garbled?.textContent).toBe('It pays well.');
    expect(text.querySelectorAll('.garbled')).toHaveLength(1);
  });

  it('opens at the linked sentence, centred, highlighted and focused', () => {
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    const text = mount('#article=reach&block=2&sentence=1');
    const target = text.querySelector<HTMLElement>('[data-block="2"][data-sentence="1"]');
    expect(target?.getAttribute('aria-current')).toBe('true');
    expect(target?.classList.contains('target')).toBe(true);
    expect(text.querySelectorAll('[aria-current]')).toHaveLength(1);
    expect(scroll).toHaveBeenCalledWith({ block: 'center' });
    expect(scroll.mock.contexts[0]).toBe(target);
    expect(document.activeElement).toBe(target);
  });

  it('follows hash changes to another article and sentence', async () => {
    const text = mount();
    await navigate('#article=reach&block=0&sentence=0');
    expect(root.querySelector('h1')?.textContent).toBe('Title of reach');
    expect(text.querySelector('[aria-current]')?.textContent).toBe('ISIS-K grew in Afghanistan.');
    expect(document.getElementById(ARTICLE_ELEMENT_ID)).toBe(text);

    await navigate('#article=warpath');
    expect(text.querySelector('[aria-current]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('h1'));
  });

  it('says so when a link names an unknown article or passage', () => {
    mount('#article=missing&block=0&sentence=0');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('missing');
    expect(root.querySelector('h1')?.textContent).toBe('Title of warpath');
  });
});

describe('mountReaderError', () => {
  it('shows the validation error as an alert', () => {
    act(() => mountReaderError(root, 'articles.0.date: Invalid string'));
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.querySelector('h1')?.textContent).toBe('Backstory cannot show its articles');
    expect(alert?.querySelector('pre')?.textContent).toBe('articles.0.date: Invalid string');
  });
});
