import type { SentenceRef } from '../kb/schema';
import type { CardData } from '../ui/card-data';
import type { CardRenderer } from '../ui/card-renderer-api';
import type { PageEngine } from './engine';
import {
  defaultHoverIntent,
  initialHoverState,
  stepHoverIntent,
  type HoverEvent,
  type HoverState,
} from './hover-intent';
import type { ModifierKey } from '../settings/schema';

/** What a card is shown for: an entity, anchored at a range (a mention or a selection). */
export interface CardTarget {
  entity: string;
  range: Range;
}

/** Where the card lives: a container inside an open shadow root, created on first use. */
export interface CardMount {
  host: Element;
  container: HTMLElement;
  renderer: CardRenderer;
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
  /** Cards open on hover only while this key is held. */
  modifier: ModifierKey;
  theme: 'light' | 'dark' | undefined;
}

/** Interactive elements keep their own click behaviour: a mention inside a link stays a link. */
const INTERACTIVE = 'a[href], button, label, summary, [role=button], [role=link]';

/**
 * Drives the hover card: pointer and keyboard input → hover intent → card shown
 * next to its mention. Every listener hangs off `signal`, so a reload or a page
 * change leaves nothing behind.
 */
export class HoverCards {
  private state: HoverState<CardTarget> = initialHoverState();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastPoint: { x: number; y: number; overCard: boolean; armed: boolean } | null = null;
  private mount: CardMount | null = null;
  private mounting: Promise<CardMount> | null = null;
  private shown: { mention: CardTarget; entity: string } | null = null;
  private returnFocus: Element | null = null;
  private renderToken = 0;
  private readonly config = { ...defaultHoverIntent };
  private modifier: ModifierKey = 'none';
  private theme: 'light' | 'dark' | undefined;

  constructor(private readonly options: HoverCardsOptions) {
    const doc = options.document;
    const opts = { capture: true, passive: true, signal: options.signal };
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    doc.addEventListener('click', (e) => this.onClick(e), {
      capture: true,
      signal: options.signal,
    });
    doc.addEventListener('keydown', (e) => this.onKeyDown(e), {
      capture: true,
      signal: options.signal,
    });
    options.signal.addEventListener('abort', () => {
      clearTimeout(this.timer);
      cancelAnimationFrame(this.frame);
      this.mount?.renderer.clear(this.mount.container);
    });
  }

  configure(settings: HoverCardsSettings): void {
    this.config.openDelay = settings.openDelay;
    this.modifier = settings.modifier;
    this.theme = settings.theme;
  }

  private modifierHeld(e: PointerEvent | MouseEvent): boolean {
    return this.modifier === 'none' || e.getModifierState(this.modifier);
  }

  private isOnCard(e: Event): boolean {
    return this.mount !== null && e.composedPath().includes(this.mount.host);
  }

  private onPointerMove(e: PointerEvent): void {
    // composedPath() is only filled while the event is dispatched: read it now, not in the frame.
    this.lastPoint = {
      x: e.clientX,
      y: e.clientY,
      overCard: this.isOnCard(e),
      armed: this.modifierHeld(e),
    };
    this.scheduleHitTest();
  }

  /** One hit-test per frame, however many events the pointer fires. */
  private scheduleHitTest(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const p = this.lastPoint;
      if (!p) return;
      const hit = p.overCard || !p.armed ? null : (this.options.engine.mentionAt(p.x, p.y) ?? null);
      this.dispatch({
        type: 'move',
        target: hit && this.sameAsCurrent(hit),
        overCard: p.overCard,
        x: p.x,
        y: p.y,
        t: performance.now(),
      });
    });
  }

  /**
   * Text the page rewrites in place is read again into new mention objects; the one
   * under a resting pointer is still the same mention, so its wait must not restart.
   */
  private sameAsCurrent(hit: CardTarget): CardTarget {
    for (const t of [this.state.pending?.target, this.state.open?.target]) {
      if (
        t &&
        t.entity === hit.entity &&
        t.range.startContainer === hit.range.startContainer &&
        (t.range.collapsed || t.range.startOffset === hit.range.startOffset)
      ) {
        return t;
      }
    }
    return hit;
  }

  /** The page's text changed: what is under a resting pointer may have too. */
  recheck(): void {
    if (this.lastPoint) this.scheduleHitTest();
  }

  private onClick(e: MouseEvent): void {
    if (this.isOnCard(e)) {
      this.dispatch({ type: 'click', target: null, onCard: true, t: performance.now() });
      return;
    }
    const target = this.options.engine.mentionAt(e.clientX, e.clientY) ?? null;
    const el = e.target instanceof Element ? e.target : null;
    if (target && el?.closest(INTERACTIVE)) return;
    this.dispatch({ type: 'click', target, onCard: false, t: performance.now() });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.state.open) this.dispatch({ type: 'escape' });
  }

  /**
   * Opens the card of the next/previous mention (of one entity, if given),
   * scrolled into view: the keyboard command and the popup's "On this page".
   */
  step(direction: 1 | -1, entity?: string): boolean {
    const next = this.options.engine.step(this.shown?.mention ?? null, direction, entity);
    if (!next) return false;
    next.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: 'instant',
    });
    this.dispatch({ type: 'show', target: next }, true);
    return true;
  }

  /** Opens a card on purpose (popup, context menu, keyboard), pinned. */
  showTarget(target: CardTarget, focus: boolean): void {
    this.dispatch({ type: 'show', target }, focus);
  }

  private dispatch(event: HoverEvent<CardTarget>, focus = false): void {
    const step = stepHoverIntent(this.state, event, this.config);
    const resting = step.state.pending?.target;
    if (resting && resting !== this.state.pending?.target) this.prepare(resting.entity);
    this.state = step.state;
    if (step.hide) this.hide(event.type === 'escape');
    if (step.show) {
      performance.mark('backstory:card-intent');
      void this.show(step.show, step.show.entity, focus);
    }
    clearTimeout(this.timer);
    if (step.wakeAt !== null) {
      this.timer = setTimeout(
        () => this.dispatch({ type: 'tick', t: performance.now() }),
        Math.max(0, step.wakeAt - performance.now()),
      );
    }
  }

  private async show(mention: CardTarget, entity: string, focus: boolean): Promise<void> {
    const token = ++this.renderToken;
    if (focus && !this.shown) this.returnFocus = this.options.document.activeElement;
    let data: CardData | null;
    let mount: CardMount;
    try {
      [data, mount] = await Promise.all([this.options.loadCard(entity), this.ensureMount()]);
    } catch (error) {
      console.warn(`Backstory: could not show the card for “${entity}”:`, error);
      return;
    }
    if (token !== this.renderToken || this.options.signal.aborted || !data) return;
    this.shown = { mention, entity };
    mount.renderer.show(mount.container, {
      data,
      anchor: mention,
      pinned: this.state.open?.pinned ?? false,
      theme: this.theme,
      focus,
      onSelectEntity: (id) => void this.show(mention, id, true),
      onOpenSource: (ref) => this.options.openSource(ref),
      onClose: () => this.dispatch({ type: 'escape' }),
    });
    performance.measure('backstory:card', 'backstory:card-intent');
  }

  private hide(restoreFocus: boolean): void {
    this.renderToken++;
    this.shown = null;
    this.mount?.renderer.clear(this.mount.container);
    if (restoreFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  /**
   * The pointer came to rest on a mention: fetch its card and set up the card UI
   * during the intent delay, so the card appears as soon as the delay is over.
   */
  private prepare(entity: string): void {
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
