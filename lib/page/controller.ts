import type { MatcherData } from '../kb/schema';
import type { PageContext } from '../match/evidence';
import { listen } from '../messaging/client';
import type { Settings } from '../settings/schema';
import { isPaused, readSettings, watchSettings } from '../settings/store';
import type { SentenceRef } from '../kb/schema';
import type { CardData } from '../kb/card-data';
import { PageEngine, type DisplayFilter } from './engine';
import { MARKS_HOST, watchForcedColors } from './forced-colors-marks';
import { CARD_HOST, type CardMount } from '../card/card-host';
import { HoverCards } from './hover-cards';
import { readPageDate } from './page-date';

export interface ControllerOptions {
  document: Document;
  /** The subtree to annotate (the reader's article); the whole page by default. */
  scope?: Element;
  /** See EngineOptions.adoptDocumentStyles. */
  adoptDocumentStyles?: boolean;
  matcherData: MatcherData;
  signal: AbortSignal;
  /** Resolves once the document may be read (false: never); at once by default. */
  settled?: Promise<boolean>;
  /** Whether this is the top frame (the one the popup and commands talk to). */
  top: boolean;
  /** Parts of the page to leave alone (site chrome); our own UI always is. */
  exclude?(el: Element): boolean;
  mountCard(): Promise<CardMount>;
  loadCard(entity: string): Promise<CardData | null>;
  openSource(ref: SentenceRef): void;
}

/** Our own elements on the page: the card's host and the forced-colours marks' layer. */
const OWN_UI = new Set([CARD_HOST, MARKS_HOST]);

const displayOf = (s: Settings): DisplayFilter => ({
  marking: s.marking,
  categories: s.categories,
});

/**
 * Runs Backstory on one document according to the settings, and follows them
 * live: pausing stops everything and removes every mark; other changes only
 * filter what the (unchanged) index shows.
 */
export class PageController {
  private run: {
    abort: AbortController;
    engine: PageEngine;
    hover: HoverCards;
    pageContext: PageContext;
  } | null = null;
  private readonly host: string;

  constructor(private readonly options: ControllerOptions) {
    this.host = options.document.location?.hostname ?? '';
  }

  async start(): Promise<void> {
    const { signal, settled = Promise.resolve(true) } = this.options;
    // The settings are read while the page settles; a change seen meanwhile is newer.
    let ready = false;
    let changed: Settings | null = null;
    const unwatch = watchSettings(({ settings }) => {
      if (ready) this.apply(settings);
      else changed = settings;
    });
    signal.addEventListener('abort', unwatch);
    const [read, go] = await Promise.all([readSettings(), settled]);
    if (!go || signal.aborted) {
      unwatch();
      return;
    }
    ready = true;
    this.listenForMessages();
    this.apply(changed ?? read.settings);
  }

  private apply(settings: Settings): void {
    const paused = isPaused(settings, this.host);
    if (paused) {
      this.stop();
      return;
    }
    if (!this.run) {
      this.begin(settings);
      return;
    }
    if (this.run.pageContext.broadMode !== settings.broadMode) {
      // The index keeps every candidate: the policy judges them again, nothing is re-read.
      this.run.pageContext = { ...this.run.pageContext, broadMode: settings.broadMode };
      this.run.engine.setPageContext(this.run.pageContext);
    }
    this.run.engine.setDisplay(displayOf(settings));
    this.run.hover.configure(this.hoverSettings(settings));
  }

  private hoverSettings(s: Settings) {
    return {
      openDelay: s.hoverDelayMs,
      modifier: s.modifier,
      theme: s.theme === 'system' ? undefined : s.theme,
      marking: s.marking,
    };
  }

  private begin(settings: Settings): void {
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, this.options.signal]);
    const pageContext: PageContext = {
      broadMode: settings.broadMode,
      pageDate: readPageDate(this.options.document),
    };
    const engine = new PageEngine({
      document: this.options.document,
      scope: this.options.scope,
      adoptDocumentStyles: this.options.adoptDocumentStyles,
      matcherData: this.options.matcherData,
      pageContext,
      display: displayOf(settings),
      exclude: (el) => OWN_UI.has(el.localName) || (this.options.exclude?.(el) ?? false),
      signal,
      onIndexChange: () => {
        hover.recheck();
        forced.redraw();
      },
    });
    const hover: HoverCards = new HoverCards({
      document: this.options.document,
      engine,
      signal,
      mountCard: this.options.mountCard,
      loadCard: this.options.loadCard,
      openSource: this.options.openSource,
    });
    hover.configure(this.hoverSettings(settings));
    // After the engine and the cards have registered their highlights, which it may take over.
    const forced = watchForcedColors(this.options.document, signal);
    this.run = { abort, engine, hover, pageContext };
    engine
      .start()
      .catch((error: unknown) => console.warn('Backstory: could not mark this page', error));
  }

  private stop(): void {
    this.run?.abort.abort();
    this.run = null;
  }

  private listenForMessages(): void {
    if (!this.options.top) return;
    listen(
      {
        stepMention: ({ direction }) => {
          this.run?.hover.step(direction);
          return null;
        },
        pageMentions: () => {
          const counts = new Map<string, number>();
          for (const m of this.run?.engine.visibleMentions() ?? []) {
            counts.set(m.entity, (counts.get(m.entity) ?? 0) + 1);
          }
          return {
            host: this.host,
            active: this.run !== null,
            entities: [...counts].map(([id, count]) => ({ id, count })),
          };
        },
        showEntity: ({ entity }) => this.run?.hover.step(1, entity) ?? false,
        showLookup: ({ entities }) => {
          const selection = this.options.document.getSelection();
          const run = this.run;
          if (!run || !selection || selection.rangeCount === 0) return false;
          const range = selection.getRangeAt(0).cloneRange();
          run.hover.showTarget({ entity: entities[0]!, range, bounds: range }, true);
          return true;
        },
      },
      this.options.signal,
    );
  }
}
