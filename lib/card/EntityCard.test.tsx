// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { categoryColor } from '../catalog/category';
import type { SentenceRef } from '../kb/schema';
import type { CardData, CardSource } from '../kb/card-data';
import { DISMISS_EVENT } from './card-renderer-api';
import { EntityCard, type EntityCardProps } from './EntityCard';

const source = (
  article: string,
  block: number,
  sentence: number,
  text: string,
  outlet = 'CNN',
  title = 'ISIS-K’s reach',
  extra: Partial<CardSource> = {},
): CardSource => ({
  credit: outlet,
  kind: 'news report',
  date: 'March 2024',
  title,
  titleInSource: true,
  text,
  ref: { article, block, sentence },
  ...extra,
});

const isisK: CardData = {
  id: 'isis-k',
  name: 'ISIS-K',
  category: 'group',
  aliases: ['IS-K', 'ISKP', 'ISK', 'Daesh-K', 'Daesh-Khorasan', 'Islamic State Khorasan Province'],
  description: [
    {
      text: 'Islamic State branch founded in Afghanistan in 2015',
      cite: source('wapo', 13, 0, 'The splinter group was founded in Afghanistan in 2015', 'WaPo'),
    },
    {
      text: 'that has become its main affiliate for external attacks,',
      cite: source('wapo', 12, 0, 'the Islamic State’s main affiliate', 'WaPo'),
    },
    {
      text: 'linked to the Moscow concert hall attack.',
      cite: source('cnn', 4, 1, 'linked to the Moscow attack'),
    },
  ],
  sources: [
    source(
      'arab',
      4,
      0,
      'Daesh-K claimed the attack on Crocus City Hall.',
      'Arab News',
      'Crosshairs',
    ),
    source('cnn', 8, 0, 'ISIS-K has long had ambitions beyond Afghanistan.'),
  ],
  claims: [
    {
      kind: 'figures',
      subject: 'Fighters',
      versions: [
        { value: '4,000–6,000', sources: [source('cnn', 4, 0, 'between 4,000 and 6,000')] },
        {
          value: 'More than 6,500',
          sources: [source('wapo', 22, 0, 'more than 6,500', 'WaPo', 'Moscow rampage')],
        },
      ],
    },
  ],
  related: [
    { id: 'taliban', name: 'Taliban', category: 'group' },
    { id: 'moscow', name: 'Moscow', category: 'place' },
  ],
  mentionCount: 86,
  articleCount: 5,
  writtenIn: 'January–March 2024',
};

const zelin: CardData = {
  id: 'aaron-zelin',
  name: 'Aaron Zelin',
  category: 'person',
  aliases: ['Zelin'],
  description: [
    { text: 'Researcher at WINEP.', cite: source('wapo', 9, 1, 'WINEP researcher Aaron Zelin') },
  ],
  sources: [],
  claims: [],
  related: [],
  mentionCount: 1,
  articleCount: 1,
  writtenIn: 'March 2024',
};

let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  render(null, container);
  container.remove();
});

function show(props: Partial<EntityCardProps> = {}) {
  const handlers = {
    onSelectEntity: vi.fn<(id: string) => void>(),
    onOpenSource: vi.fn<(ref: SentenceRef) => void>(),
  };
  act(() => {
    render(<EntityCard data={isisK} {...handlers} {...props} />, container);
  });
  const card = container.querySelector<HTMLElement>('[role="dialog"]');
  if (!card) throw new Error('no dialog rendered');
  return { card, ...handlers };
}

const buttons = (root: ParentNode, name: string | RegExp) =>
  [...root.querySelectorAll('button')].filter((b) =>
    typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? ''),
  );

const section = (card: HTMLElement, title: string) =>
  [...card.querySelectorAll('[role=group]')].find(
    (s) => s.querySelector('h3')?.textContent === title,
  );

describe('EntityCard', () => {
  it('is a focusable dialog named after the entity', () => {
    const { card } = show();
    expect(card.getAttribute('aria-label')).toBe('ISIS-K');
    expect(card.getAttribute('tabindex')).toBe('-1');
    expect(card.querySelector('h2')?.textContent).toBe('ISIS-K');
  });

  it('is a non-modal dialog in its own language, adding no landmarks to the page', () => {
    const { card } = show();
    expect(card.getAttribute('aria-modal')).toBe('false');
    expect(card.getAttribute('lang')).toBe('en');
    expect(
      card.querySelector('header, footer, section, aside, nav, main, [role=region]'),
    ).toBeNull();
  });

  it('shows the category in words next to its glyph, in the colour of its mark', () => {
    const { card } = show();
    const category = card.querySelector<HTMLElement>('.bs-category');
    expect(category?.textContent).toBe('Group');
    expect(category?.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(category?.style.getPropertyValue('--bs-cat')).toBe(categoryColor('group'));
  });

  it('puts a numbered citation button after every clause', () => {
    const { card, onOpenSource } = show();
    const paragraph = card.querySelector('.bs-desc p');
    const markers = [...(paragraph?.querySelectorAll('button') ?? [])];
    expect(markers.map((m) => m.textContent)).toEqual(['[1]', '[2]', '[3]']);
    for (const [i, clause] of isisK.description.entries()) {
      expect(markers[i]?.parentElement?.textContent).toBe(
        `${clause.text.split(' ').at(-1)}[${i + 1}]`,
      );
    }
    act(() => markers[2]?.click());
    expect(onOpenSource).toHaveBeenCalledWith({ article: 'cnn', block: 4, sentence: 1 });
  });

  it('shows outlet, title and the quoted words when a citation is focused or hovered', () => {
    const { card } = show();
    const [first, second] = buttons(card, /^\[\d\]$/);
    expect(card.querySelector('[role="tooltip"]')).toBeNull();

    act(() => first?.focus());
    const tip = card.querySelector('[role="tooltip"]');
    expect(tip?.textContent).toContain('WaPo');
    expect(tip?.textContent).toContain('The splinter group was founded in Afghanistan in 2015');
    expect(first?.getAttribute('aria-describedby')).toBe(tip?.id);

    act(() => {
      second?.dispatchEvent(new MouseEvent('mouseenter'));
    });
    expect(card.querySelector('[role="tooltip"]')?.textContent).toContain(
      'the Islamic State’s main affiliate',
    );

    act(() => {
      card.querySelector('.bs-desc')?.dispatchEvent(new MouseEvent('mouseleave'));
    });
    expect(card.querySelector('[role="tooltip"]')).toBeNull();
  });

  it('lists the source sentences with outlet and article title', () => {
    const { card } = show();
    const items = [...card.querySelectorAll('.bs-source')];
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector('blockquote')?.textContent).toBe(
      'Daesh-K claimed the attack on Crocus City Hall.',
    );
    expect(items[0]?.querySelector('figcaption')?.textContent).toBe(
      'Arab News · news report · March 2024, Crosshairs',
    );
    expect(items[1]?.querySelector('figcaption')?.textContent).toBe(
      'CNN · news report · March 2024, ISIS-K’s reach',
    );
  });

  it('opens the right sentence from "Read in source"', () => {
    const { card, onOpenSource } = show();
    const read = buttons(card, 'Read in source');
    expect(read).toHaveLength(2);
    act(() => read[1]?.click());
    expect(onOpenSource).toHaveBeenCalledExactlyOnceWith({
      article: 'cnn',
      block: 8,
      sentence: 0,
    });
  });

  it('shows where the sources differ, each outlet opening its passage', () => {
    const { card, onOpenSource } = show();
    const differ = section(card, 'Sources differ');
    expect(differ?.textContent).toContain('Fighters');
    expect(differ?.textContent).toContain('4,000–6,000');
    expect(differ?.textContent).toContain('More than 6,500');
    const wapo = differ && buttons(differ, 'WaPo')[0];
    act(() => wapo?.click());
    expect(onOpenSource).toHaveBeenCalledWith({ article: 'wapo', block: 22, sentence: 0 });
  });

  it('shows each version with its outlet, date and exact words', () => {
    const differ = section(show().card, 'Sources differ');
    expect(differ?.textContent).toContain('Sources give different figures');
    expect(differ?.textContent).toContain('WaPo news report · March 2024: more than 6,500');
  });

  it('shows a spelling difference as a note, not a dispute', () => {
    const spelling: CardData = {
      ...zelin,
      claims: [
        {
          kind: 'spelling',
          subject: 'Name as written',
          note: 'CNN’s “Eric” is a misspelling of Erik.',
          versions: [
            { value: 'Eric Kurilla', sources: [source('cnn', 3, 2, 'Gen. Eric Kurilla')] },
            { value: 'Michael Kurilla', sources: [source('arab', 8, 0, 'Gen. Michael Kurilla')] },
          ],
        },
      ],
    };
    const { card } = show({ data: spelling });
    expect(section(card, 'Sources differ')).toBeUndefined();
    const note = section(card, 'Spelling note');
    expect(note?.textContent).toContain('CNN’s “Eric” is a misspelling of Erik.');
    expect(note?.textContent).not.toContain('Sources give different');
  });

  it('never shows a garbled passage as a clean quote', () => {
    const garbled: CardData = {
      ...zelin,
      sources: [
        source('cnn', 5, 0, 'found that the center is a “resilient organization”', 'CNN', 'x', {
          garbled: 'that ISIS-K is a resilient organization',
        }),
      ],
    };
    const quote = show({ data: garbled }).card.querySelector('.bs-source');
    expect(quote?.querySelector('.bs-garbled-note')?.textContent).toContain('Garbled');
    expect(quote?.querySelector('.bs-garbled-meaning')?.textContent).toBe(
      'that ISIS-K is a resilient organization',
    );
    expect(quote?.querySelector('blockquote')?.classList.contains('bs-garbled')).toBe(true);
  });

  it('does not present a title Backstory supplied as the article’s own', () => {
    const supplied: CardData = {
      ...zelin,
      sources: [
        source('cnn', 1, 0, 'A sentence.', 'CNN, via a machine-translated repost', 'Our title', {
          titleInSource: false,
        }),
      ],
    };
    const caption = show({ data: supplied }).card.querySelector('figcaption');
    expect(caption?.textContent).toBe(
      'CNN, via a machine-translated repost · news report · March 2024',
    );
    expect(caption?.querySelector('cite')).toBeNull();
  });

  it('has no "Sources differ" section when the sources agree', () => {
    const { card } = show({ data: zelin });
    expect(section(card, 'Sources differ')).toBeUndefined();
    expect(card.textContent).not.toContain('Sources differ');
  });

  it('selects a related entity on click', () => {
    const { card, onSelectEntity } = show();
    const related = section(card, 'Related');
    const moscow = related && buttons(related, /^Moscow/)[0];
    expect(moscow?.textContent).toBe('Moscow (Place)');
    act(() => moscow?.click());
    expect(onSelectEntity).toHaveBeenCalledExactlyOnceWith('moscow');
  });

  it('collapses long alias lists behind a "+N more" toggle', () => {
    const { card } = show();
    const aliases = card.querySelector('.bs-aliases');
    expect(aliases?.textContent).toContain('IS-K, ISKP, ISK, Daesh-K');
    expect(aliases?.textContent).not.toContain('Daesh-Khorasan');
    const toggle = aliases && buttons(aliases, '+2 more')[0];
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');

    act(() => toggle?.click());
    expect(aliases?.textContent).toContain('Daesh-Khorasan, Islamic State Khorasan Province');
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(toggle?.textContent).toBe('Show fewer');
  });

  it('shows short alias lists without a toggle', () => {
    const { card } = show({ data: zelin });
    const aliases = card.querySelector('.bs-aliases');
    expect(aliases?.textContent).toBe('Also: Zelin');
    expect(aliases?.querySelector('button')).toBeNull();
  });

  it('counts mentions in the footer', () => {
    expect(show().card.querySelector('.bs-foot')?.textContent).toBe(
      'Mentioned 86 times in 5 articles, January–March 2024',
    );
    expect(show({ data: zelin }).card.querySelector('.bs-foot')?.textContent).toBe(
      'Mentioned once, in one article (March 2024)',
    );
  });

  it('closes from the × button and from Esc, only when it can be closed', () => {
    const onClose = vi.fn();
    const { card } = show({ onClose });
    const close = card.querySelector<HTMLButtonElement>('button[aria-label="Close"]');
    act(() => close?.click());
    expect(onClose).toHaveBeenCalledTimes(1);

    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(2);

    const unclosable = show({ onClose: undefined }).card;
    expect(unclosable.querySelector('button[aria-label="Close"]')).toBeNull();
  });

  it('lets Esc dismiss an open citation tooltip before the card', () => {
    const onClose = vi.fn();
    const { card } = show({ onClose });
    act(() => buttons(card, '[1]')[0]?.focus());
    expect(card.querySelector('[role="tooltip"]')).not.toBeNull();

    act(() => {
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(card.querySelector('[role="tooltip"]')).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes an open tooltip, not the card, when asked from outside (Esc on the page)', () => {
    const onClose = vi.fn();
    const { card } = show({ onClose });
    act(() => buttons(card, '[1]')[0]?.focus());
    let event = new Event(DISMISS_EVENT, { cancelable: true });
    act(() => void card.dispatchEvent(event));
    expect(event.defaultPrevented).toBe(true);
    expect(card.querySelector('[role="tooltip"]')).toBeNull();
    event = new Event(DISMISS_EVENT, { cancelable: true });
    act(() => void card.dispatchEvent(event));
    expect(event.defaultPrevented, 'nothing left to dismiss inside').toBe(false);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('marks a pinned card and applies a chosen theme', () => {
    const { card } = show({ pinned: true, theme: 'dark' });
    expect(card.hasAttribute('data-pinned')).toBe(true);
    expect(card.dataset.theme).toBe('dark');
    const plain = show().card;
    expect(plain.hasAttribute('data-pinned')).toBe(false);
    expect(plain.hasAttribute('data-theme')).toBe(false);
  });

  it('keeps keyboard focus in the card when a related entity replaces its content', () => {
    const { card, onSelectEntity } = show();
    onSelectEntity.mockImplementation(() => {
      render(
        <EntityCard data={zelin} onSelectEntity={onSelectEntity} onOpenSource={vi.fn()} />,
        container,
      );
    });
    const taliban = buttons(card, /^Taliban/)[0];
    taliban?.focus();
    act(() => taliban?.click());
    expect(card.getAttribute('aria-label')).toBe('Aaron Zelin');
    expect(document.activeElement).toBe(card);
  });
});
