import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { firstMentionIn, keyboardFocusedLink } from './focus-preview';

let root: HTMLElement;
let seen: (Element | null)[];
const record = (e: FocusEvent) => seen.push(keyboardFocusedLink(e));

beforeEach(() => {
  root = document.createElement('main');
  document.body.append(root);
  seen = [];
  document.addEventListener('focusin', record, true);
});

afterEach(() => {
  document.removeEventListener('focusin', record, true);
  (document.activeElement as HTMLElement | null)?.blur();
  root.remove();
});

describe('keyboardFocusedLink', () => {
  it('is the link Tab moved focus to', async () => {
    root.innerHTML = '<a href="#a" id="a">By <b>Amira Jadoon</b></a>';
    await userEvent.tab();
    expect(seen).toEqual([root.querySelector('#a')]);
  });

  it('is nothing when a click focused the link', async () => {
    root.innerHTML = '<a href="#b" id="b">Amira Jadoon</a>';
    root.querySelector('a')!.addEventListener('click', (e) => e.preventDefault());
    await userEvent.click(root.querySelector('a')!);
    expect(document.activeElement).toBe(root.querySelector('a'));
    expect(seen).toEqual([null]);
  });

  it('is nothing for a focused element that is not a link, or inside one', async () => {
    root.innerHTML =
      '<button>Kerman</button><a href="#c"><span tabindex="0" id="inner">Kabul</span></a>';
    await userEvent.tab();
    expect(document.activeElement?.localName).toBe('button');
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement?.id).toBe('inner');
    expect(seen).toEqual([null, root.querySelector('a'), null]);
  });

  it('reaches a link inside an open shadow root', async () => {
    const host = document.createElement('div');
    root.append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<a href="#d" role="link">ISIS-K</a>';
    await userEvent.tab();
    expect(seen).toEqual([host.shadowRoot!.querySelector('a')]);
  });
});

describe('firstMentionIn', () => {
  it('is the first mention, in page order, whose text starts inside the element', () => {
    root.innerHTML = '<p>Kerman <a href="#">Amira <b>Jadoon</b> and Kabul</a></p>';
    const link = root.querySelector('a')!;
    const at = (node: Node, name: string) => ({
      name,
      bounds: new StaticRange({
        startContainer: node,
        startOffset: 0,
        endContainer: node,
        endOffset: 1,
      }),
      get range(): Range {
        throw new Error('firstMentionIn made a live range');
      },
    });
    const mentions = [
      at(root.querySelector('p')!.firstChild!, 'kerman'),
      at(root.querySelector('b')!.firstChild!, 'jadoon'),
      at(link.lastChild!, 'kabul'),
    ];
    expect(firstMentionIn(link, mentions)?.name).toBe('jadoon');
    expect(firstMentionIn(root.querySelector('b')!, mentions.slice(2))).toBeUndefined();
  });
});
