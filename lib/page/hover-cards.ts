import type { SentenceRef } from '../kb/schema';
import type { CardData } from '../kb/card-data';
import type { CardMount } from '../card/card-host';
import { categoryInfo } from '../catalog/category';
import { DISMISS_EVENT } from '../card/card-renderer-api';
import type { PageEngine } from './engine';
import type { PageMention } from './mention-index';
import { announce } from '../card/announcer';
import { firstMentionIn, keyboardFocusedLink } from './focus-preview';
import { REVEAL_HIGHLIGHT } from './highlighter';
import {
  defaultHoverIntent,
  initialHoverState,
  stepHoverIntent,
  type HoverEvent,
  type HoverState,
} from './hover-intent';
import { pageTheme } from './page-theme';
import { scrollRangeIntoView } from './scroll-to-range';
import { isSelectionGesture, selectionTouches } from './selection-gestures';
import { entityStops, nextStop } from './stepping';
import { timelineMark, timelineMeasure } from './timeline';
import type { Marking, ModifierKey } from '../settings/schema';

/** What a card is shown for: an entity, anchored at a range (a mention or a selection). */
export interface CardTarget {
  entity: string;
  /** Where it lies, to compare with (a mention's static range: pointer moves make no live range). */
  bounds: AbstractRange;
  /** A live range, for what is held: the open card's anchor, the place stepping starts from. */
  range: Range;
}

export interface HoverCardsOptions {
  document: Document;
  engine: PageEngine;
  signal: AbortSignal;
  mountCard(): Promise<CardMount>;
  loadCard(entity: string): Promise<CardData | null>;
  openSource(ref: SentenceRef): void;
}

export interface HoverCardsSettings {
  openDelay: number;
  /** Cards open on hover only while this key is held; held, it reaches unmarked mentions too. */
  modifier: ModifierKey;
  /** The user's choice; undefined follows the page behind the mention. */
  theme: 'light' | 'dark' | undefined;
  /** Which mentions are marked: plain hover opens only those. */
  marking: Marking;
}

/** Interactive elements keep their own click behaviour: a mention inside a link stays a link. */
const INTERACTIVE = 'a[href], button, label, summary, [role=button], [role=link]';

/**
 * A click on a mention waits this long for a second click: a double-click selects
 * the word and must open nothing. Longer double-clicks still undo the card.
 */
const DOUBLE_CLICK_WAIT_MS = 250;

/** Whether `hit` is the mention `held` is for; `held`'s live range collapsed if its text was rewritten. */
const sameMention = (held: CardTarget | undefined, hit: CardTarget) =>
  held !== undefined &&
  held.entity === hit.entity &&
  held.range.startContainer === hit.bounds.startContainer &&
  (held.range.collapsed || held.range.startOffset === hit.bounds.startOffset);

/**
 * Drives the hover card: pointer, focus and keyboard input → hover intent → card
 * shown next to its mention. Every listener hangs off `signal`, so a reload or a
 * page change leaves nothing behind.
 */
export class HoverCards {
  private state: HoverState<CardTarget> = initialHoverState();
  /** A second intent machine: resting on an unmarked mention reveals its mark, nothing more. */
  private reveal: HoverState<CardTarget> = initialHoverState();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private revealTimer: ReturnType<typeof setTimeout> | undefined;
  private clickTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPoint: {
    x: number;
    y: number;
    overCard: boolean;
    armed: boolean;
    reachAll: boolean;
  } | null = null;
  private mount: CardMount | null = null;
  private mounting: Promise<CardMount> | null = null;
  private shown: { mention: CardTarget; entity: string; data: CardData; focus: boolean } | null =
    null;
  /** Where the reader last was: the last card's mention, kept after it closes. */
  private place: { range: Range; at: number } | null = null;
  private selectionChangedAt = -Infinity;
  private press: { x: number; y: number } | null = null;
  /** After a selection gesture on a mention, it opens nothing until the pointer leaves it. */
  private quiet: CardTarget | null = null;
  private returnFocus: Element | null = null;
  private restoringFocus = false;
  private renderToken = 0;
  private readonly revealed = new Highlight();
  private readonly config = { ...defaultHoverIntent };
  private modifier: ModifierKey = 'none';
  private theme: 'light' | 'dark' | undefined;
  private marking: Marking = 'first';

  constructor(private readonly options: HoverCardsOptions) {
    const doc = options.document;
    const signal = options.signal;
    const passive = { capture: true, passive: true, signal };
    const active = { capture: true, signal };
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), passive);
    doc.addEventListener('pointerdown', (e) => this.onPointerDown(e), passive);
    doc.addEventListener('click', (e) => this.onClick(e), active);
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), active);
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), passive);
    doc.addEventListener('focusout', (e) => this.onFocusOut(e), passive);
    doc.addEventListener(
      'selectionchange',
      () => (this.selectionChangedAt = performance.now()),
      passive,
    );
    CSS.highlights.set(REVEAL_HIGHLIGHT, this.revealed);
    signal.addEventListener('abort', () => {
      clearTimeout(this.timer);
      clearTimeout(this.revealTimer);
      clearTimeout(this.clickTimer);
      cancelAnimationFrame(this.frame);
      CSS.highlights.delete(REVEAL_HIGHLIGHT);
      this.mount?.renderer.clear(this.mount.container);
    });
  }

  configure(settings: HoverCardsSettings): void {
    this.config.openDelay = settings.openDelay;
    this.modifier = settings.modifier;
    this.theme = settings.theme;
    this.marking = settings.marking;
  }

  private isMarked(m: PageMention): boolean {
    return this.marking === 'all' || (this.marking === 'first' && m.first);
  }

  private isOnCard(e: Event): boolean {
    return this.mount !== null && e.composedPath().includes(this.mount.host);
  }

  private onPointerMove(e: PointerEvent): void {
    // The page's own synthetic events move no pointer (and would cost it a hit-test).
    if (!e.isTrusted) return;
    const held = this.modifier !== 'none' && e.getModifierState(this.modifier);
    // composedPath() is only filled while the event is dispatched: read it now, not in the frame.
    this.lastPoint = {
      x: e.clientX,
      y: e.clientY,
      overCard: this.isOnCard(e),
      armed: this.modifier === 'none' || held,
      reachAll: held,
    };
    // A button held down is a selection (or a drag) in progress, never a rest.
    if (e.buttons === 0) this.press = null;
    this.scheduleHitTest();
  }

  /** One hit-test per frame, however many events the pointer fires. */
  private scheduleHitTest(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const p = this.lastPoint;
      if (!p) return;
      const t = performance.now();
      let under: PageMention | undefined;
      let hit: PageMention | null = null;
      if (!p.overCard && !this.press) {
        under = this.options.engine.mentionAt(p.x, p.y);
        if (under && !this.isQuiet(under)) hit = under;
      }
      if (this.quiet && !(under && sameMention(this.quiet, under))) this.quiet = null;
      const reachable =
        hit !== null && p.armed && (p.reachAll || this.isMarked(hit) || this.isRevealed(hit));
      const target = hit && reachable ? this.sameAsCurrent(hit) : null;
      this.dispatch({ type: 'move', target, overCard: p.overCard, x: p.x, y: p.y, t });
      const unmarked = hit && !this.isMarked(hit) ? this.sameAsRevealing(hit) : null;
      this.dispatchReveal({ type: 'move', target: unmarked, overCard: false, x: p.x, y: p.y, t });
    });
  }

  /** A mention the reader has selected, or has just selected on, is text to work with. */
  private isQuiet(m: CardTarget): boolean {
    if (this.quiet && sameMention(this.quiet, m)) return true;
    return selectionTouches(this.options.document.getSelection(), m.bounds);
  }

  /**
   * Text the page rewrites in place is read again into new mention objects; the one
   * under a resting pointer is still the same mention, so its wait must not restart.
   */
  private sameAsCurrent(hit: CardTarget): CardTarget {
    for (const t of [this.state.pending?.target, this.state.open?.target]) {
      if (sameMention(t, hit)) return t!;
    }
    return hit;
  }

  private sameAsRevealing(hit: CardTarget): CardTarget {
    for (const t of [this.reveal.pending?.target, this.reveal.open?.target]) {
      if (sameMention(t, hit)) return t!;
    }
    return hit;
  }

  private isRevealed(hit: CardTarget): boolean {
    return sameMention(this.reveal.open?.target, hit);
  }

  /** The page's text changed: what is under a resting pointer may have too. */
  recheck(): void {
    if (this.lastPoint) this.scheduleHitTest();
  }

  private onPointerDown(e: PointerEvent): void {
    if (!e.isTrusted || e.button !== 0 || this.isOnCard(e)) return;
    this.press = { x: e.clientX, y: e.clientY };
    this.dispatch({ type: 'press' });
    this.dispatchReveal({ type: 'press' });
  }

  private onClick(e: MouseEvent): void {
    // A click the page's own script dispatched (`el.click()`: apps do it by the thousand) is
    // not the reader's, and must cost the app nothing: hit-testing it, or even asking whether
    // the selection is collapsed, forces a style and layout update inside the app's work.
    if (!e.isTrusted) return;
    const press = this.press;
    this.press = null;
    if (this.isOnCard(e)) {
      this.dispatch({ type: 'click', target: null, onCard: true, t: performance.now() });
      return;
    }
    const doc = this.options.document;
    const found = this.options.engine.mentionAt(e.clientX, e.clientY) ?? null;
    if (isSelectionGesture(e, press, doc.getSelection())) {
      clearTimeout(this.clickTimer);
      // The first click of a slow double-click may have opened its card already: undo it.
      if (e.detail > 1 && this.state.open?.source === 'pointer' && this.state.open.pinned) {
        this.dispatch({ type: 'escape' });
      }
      if (found) this.quiet = found;
      return;
    }
    const el = e.target instanceof Element ? e.target : null;
    if (found && el?.closest(INTERACTIVE)) {
      // The press ended any rest in progress; a pointer still resting on the link after the
      // click is a new rest (the link may not navigate: apps prevent it), so look again.
      this.scheduleHitTest();
      return;
    }
    const reachable =
      found &&
      (this.isMarked(found) ||
        this.isRevealed(found) ||
        (this.modifier !== 'none' && e.getModifierState(this.modifier)));
    const target = reachable ? this.sameAsCurrent(found) : null;
    if (!target) {
      this.dispatch({ type: 'click', target: null, onCard: false, t: performance.now() });
      return;
    }
    clearTimeout(this.clickTimer);
    this.clickTimer = setTimeout(
      () => this.dispatch({ type: 'click', target, onCard: false, t: performance.now() }),
      DOUBLE_CLICK_WAIT_MS,
    );
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.state.open) return;
    // Inside the card, the card closes its innermost layer itself (a tooltip first).
    if (this.isOnCard(e)) return;
    if (this.dismissInnerLayer()) return;
    this.dispatch({ type: 'escape' });
  }

  /** Asks the card to close its innermost layer (a citation tooltip); false if it has none. */
  private dismissInnerLayer(): boolean {
    const dialog = this.mount?.container.querySelector('[role=dialog]');
    if (!dialog) return false;
    return !dialog.dispatchEvent(new Event(DISMISS_EVENT, { cancelable: true }));
  }

  private onFocusIn(e: FocusEvent): void {
    const t = performance.now();
    if (this.isOnCard(e)) {
      this.dispatch({ type: 'focus', target: null, inCard: true, t });
      return;
    }
    if (this.restoringFocus) return;
    const link = keyboardFocusedLink(e);
    const found = link && firstMentionIn(link, this.options.engine.visibleMentions());
    this.dispatch({
      type: 'focus',
      target: found ? this.sameAsCurrent(found) : null,
      inCard: false,
      t,
    });
  }

  private onFocusOut(e: FocusEvent): void {
    // Focus moving elsewhere on the page is reported by its focusin.
    if (e.relatedTarget !== null) return;
    this.dispatch({ type: 'focus', target: null, inCard: false, t: performance.now() });
  }

  /** Where a step starts: a selection made since the last card, else the last card. */
  private stepPlace(): Range | null {
    const selection = this.options.document.getSelection();
    if (
      selection &&
      selection.rangeCount > 0 &&
      !selection.isCollapsed &&
      this.selectionChangedAt > (this.place?.at ?? -Infinity)
    ) {
      const range = selection.getRangeAt(0);
      const inCard = this.mount && this.mount.host.contains(range.startContainer);
      if (!inCard) return range.cloneRange();
    }
    return this.place?.range ?? null;
  }

  /**
   * Opens the card of the next/previous entity (of one entity, if given: its next
   * mention), with the mention itself scrolled into view: the keyboard command and
   * the popup's "On this page".
   */
  step(direction: 1 | -1, entity?: string): boolean {
    const engine = this.options.engine;
    let next: CardTarget | undefined;
    if (entity) {
      next = engine.step(this.shown?.mention ?? null, direction, entity);
    } else {
      const stops = entityStops(engine.visibleMentions());
      const place = this.stepPlace();
      next = place
        ? nextStop(stops, place, direction, this.place?.range)
        : this.firstStopInView(stops, direction);
    }
    if (!next) return false;
    scrollRangeIntoView(next.range);
    this.dispatch({ type: 'show', target: next }, true);
    return true;
  }

  /** With no place yet: the first stop below the viewport's top (or the last above it). */
  private firstStopInView(stops: PageMention[], direction: 1 | -1): PageMention | undefined {
    const top = (m: PageMention) => m.measure((r) => r.getBoundingClientRect().top);
    const bottom = (m: PageMention) => m.measure((r) => r.getBoundingClientRect().bottom);
    if (direction === 1) return stops.find((m) => top(m) >= 0) ?? stops[0];
    return stops.findLast((m) => bottom(m) < 0) ?? stops.at(-1);
  }

  /** Opens a card on purpose (popup, context menu, keyboard), pinned. */
  showTarget(target: CardTarget, focus: boolean): void {
    this.dispatch({ type: 'show', target }, focus);
  }

  private dispatch(event: HoverEvent<CardTarget>, focus = false): void {
    const before = this.state;
    const step = stepHoverIntent(this.state, event, this.config);
    const resting = step.state.pending?.target;
    if (resting && resting !== before.pending?.target) this.prepare(resting.entity);
    this.state = step.state;
    if (step.hide) this.hide(event.type === 'escape');
    if (step.show) {
      timelineMark('backstory:card-intent');
      const fromKeyboard = event.type === 'show' || before.pending?.source === 'focus';
      void this.show(step.show, step.show.entity, focus, fromKeyboard);
    } else if (
      this.shown &&
      before.open &&
      step.state.open &&
      before.open.pinned !== step.state.open.pinned
    ) {
      this.render();
    }
    clearTimeout(this.timer);
    if (step.wakeAt !== null) {
      this.timer = setTimeout(
        () => this.dispatch({ type: 'tick', t: performance.now() }),
        Math.max(0, step.wakeAt - performance.now()),
      );
    }
  }

  private dispatchReveal(event: HoverEvent<CardTarget>): void {
    const step = stepHoverIntent(this.reveal, event, this.config);
    this.reveal = step.state;
    if (step.hide || step.show) this.revealed.clear();
    if (step.show) this.revealed.add(step.show.range);
    clearTimeout(this.revealTimer);
    if (step.wakeAt !== null) {
      this.revealTimer = setTimeout(
        () => this.dispatchReveal({ type: 'tick', t: performance.now() }),
        Math.max(0, step.wakeAt - performance.now()),
      );
    }
  }

  /**
   * Never rejects: the page is not ours to show an error on, so a card that cannot be
   * loaded or drawn is reported to the console and the next hover tries again.
   */
  private async show(
    mention: CardTarget,
    entity: string,
    focus: boolean,
    fromKeyboard: boolean,
  ): Promise<void> {
    try {
      await this.loadAndShow(mention, entity, focus, fromKeyboard);
    } catch (error) {
      console.warn(`Backstory: could not show the card for “${entity}”:`, error);
    }
  }

  private async loadAndShow(
    mention: CardTarget,
    entity: string,
    focus: boolean,
    fromKeyboard: boolean,
  ): Promise<void> {
    const token = ++this.renderToken;
    if (focus && !this.shown) this.returnFocus = this.options.document.activeElement;
    this.place = { range: mention.range, at: performance.now() };
    const [data, mount] = await Promise.all([this.options.loadCard(entity), this.ensureMount()]);
    if (token !== this.renderToken || this.options.signal.aborted || !data) return;
    this.shown = { mention, entity, data, focus };
    this.render();
    timelineMeasure('backstory:card', 'backstory:card-intent');
    if (fromKeyboard) announce(mount.live, `${data.name}, ${categoryInfo[data.category].label}`);
  }

  private render(): void {
    const mount = this.mount;
    const shown = this.shown;
    if (!mount || !shown) return;
    const anchorEl =
      shown.mention.range.startContainer instanceof Element
        ? shown.mention.range.startContainer
        : shown.mention.range.startContainer.parentElement;
    mount.renderer.show(mount.container, {
      data: shown.data,
      anchor: shown.mention,
      pinned: this.state.open?.pinned ?? false,
      theme: this.theme ?? (anchorEl ? pageTheme(anchorEl) : undefined),
      focus: shown.focus,
      onSelectEntity: (id) => void this.show(shown.mention, id, true, false),
      onOpenSource: (ref) => this.options.openSource(ref),
      onClose: () => this.dispatch({ type: 'escape' }),
    });
  }

  private hide(restoreFocus: boolean): void {
    this.renderToken++;
    this.shown = null;
    this.mount?.renderer.clear(this.mount.container);
    const back = this.returnFocus;
    this.returnFocus = null;
    if (restoreFocus && back instanceof HTMLElement) {
      // Focus coming back to a link after Esc is no ask for its preview.
      this.restoringFocus = true;
      back.focus();
      this.restoringFocus = false;
    }
  }

  /**
   * The pointer came to rest on a mention: fetch its card and set up the card UI
   * during the intent delay, so the card appears as soon as the delay is over.
   */
  private prepare(entity: string): void {
    // A head start only: show() asks for both again and reports what fails.
    this.options.loadCard(entity).catch(() => undefined);
    this.ensureMount().catch(() => undefined);
  }

  private ensureMount(): Promise<CardMount> {
    this.mounting ??= this.options.mountCard().then(
      (m) => (this.mount = m),
      (error: unknown) => {
        // Let the next card try again rather than failing for the rest of the page's life.
        this.mounting = null;
        throw error;
      },
    );
    return this.mounting;
  }
}
