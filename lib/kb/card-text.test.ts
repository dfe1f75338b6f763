import { describe, expect, it } from 'vitest';
import type { CardData, CardSource } from './card-data';
import { cardLines, diffCards, formatChanges } from './card-text';

const cite = (text: string, extra: Partial<CardSource> = {}): CardSource => ({
  credit: 'Al Jazeera, via Arab News',
  kind: 'news report',
  date: 'March 2024',
  title: 'Crosshairs',
  titleInSource: true,
  text,
  ref: { article: 'arab-news-crosshairs', block: 47, sentence: 0 },
  ...extra,
});

const card: CardData = {
  id: 'amira-jadoon',
  name: 'Amira Jadoon',
  category: 'person',
  aliases: ['Jadoon'],
  description: [{ text: 'Scholar of ISIS-K.', cite: cite('Amira Jadoon, assistant professor') }],
  sources: [cite('found that the center is resilient', { garbled: 'that ISIS-K is resilient' })],
  claims: [
    {
      kind: 'accounts',
      subject: 'Academic rank',
      versions: [{ value: 'Assistant professor', sources: [cite('assistant professor')] }],
    },
  ],
  related: [],
  mentionCount: 4,
  articleCount: 2,
  writtenIn: 'March 2024',
};

describe('cardLines', () => {
  it('prints a card with every clause’s outlet, kind, date and quote, garbled ones marked', () => {
    expect(cardLines(card)).toEqual([
      'Amira Jadoon (Person, amira-jadoon)',
      'Also: Jadoon',
      'Description: Scholar of ISIS-K. [1]',
      '  [1] Al Jazeera, via Arab News · news report · March 2024, “Crosshairs”: “Amira Jadoon, assistant professor”',
      'From the sources:',
      '  - GARBLED “found that the center is resilient” (appears to mean: that ISIS-K is resilient) (Al Jazeera, via Arab News · news report · March 2024, “Crosshairs”)',
      'Sources differ: Academic rank',
      '  - Assistant professor',
      '      Al Jazeera, via Arab News · news report · March 2024: “assistant professor”',
      'Mentioned 4 times in 2 articles, March 2024',
    ]);
  });
});

describe('diffCards', () => {
  it('reports added, removed and changed cards, with the lines that changed', () => {
    const changed = {
      ...card,
      description: [{ ...card.description[0]!, text: 'ISIS-K scholar.' }],
    };
    const added = { ...card, id: 'robyn-dixon', name: 'Robyn Dixon' };
    const removed = { ...card, id: 'joe-biden', name: 'Joe Biden' };
    const changes = diffCards([card, removed], [changed, added]);
    expect(changes.map((c) => [c.id, c.change])).toEqual([
      ['amira-jadoon', 'changed'],
      ['joe-biden', 'removed'],
      ['robyn-dixon', 'added'],
    ]);
    expect(changes[0]!.lines).toEqual([
      '- Description: Scholar of ISIS-K. [1]',
      '+ Description: ISIS-K scholar. [1]',
    ]);
    const report = formatChanges(changes);
    expect(report).toContain('Cards: 1 added, 1 removed, 1 changed');
    expect(report).toContain('## Amira Jadoon (amira-jadoon): changed');
  });

  it('says so when nothing changed', () => {
    expect(formatChanges(diffCards([card], [card]))).toBe('No card changed.');
  });
});
