// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, expect, test, vi } from 'vitest';
import type { SentenceRef } from '../kb/schema';
import type { CardData, CardSource } from '../kb/card-data';
import { EntityCard } from './EntityCard';

const cited = (text: string, extra: Partial<CardSource> = {}): CardSource => ({
  credit: 'CNN',
  kind: 'news report',
  date: 'March 2024',
  titleInSource: true,
  title: 'ISIS-K’s reach',
  text,
  ref: { article: 'cnn', block: 1, sentence: 0 },
  ...extra,
});

const fromLibrary = (published?: string): Partial<CardSource> => ({
  credit: 'The Harbour Gazette',
  kind: undefined,
  date: published ? '22 March 2025' : 'added 1 April 2025',
  title: 'Families still wait',
  ref: { article: 'lib-abc123', block: 2, sentence: 1 },
  addedByReader: { ...(published && { published }), addedAt: '2025-04-01T09:00:00.000Z' },
});

const card: CardData = {
  id: 'crocus-city-hall-attack',
  name: 'Crocus City Hall attack',
  category: 'event',
  aliases: [],
  description: [{ text: 'Attack on a Moscow concert hall.', cite: cited('the Moscow attack') }],
  sources: [cited('Gunmen attacked Crocus City Hall.')],
  library: [
    cited('The Crocus City Hall attack killed 145 people.', fromLibrary('2025-03-22')),
    cited('Families gathered outside Crocus City Hall.', fromLibrary()),
  ],
  claims: [
    {
      kind: 'figures',
      subject: 'Death toll',
      versions: [
        { value: 'At least 139', sources: [cited('killing at least 139')] },
        { value: '145', sources: [cited('killed 145 people', fromLibrary('2025-03-22'))] },
      ],
    },
  ],
  related: [],
  mentionCount: 9,
  articleCount: 4,
  writtenIn: 'March 2024–March 2025',
};

const container = document.createElement('div');
document.body.append(container);
afterEach(() => render(null, container));

test('the card shows “From your library” with outlet, title, date and the reader’s mark', () => {
  const onOpenSource = vi.fn<(ref: SentenceRef) => void>();
  act(() =>
    render(
      <EntityCard data={card} onSelectEntity={vi.fn()} onOpenSource={onOpenSource} />,
      container,
    ),
  );
  const part = [...container.querySelectorAll('.bs-section')].find(
    (s) => s.querySelector('h3')?.textContent === 'From your library',
  )!;
  expect(part.querySelectorAll('.bs-source-library')).toHaveLength(2);
  const items = [...part.querySelectorAll('li')];
  expect(items[0]?.querySelector('figcaption')?.textContent).toBe(
    'The Harbour Gazette · 22 March 2025, Families still wait Added by you',
  );
  expect(items[1]?.querySelector('figcaption')?.textContent).toContain('added 1 April 2025');
  items[0]?.querySelector('button')?.click();
  expect(onOpenSource).toHaveBeenCalledWith({ article: 'lib-abc123', block: 2, sentence: 1 });

  const versions = [...container.querySelectorAll('.bs-version')].map((v) => v.textContent ?? '');
  expect(versions[0]).not.toContain('Added by you');
  expect(versions[1]).toContain('The Harbour Gazette Added by you');
  expect(container.querySelector('.bs-foot')?.textContent).toContain(
    'Mentioned 9 times in 4 articles',
  );
});

test('a card without library sources has no library part', () => {
  const bundledOnly: CardData = { ...card, library: undefined };
  act(() =>
    render(
      <EntityCard data={bundledOnly} onSelectEntity={vi.fn()} onOpenSource={vi.fn()} />,
      container,
    ),
  );
  expect(container.textContent).not.toContain('From your library');
});
