/**
 * Reading comfort and access (reading.html, dark.html): a card appears only when
 * the reader asks for it (not from selecting text, not from unmarked text, not
 * from a pointer drifting along the line), keyboard and screen-reader access,
 * theme and contrast from the page, placement under CSS zoom and in fullscreen.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { card, CARD_OPEN_TIMEOUT, cardLabel, closeCard, hover, unhover } from './card-queries';
import { useHarness } from './use-harness';
import { settle, waitForHighlights } from './highlights';
import { locateText } from './locate-text';
import { expectCleanRun } from './expectations';

const h = useHarness();

async function openSettled(name: string): Promise<Page> {
  const page = await h.openMarked(name);
  await unhover(page);
  return page;
}

/** Longer than the hover delay and the double-click wait together: a card would be open. */
const QUIET_MS = 1_200;

async function selectionText(page: Page): Promise<string> {
  return page.evaluate(() => document.getSelection()?.toString() ?? '');
}

/** The ranges the extension currently shows as "revealed" under the pointer. */
async function revealed(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    CSS.highlights.get('backstory-revealed')?.forEach((r) => out.push(String(r)));
    return out;
  });
}

/**
 * Counts the cards that open in the page (a dialog appearing, or its name changing),
 * sampled in the page itself so that the count does not depend on round trips.
 */
async function startCardCounter(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __opened: string[]; __counter: number };
    w.__opened = [];
    let last: string | null = null;
    w.__counter = window.setInterval(() => {
      const host = [...document.querySelectorAll('*')].find((el) =>
        el.shadowRoot?.querySelector('[role=dialog]'),
      );
      const dialog = host?.shadowRoot?.querySelector('[role=dialog]');
      const name = dialog?.checkVisibility() ? dialog.getAttribute('aria-label') : null;
      if (name && name !== last) w.__opened.push(name);
      last = name;
    }, 30);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { __opened: string[]; __counter: number };
      clearInterval(w.__counter);
      return w.__opened;
    });
}

describe('a card appears only when asked for', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openSettled('reading.html');
  });

  test('a drag-selection ending on a name opens nothing and keeps the selection', async () => {
    const from = await locateText(page, 'Investigators');
    const to = await locateText(page, 'Vladimir Putin', { scroll: false });
    await page.mouse.move(from.left + 1, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 10 });
    await page.mouse.up();
    const selected = await selectionText(page);
    expect(selected).toMatch(/^Investigators in Moscow.*Vladimi/s);
    await sleep(QUIET_MS);
    expect(await card(page).first().isVisible(), 'card after a drag-selection').toBe(false);
    expect(await selectionText(page)).toBe(selected);
  });

  test('double- and triple-clicking a name select it and open nothing', async () => {
    const taliban = await locateText(page, 'Taliban', { within: 'p2' });
    await page.mouse.move(taliban.x, taliban.y, { steps: 3 });
    await page.mouse.dblclick(taliban.x, taliban.y);
    expect((await selectionText(page)).trim()).toBe('Taliban');
    await sleep(QUIET_MS);
    expect(await card(page).first().isVisible(), 'card after a double-click').toBe(false);
    expect((await selectionText(page)).trim()).toBe('Taliban');

    await page.mouse.click(taliban.x, taliban.y, { clickCount: 3 });
    expect(await selectionText(page)).toContain('Analysts compare');
    await sleep(QUIET_MS);
    expect(await card(page).first().isVisible(), 'card after a triple-click').toBe(false);
    await unhover(page);
  });

  test('a shift-click extending the selection onto a name opens nothing', async () => {
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    const start = await locateText(page, 'Analysts');
    const iran = await locateText(page, 'Iran', { within: 'p2', scroll: false });
    await page.mouse.click(start.left + 1, start.y);
    // Apart in time from the previous test's clicks, so this is no multi-click.
    await sleep(700);
    await page.keyboard.down('Shift');
    await page.mouse.click(iran.x, iran.y);
    await page.keyboard.up('Shift');
    expect(await selectionText(page)).toMatch(/^Analysts compare.*Ir/s);
    await sleep(QUIET_MS);
    expect(await card(page).first().isVisible(), 'card after a shift-click').toBe(false);
    await page.mouse.click(2, 400);
    await unhover(page);
  });

  test('a single click on a marked name still pins its card', async () => {
    const putin = await locateText(page, 'Vladimir Putin');
    await page.mouse.click(putin.x, putin.y);
    await card(page).first().waitFor({ state: 'visible', timeout: CARD_OPEN_TIMEOUT });
    expect(await cardLabel(page)).toBe('Vladimir Putin');
    expect(await card(page).first().getAttribute('data-pinned')).toBe('');
    await unhover(page);
    await sleep(800);
    expect(await card(page).first().isVisible(), 'a pinned card stays').toBe(true);
    await closeCard(page);
  });

  test('a click inside a hover card pins it, and it shows as pinned', async () => {
    await hover(page, 'Taliban', { within: 'p2' });
    expect(await card(page).first().getAttribute('data-pinned')).toBeNull();
    await card(page).locator('.bs-foot').click();
    await expect.poll(() => card(page).first().getAttribute('data-pinned')).toBe('');
    await unhover(page);
    await sleep(800);
    expect(await card(page).first().isVisible()).toBe(true);
    await closeCard(page);
  });

  test('a pinned card stays pinned while another name is hovered', async () => {
    const putin = await locateText(page, 'Vladimir Putin');
    await page.mouse.click(putin.x, putin.y);
    await expect.poll(() => cardLabel(page).catch(() => null)).toBe('Vladimir Putin');
    const moscow = await locateText(page, 'Moscow', { within: 'p1', scroll: false });
    await page.mouse.move(moscow.x, moscow.y, { steps: 4 });
    await sleep(QUIET_MS);
    expect(await cardLabel(page)).toBe('Vladimir Putin');
    await closeCard(page);
  });

  test('an unmarked mention opens nothing on hover: resting reveals it, a click opens it', async () => {
    // The headline holds the marked first ISIS-K; the one in #p1 is unmarked.
    const isis = await locateText(page, 'ISIS-K', { within: 'p1' });
    await page.mouse.move(isis.x - 30, isis.y, { steps: 2 });
    await page.mouse.move(isis.x, isis.y, { steps: 4 });
    await sleep(QUIET_MS);
    expect(await card(page).first().isVisible(), 'card from an unmarked mention').toBe(false);
    expect(await revealed(page)).toEqual(['ISIS-K']);
    await page.mouse.click(isis.x, isis.y);
    await card(page).first().waitFor({ state: 'visible', timeout: CARD_OPEN_TIMEOUT });
    expect(await cardLabel(page)).toBe('ISIS-K');
    await closeCard(page);
    expect(await revealed(page)).toEqual([]);
  });

  test('a click on an unmarked mention that was not revealed opens nothing', async () => {
    const isis = await locateText(page, 'ISIS-K', { within: 'p2' });
    await page.mouse.click(isis.x, isis.y);
    await sleep(QUIET_MS / 2);
    expect(await card(page).first().isVisible()).toBe(false);
    await unhover(page);
  });

  test('with a modifier key chosen, holding it reaches every mention, marked or not', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const setModifier = (modifier: string) =>
      options.evaluate(async (modifier) => {
        type Area = {
          get(key: string): Promise<Record<string, unknown>>;
          set(items: Record<string, unknown>): Promise<void>;
        };
        const storage = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome
          .storage.local;
        const { settings } = await storage.get('settings');
        await storage.set({ settings: { ...(settings as object), modifier } });
      }, modifier);
    await setModifier('Alt');
    await page.bringToFront();
    await unhover(page);
    const marked = await hover(page, 'Vladimir Putin', { expectCard: false });
    expect(marked.opened, 'no card without the key').toBe(false);
    const isis = await locateText(page, 'ISIS-K', { within: 'p1' });
    await page.keyboard.down('Alt');
    await page.mouse.move(isis.x - 30, isis.y, { steps: 2 });
    await page.mouse.move(isis.x, isis.y, { steps: 4 });
    await card(page).first().waitFor({ state: 'visible', timeout: CARD_OPEN_TIMEOUT });
    await page.keyboard.up('Alt');
    expect(await cardLabel(page)).toBe('ISIS-K');
    await closeCard(page);
    await setModifier('none');
    await options.close();
    await page.bringToFront();
  });

  test('15 s of slow drift (~120 px/s) along marked lines opens at most two cards', async () => {
    const lines = await page.evaluate(() =>
      ['p1', 'p2'].flatMap((id) => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById(id)!);
        const rects = [...range.getClientRects()].filter((r) => r.width > 200);
        const rows = new Map<number, { left: number; right: number; y: number }>();
        for (const r of rects) {
          const key = Math.round(r.top);
          const row = rows.get(key);
          rows.set(key, {
            left: Math.min(row?.left ?? r.left, r.left),
            right: Math.max(row?.right ?? r.right, r.right),
            y: r.top + r.height / 2,
          });
        }
        return [...rows.values()];
      }),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const stop = await startCardCounter(page);
    const started = Date.now();
    // 4 px every ~33 ms, the way a hand traces a line while reading.
    for (let i = 0; Date.now() - started < 15_000; i++) {
      const line = lines[i % lines.length]!;
      for (let x = line.left; x < line.right && Date.now() - started < 15_000; x += 4) {
        await page.mouse.move(x, line.y);
        await sleep(33);
      }
    }
    const opened = await stop();
    console.info(
      `[reading] cards opened in 15 s of drift: ${opened.length} ${JSON.stringify(opened)}`,
    );
    expect(opened.length).toBeLessThanOrEqual(2);
    await closeCard(page);
  });
});

describe('keyboard and screen readers', () => {
  let page: Page;

  beforeAll(async () => {
    page = await openSettled('reading.html');
  });

  async function liveText(): Promise<string> {
    return page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) {
        const region = el.shadowRoot?.querySelector('[aria-live=polite]');
        if (region) return region.textContent ?? '';
      }
      return '';
    });
  }

  test('focusing a link that holds a name shows its card after the delay, and announces it', async () => {
    await page.evaluate(() => document.getElementById('p3')!.scrollIntoView({ block: 'center' }));
    // Keyboard focus: Tab from the link before (the banner's) until the Ghafari link.
    await page.evaluate(() => (document.getElementById('banner-link') as HTMLElement).focus());
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'link-ghafari')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('link-ghafari');
    expect(await card(page).first().isVisible(), 'at once').toBe(false);
    await card(page).first().waitFor({ state: 'visible', timeout: CARD_OPEN_TIMEOUT });
    expect(await cardLabel(page)).toBe('Sanaullah Ghafari');
    expect(await page.evaluate(() => document.activeElement?.id), 'focus stays').toBe(
      'link-ghafari',
    );
    await expect.poll(liveText).toContain('Sanaullah Ghafari');
    // Tabbing on to a link without a name closes the preview.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('link-plain');
    await card(page).first().waitFor({ state: 'hidden', timeout: CARD_OPEN_TIMEOUT });
  });

  test('stepping visits each entity once, each card on screen, the mention itself in view', async () => {
    // A fresh page: no card yet, so stepping starts at the top.
    page = await openSettled('reading.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    const seen: string[] = [];
    const unchecked: string[] = [];
    const viewport = page.viewportSize()!;
    for (let i = 0; i < 30; i++) {
      await h.stepMention(page, 1);
      await expect
        .poll(async () => {
          const label = await cardLabel(page).catch(() => null);
          return label !== null && label !== seen.at(-1);
        })
        .toBe(true);
      const label = (await cardLabel(page))!;
      if (seen.includes(label)) break;
      seen.push(label);
      const box = (await card(page).first().boundingBox())!;
      expect(box.y, `${label}: card top`).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `${label}: card bottom`).toBeLessThanOrEqual(viewport.height + 1);
      // The stop is the entity's first mention, whose text is the card's name or an alias.
      const aliases = await card(page)
        .locator('.bs-aliases')
        .textContent({ timeout: 200 })
        .catch(() => null);
      const names = [
        label,
        ...(aliases ?? '')
          .replace(/^\s*Also:\s*/, '')
          .replace(/\s*\+\d+ more$/, '')
          .split(', '),
      ];
      // Some occurrence of one of those names (the stop, not necessarily the first) is in view.
      let inView = false;
      for (const name of names.map((n) => n.trim()).filter(Boolean)) {
        for (let nth = 0; nth < 8 && !inView; nth++) {
          const at = await locateText(page, name, { scroll: false, nth }).catch(() => null);
          if (!at) break;
          inView = at.top >= 0 && at.bottom <= viewport.height;
        }
        if (inView) break;
      }
      if (!inView) unchecked.push(label);
    }
    // Every entity of the page, once, in page order, and then it wraps to the first.
    expect(seen.slice(0, 4)).toEqual([
      'Crocus City Hall attack',
      'ISIS-K',
      'Moscow',
      'Sanaullah Ghafari',
    ]);
    expect(seen).toContain('Krasnogorsk');
    expect(new Set(seen).size).toBe(seen.length);
    expect(unchecked, 'cards whose mention is not in view').toEqual([]);
    expect(await cardLabel(page)).toBe(seen[0]);
    await page.keyboard.press('Escape');
  });

  test('after Esc, stepping goes on from the last card; from a selection it starts there', async () => {
    page = await openSettled('reading.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    await h.stepMention(page, 1);
    await expect.poll(() => cardLabel(page).catch(() => null)).toBe('Crocus City Hall attack');
    await page.keyboard.press('Escape');
    await card(page).first().waitFor({ state: 'hidden' });
    await h.stepMention(page, 1);
    await expect.poll(() => cardLabel(page).catch(() => null)).toBe('ISIS-K');
    await page.keyboard.press('Escape');
    await card(page).first().waitFor({ state: 'hidden' });
    await h.stepMention(page, 1);
    await expect.poll(() => cardLabel(page).catch(() => null)).toBe('Moscow');
    await page.keyboard.press('Escape');

    // A reader selects what they can see: bring the post's name into view and let the
    // extension read that far (the rest of the page is indexed in idle time).
    await locateText(page, 'Washington', { within: 'post' });
    await waitForHighlights(
      page,
      (ranges) => ranges.some((r) => r.text === 'Washington' && r.ids.includes('post')),
      15_000,
    );
    // Select a word in the <br>-separated post: the next step starts there.
    await page.evaluate(() => {
      const post = document.getElementById('post')!;
      const walker = document.createTreeWalker(post, NodeFilter.SHOW_TEXT);
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const i = (node as Text).data.indexOf('Washington');
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 'Washington'.length);
          document.getSelection()!.removeAllRanges();
          document.getSelection()!.addRange(range);
          return;
        }
      }
    });
    await h.stepMention(page, 1);
    await expect.poll(() => cardLabel(page).catch(() => null)).toBe('Washington');
    const mention = await locateText(page, 'Washington', { within: 'post', scroll: false });
    expect(mention.top).toBeGreaterThanOrEqual(0);
    expect(mention.bottom).toBeLessThanOrEqual(page.viewportSize()!.height);
    await h.stepMention(page, 1);
    await expect.poll(() => cardLabel(page).catch(() => null)).toBe('Krasnogorsk');
    await page.keyboard.press('Escape');
  });

  test('the card is a labelled non-modal dialog in English, even on an Arabic page', async () => {
    const rtl = await openSettled('rtl.html');
    await hover(rtl, 'ISIS-K');
    const dialog = card(rtl).first();
    expect(await dialog.getAttribute('aria-label')).toBe('ISIS-K');
    expect(await dialog.getAttribute('aria-modal')).toBe('false');
    expect(await dialog.getAttribute('lang')).toBe('en');
    expect(await dialog.evaluate((el) => el.matches(':lang(ar)'))).toBe(false);
    await closeCard(rtl);
  });

  test('Esc closes a citation tooltip before the card', async () => {
    page = await openSettled('reading.html');
    await hover(page, 'Taliban', { within: 'p2' });
    const cite = card(page).locator('.bs-cite').first();
    await cite.hover();
    await card(page).locator('[role=tooltip]').waitFor();
    await page.keyboard.press('Escape');
    await card(page).locator('[role=tooltip]').waitFor({ state: 'hidden', timeout: 1_000 });
    expect(await card(page).first().isVisible(), 'the card stays').toBe(true);
    await page.keyboard.press('Escape');
    await card(page).first().waitFor({ state: 'hidden', timeout: 1_000 });
  });
});

describe('theme and contrast from the page', () => {
  test('a dark page gets a dark card with the OS in light mode', async () => {
    const page = await openSettled('dark.html');
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
      false,
    );
    await hover(page, 'Taliban');
    const dialog = card(page).first();
    expect(await dialog.getAttribute('data-theme')).toBe('dark');
    const bg = await dialog.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(30, 33, 39)');
    await closeCard(page);
  });

  test('a light page keeps a light card', async () => {
    const page = await openSettled('reading.html');
    await hover(page, 'Taliban', { within: 'p2' });
    expect(await card(page).first().getAttribute('data-theme')).toBe('light');
    await closeCard(page);
  });

  test('every mark’s line has at least 3 : 1 against the background behind it', async () => {
    const page = await openSettled('reading.html');
    const report = await page.evaluate(() => {
      const parse = (css: string) => {
        const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)/.exec(css);
        return m
          ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])]
          : null;
      };
      const lum = ([r, g, b]: number[]) => {
        const f = (c: number) => {
          const s = c / 255;
          return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const ratio = (a: number[], b: number[]) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (hi! + 0.05) / (lo! + 0.05);
      };
      const background = (el: Element | null): number[] => {
        for (let cur = el; cur; cur = cur.parentElement) {
          const c = parse(getComputedStyle(cur).backgroundColor);
          if (c && c[3] === 1) return c;
        }
        return [255, 255, 255, 1];
      };
      const out: { text: string; highlight: string; ratio: number; line: string }[] = [];
      CSS.highlights.forEach((h, name) => {
        if (!name.startsWith('backstory-') || name === 'backstory-revealed') return;
        h.forEach((mark) => {
          const el = mark.startContainer.parentElement!;
          const style = getComputedStyle(el, `::highlight(${name})`);
          const line = parse(style.textDecorationColor)!;
          const range = document.createRange();
          range.setStart(mark.startContainer, mark.startOffset);
          range.setEnd(mark.endContainer, mark.endOffset);
          out.push({
            text: range.toString(),
            highlight: name,
            ratio: Math.round(ratio(line, background(el)) * 100) / 100,
            line: style.textDecorationLine,
          });
        });
      });
      return out;
    });
    console.info(
      `[reading] mark line contrast: ${report.map((r) => `${r.text} ${r.ratio}`).join(', ')}`,
    );
    expect(report.length).toBeGreaterThan(15);
    expect(report.filter((r) => r.ratio < 3)).toEqual([]);
    // On the red banner the mark sits in a link: its line goes over the text, never over the
    // link's own underline.
    const banner = report.find((r) => r.text === 'Crocus City Hall attack')!;
    expect(banner.highlight).toMatch(/-in-link-on-dark$/);
    expect(banner.line).toBe('overline');
    expect(
      await page.evaluate(
        () => getComputedStyle(document.getElementById('banner-link')!).textDecorationLine,
      ),
    ).toBe('underline');
  });
});

test('in forced colours marks are lines in the system text colour, not a selection look', async () => {
  const page = await openSettled('reading.html');
  const cdp = await page.context().newCDPSession(page);
  const registered = () =>
    page.evaluate(() => {
      const names: string[] = [];
      CSS.highlights.forEach((h, name) => {
        if (name.startsWith('backstory-') && h.size > 0) names.push(name);
      });
      return names;
    });
  const bars = () =>
    page.evaluate(() => {
      const layer = document.querySelector('backstory-marks')?.shadowRoot;
      return [...(layer?.children ?? [])].map((bar) => {
        const s = getComputedStyle(bar);
        return { style: s.borderTopStyle, width: parseFloat(s.width) };
      });
    });
  expect((await registered()).length).toBeGreaterThan(0);
  await cdp.send('Emulation.setEmulatedMedia', {
    features: [{ name: 'forced-colors', value: 'active' }],
  });
  await expect.poll(registered).toEqual([]);
  await expect.poll(async () => (await bars()).length).toBeGreaterThan(10);
  const styles = new Set((await bars()).map((b) => b.style));
  expect([...styles].sort()).toEqual(expect.arrayContaining(['dashed', 'double', 'solid']));
  expect((await bars()).every((b) => b.width > 0)).toBe(true);
  // Scrolling redraws the lines for what is now in view.
  const top = () =>
    page.evaluate(
      () =>
        document
          .querySelector('backstory-marks')
          ?.shadowRoot?.firstElementChild?.getBoundingClientRect().top,
    );
  const before = await top();
  await page.evaluate(() => document.getElementById('pull')!.scrollIntoView({ block: 'start' }));
  await expect.poll(top).not.toBe(before);
  await expect.poll(async () => (await bars()).length).toBeGreaterThan(3);
  await cdp.send('Emulation.setEmulatedMedia', { features: [] });
  await expect.poll(async () => (await registered()).length).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.querySelector('backstory-marks'))).toBeNull();
  await cdp.detach();
});

describe('reader, touch, zoom and fullscreen', () => {
  test('"Read in source" twice leaves one reader tab, opened beside the page and focused', async () => {
    const page = await openSettled('reading.html');
    const readers = () =>
      h.context
        .pages()
        .filter((p) => p.url().startsWith(`chrome-extension://${h.extensionId}/reader.html`));
    for (const text of ['Taliban', 'Vladimir Putin']) {
      await page.bringToFront();
      await hover(page, text);
      const tabsBefore = h.context.pages().length;
      await card(page).getByRole('button', { name: 'Read in source' }).first().click();
      await expect.poll(() => readers().length).toBe(1);
      expect(h.context.pages().length).toBeLessThanOrEqual(Math.max(tabsBefore, 2));
      const reader = readers()[0]!;
      await expect.poll(() => reader.evaluate(() => document.visibilityState)).toBe('visible');
      await closeCard(page).catch(() => undefined);
    }
    for (const reader of readers()) await reader.close();
  });

  test('card controls are at least 44 px for touch', async () => {
    const page = await openSettled('reading.html');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    await cdp.send('Emulation.setEmulatedMedia', {
      features: [
        { name: 'pointer', value: 'coarse' },
        { name: 'any-pointer', value: 'coarse' },
      ],
    });
    expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    await hover(page, 'Taliban', { within: 'p2' });
    const small = await card(page)
      .first()
      .evaluate((dialog) =>
        [...dialog.querySelectorAll('button')].flatMap((b) => {
          const box = b.getBoundingClientRect();
          const after = getComputedStyle(b, '::after');
          const w = Math.max(box.width, parseFloat(after.width) || 0);
          const hgt = Math.max(box.height, parseFloat(after.height) || 0);
          return w + 0.5 < 44 || hgt + 0.5 < 44 ? [`${b.textContent}: ${w}×${hgt}`] : [];
        }),
      );
    expect(small).toEqual([]);
    await closeCard(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.send('Emulation.setEmulatedMedia', { features: [] });
    await cdp.detach();
  });

  test('with CSS zoom on the page the card sits next to its mention, inside the viewport', async () => {
    const page = await openSettled('reading.html');
    await page.evaluate(() => (document.documentElement.style.zoom = '1.5'));
    await settle(page);
    const mention = await hover(page, 'Taliban', { within: 'p2' });
    const box = (await card(page).first().boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 1);
    expect(box.width, 'the card keeps its own size').toBeLessThanOrEqual(362);
    // Just below (or above) the mention, not 170 px off.
    const gap = Math.min(
      Math.abs(box.y - mention.bottom),
      Math.abs(mention.top - (box.y + box.height)),
    );
    expect(gap).toBeLessThanOrEqual(20);
    await closeCard(page);
    await page.evaluate(() => (document.documentElement.style.zoom = ''));
  });

  test('in fullscreen the card shows inside the fullscreen element', async () => {
    const page = await openSettled('reading.html');
    await page.evaluate(() => document.getElementById('story')!.requestFullscreen());
    await expect
      .poll(() => page.evaluate(() => document.fullscreenElement?.id ?? null))
      .toBe('story');
    await hover(page, 'Taliban', { within: 'p2' });
    const inside = await page.evaluate(() => {
      const host = [...document.querySelectorAll('*')].find((el) =>
        el.shadowRoot?.querySelector('[role=dialog]'),
      );
      return Boolean(host && document.fullscreenElement?.contains(host));
    });
    expect(inside).toBe(true);
    // What is painted at the card's centre is the card (it is not under the fullscreen layer).
    const box = (await card(page).first().boundingBox())!;
    const hit = await page.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return Boolean(el?.shadowRoot?.querySelector('[role=dialog]'));
      },
      { x: box.x + box.width / 2, y: box.y + 20 },
    );
    expect(hit).toBe(true);
    await closeCard(page);
    await page.evaluate(() => document.exitFullscreen());
    await expect.poll(() => page.evaluate(() => document.fullscreenElement)).toBeNull();
  });
});

test('no console errors, no network requests', () => {
  expectCleanRun(h);
});
