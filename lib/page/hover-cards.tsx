import { render } from 'preact';
import type { SentenceRef } from '../kb/schema';
import type { CardData } from '../ui/card-data';
import { CardPopover } from '../ui/CardPopover';
import type { PageEngine } from './engine';
import {
  defaultHoverIntent,
  initialHoverState,
  stepHoverIntent,
  type HoverEvent,
  type HoverState,
} from './hover-intent';
import type { PageMention } from './mention-index';

/** Where the card lives: a container inside an open shadow root, created on first use. */
export interface CardMount {
  host: Element;
  container: HTMLElement;
}

export interface HoverCardsOptions {
  document: Document;
  engine: PageEngine;
  signal: AbortSignal;
  mountCard(): Promise<CardMount>;
  loadCard(entity: string): Promise<CardData | null>;
  openSource(ref: SentenceRef): void;
  openDelay?: number;
}

/** Interactive elements keep their own click behaviour: a mention inside a link stays a link. */
const INTERACTIVE = 'a[href], button, label, summary, [role=button], [role=link]';

/**
 * Drives the hover card: pointer and keyboard input → hover intent → card shown
 * next to its mention. Every listener hangs off `signal`, so a reload or a page
 * change leaves nothing behind.
 */
export class HoverCards {
  private state: HoverState<PageMention> = initialHoverState();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private lastMove: PointerEvent | null = null;
  private mount: CardMount | null = null;
  private mounting: Promise<CardMount> | null = null;
  private shown: { mention: PageMention; entity: string } | null = null;
  private returnFocus: Element | null = null;
  private renderToken = 0;
  private readonly config;

  constructor(private readonly options: HoverCardsOptions) {
    this.config = {
      ...defaultHoverIntent,
      openDelay: options.openDelay ?? defaultHoverIntent.openDelay,
    };
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
      if (this.mount) render(null, this.mount.container);
    });
  }

  setOpenDelay(ms: number): void {
    this.config.openDelay = ms;
  }

  private isOnCard(e: Event): boolean {
    return this.mount !== null && e.composedPath().includes(this.mount.host);
  }

  private onPointerMove(e: PointerEvent): void {
    this.lastMove = e;
    if (this.frame) return;
    // One hit-test per frame, however many events the pointer fires.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const ev = this.lastMove;
      if (!ev) return;
      const overCard = this.isOnCard(ev);
      const target = overCard
        ? null
        : (this.options.engine.mentionAt(ev.clientX, ev.clientY) ?? null);
      this.dispatch({
        type: 'move',
        target,
        overCard,
        x: ev.clientX,
        y: ev.clientY,
        t: performance.now(),
      });
    });
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

  /** Opens the card of the next/previous mention (the keyboard command). */
  step(direction: 1 | -1): void {
    const from = this.shown?.mention ?? null;
    const next = this.options.engine.step(from, direction);
    if (!next) return;
    const el = next.range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.dispatch({ type: 'show', target: next }, true);
  }

  /** Opens a card for a mention on purpose (popup, keyboard). */
  showMention(mention: PageMention, focus: boolean): void {
    this.dispatch({ type: 'show', target: mention }, focus);
  }

  private dispatch(event: HoverEvent<PageMention>, focus = false): void {
    const step = stepHoverIntent(this.state, event, this.config);
    this.state = step.state;
    if (step.hide) this.hide(event.type === 'escape');
    if (step.show) void this.show(step.show, step.show.entity, focus);
    clearTimeout(this.timer);
    if (step.wakeAt !== null) {
      this.timer = setTimeout(
        () => this.dispatch({ type: 'tick', t: performance.now() }),
        Math.max(0, step.wakeAt - performance.now()),
      );
    }
  }

  private async show(mention: PageMention, entity: string, focus: boolean): Promise<void> {
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
    render(
      <CardPopover
        data={data}
        anchor={mention}
        pinned={this.state.open?.pinned ?? false}
        focus={focus}
        onSelectEntity={(id) => void this.show(mention, id, true)}
        onOpenSource={(ref) => this.options.openSource(ref)}
        onClose={() => this.dispatch({ type: 'escape' })}
      />,
      mount.container,
    );
  }

  private hide(restoreFocus: boolean): void {
    this.renderToken++;
    this.shown = null;
    if (this.mount) render(null, this.mount.container);
    if (restoreFocus && this.returnFocus instanceof HTMLElement) this.returnFocus.focus();
    this.returnFocus = null;
  }

  private ensureMount(): Promise<CardMount> {
    this.mounting ??= this.options.mountCard().then((m) => (this.mount = m));
    return this.mounting;
  }

  get openEntity(): string | null {
    return this.shown?.entity ?? null;
  }
}
