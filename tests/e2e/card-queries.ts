/** The extension's card as a reader meets it: resting the pointer on a name, leaving, Escape. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Locator } from 'playwright-core';
import { revealedCount } from './highlights';
import { locateText, type LocateOptions, type TextBox } from './locate-text';
import { pageOf, type Target } from './target';

/** Hover intent is ~400 ms and closing ~300 ms; these are the generous upper bounds tests wait. */
export const CARD_OPEN_TIMEOUT = 3_000;
export const CARD_CLOSE_TIMEOUT = 2_000;

/** The card the extension shows: `[role=dialog]` inside its open shadow root. */
export function card(target: Target): Locator {
  return target.locator('[role=dialog]');
}

/** A point no fixture puts content on: the left margin, halfway down. */
export async function unhover(target: Target): Promise<void> {
  const page = pageOf(target);
  const height = page.viewportSize()?.height ?? 800;
  await page.mouse.move(2, Math.round(height / 2), { steps: 3 });
}

/**
 * Moves the pointer away and waits until no card is visible; a card that stays
 * (pinned by a click, opened by the keyboard) gets an Escape. Returns whether
 * the card is gone.
 */
export async function closeCard(target: Target): Promise<boolean> {
  const page = pageOf(target);
  const visible = card(target).first();
  await unhover(target);
  const hidden = () =>
    visible
      .waitFor({ state: 'hidden', timeout: CARD_CLOSE_TIMEOUT })
      .then(() => true)
      .catch(() => false);
  if (await hidden()) return true;
  await page.keyboard.press('Escape');
  return hidden();
}

export interface HoverOptions extends LocateOptions {
  /**
   * `true` (default): wait for a visible card and fail if none opens.
   * `false`: rest on the text long enough for one to open and report whether it did.
   */
  expectCard?: boolean;
}

export interface HoverResult extends TextBox {
  /** Whether a card was visible when the helper returned. */
  opened: boolean;
  /** How the card opened: on the rest (a marked mention), or by a click once revealed. */
  reached: 'rest' | 'click' | null;
  /** `Date.now()` when the pointer arrived and when the card became visible. */
  arrivedAt: number;
  openedAt: number;
}

/**
 * Rests the pointer on the middle of an occurrence of `text` and waits for a
 * card. Any card already open is closed first, so the result is about this text.
 */
export async function hover(
  target: Target,
  text: string,
  options: HoverOptions = {},
): Promise<HoverResult> {
  const page = pageOf(target);
  await page.bringToFront();
  if ((await card(target).first().isVisible()) && !(await closeCard(target))) {
    throw new Error(`hover(${JSON.stringify(text)}): a card stays open after leaving and Escape`);
  }
  const box = await locateText(target, text, options);
  // Approach from the left margin in a few steps, like a hand, and then rest.
  await page.mouse.move(Math.max(2, box.x - 40), box.y, { steps: 2 });
  await page.mouse.move(box.x, box.y, { steps: 4 });
  const arrivedAt = Date.now();
  const expectCard = options.expectCard ?? true;
  const visible = () => card(target).first().isVisible();
  // A marked mention opens on the rest; an unmarked one is only revealed under the pointer,
  // and the reader clicks it to open its card (README, "Using it").
  let opened = false;
  let reached: HoverResult['reached'] = null;
  const deadline = Date.now() + (expectCard ? CARD_OPEN_TIMEOUT : REST_TIMEOUT);
  while (Date.now() < deadline) {
    if (await visible()) {
      opened = true;
      reached = 'rest';
      break;
    }
    if ((await revealedCount(target)) > 0) {
      await page.mouse.click(box.x, box.y);
      reached = 'click';
      break;
    }
    await sleep(50);
  }
  if (!opened && reached === 'click') {
    opened = await card(target)
      .first()
      .waitFor({ state: 'visible', timeout: CARD_OPEN_TIMEOUT })
      .then(() => true)
      .catch(() => false);
  }
  if (!opened && expectCard) {
    throw new Error(
      `hover(${JSON.stringify(text)}): no card opened (${reached ?? 'nothing revealed'}) within ${CARD_OPEN_TIMEOUT} ms`,
    );
  }
  return {
    ...box,
    opened,
    reached: opened ? reached : null,
    arrivedAt,
    openedAt: opened ? Date.now() : 0,
  };
}

/** Longer than any hover delay tests use, before the pointer is taken to have rested. */
const REST_TIMEOUT = 1_500;

/** The accessible name of the visible card (its `aria-label`). */
export async function cardLabel(target: Target): Promise<string | null> {
  return card(target).first().getAttribute('aria-label', { timeout: 2_000 });
}
