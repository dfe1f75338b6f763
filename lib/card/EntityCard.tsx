import { Fragment, type JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { categoryColor, categoryInfo, type Category } from '../catalog/category';
import type { SentenceRef } from '../kb/schema';
import { AddedByReader } from './added-by-reader';
import { DISMISS_EVENT } from './card-renderer-api';
import { mentionSummary, type CardData, type CardSource } from '../kb/card-data';

export interface EntityCardProps {
  data: CardData;
  onSelectEntity(id: string): void;
  onOpenSource(ref: SentenceRef): void;
  /** Without it the card has no close button (the popup shows the card in place). */
  onClose?(): void;
  pinned?: boolean;
  /** The user's choice or the page's; without it the card follows the system. */
  theme?: 'light' | 'dark';
}

/**
 * The language the card's text is written in (the knowledge base and every UI
 * string are English). Set on the card so that on a `lang=ar` page a screen reader
 * does not read it with Arabic rules.
 */
const CARD_LANGUAGE = 'en';

/** Beyond this, aliases (ISIS-K has twenty) would push the description out of a compact card. */
const VISIBLE_ALIASES = 4;

/** The category's shape, in its colour (set by `categoryStyle` on the chip around it). */
function CategoryGlyph({ category }: { category: Category }) {
  return (
    <svg class="bs-glyph" viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
      <path d={categoryInfo[category].glyph} />
    </svg>
  );
}

/** The chip's colour, the one its mark on the page has (lib/catalog/category.ts). */
const categoryStyle = (category: Category) => ({ '--bs-cat': categoryColor(category) });

/**
 * Splits off the clause's last word so it can be kept on one line with its
 * marker: a "[2]" wrapped alone to the next line reads as belonging to what follows.
 */
function splitLastWord(text: string): [string, string] {
  const cut = text.search(/\S+$/);
  return cut <= 0 ? ['', text] : [text.slice(0, cut), text.slice(cut)];
}

function Aliases({ aliases }: { aliases: string[] }) {
  const [expanded, setExpanded] = useState(false);
  const hidden = aliases.length - VISIBLE_ALIASES;
  const shown = expanded || hidden <= 0 ? aliases : aliases.slice(0, VISIBLE_ALIASES);
  return (
    <p class="bs-aliases">
      <span class="bs-aliases-label">Also:</span> {shown.join(', ')}
      {hidden > 0 && (
        <>
          {' '}
          <button
            type="button"
            class="bs-link"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Show fewer' : `+${hidden} more`}
          </button>
        </>
      )}
    </p>
  );
}

/** Whose words, what kind of writing, and when: "Al Jazeera, via Arab News · news report · March 2024". */
function SourceLabel({ source }: { source: CardSource }) {
  return (
    <>
      <span class="bs-outlet">{source.credit}</span>
      {source.kind && (
        <>
          {' · '}
          <span class="bs-kind">{source.kind}</span>
        </>
      )}
      {source.date && (
        <>
          {' · '}
          <span class="bs-date">{source.date}</span>
        </>
      )}
      {source.titleInSource && source.title && (
        <>
          {', '}
          <cite class="bs-title">{source.title}</cite>
        </>
      )}
      {source.addedByReader && (
        <>
          {' '}
          <AddedByReader />
        </>
      )}
    </>
  );
}

/**
 * A quotation; a garbled passage of a machine-translated copy is shown as such, with what
 * it appears to mean, never as a clean quote.
 */
function Quoted({ source, block }: { source: CardSource; block: boolean }) {
  const Tag = block ? 'blockquote' : 'q';
  const cls = block ? 'bs-quote' : 'bs-tip-quote';
  if (source.garbled === undefined) return <Tag class={cls}>{source.text}</Tag>;
  return (
    <>
      <p class="bs-garbled-note">Garbled in the machine translation; it appears to mean:</p>
      <p class="bs-garbled-meaning">{source.garbled}</p>
      <Tag class={`${cls} bs-garbled`}>
        <span class="bs-sr">The copy reads: </span>
        {source.text}
      </Tag>
    </>
  );
}

interface DescriptionProps {
  clauses: CardData['description'];
  activeCite: number | null;
  setActiveCite(index: number | null): void;
  onOpenSource(ref: SentenceRef): void;
}

function Description({ clauses, activeCite, setActiveCite, onOpenSource }: DescriptionProps) {
  const tipId = useId();
  const active = activeCite === null ? undefined : clauses[activeCite];
  return (
    // The tooltip stays while the pointer is anywhere over the description, so it can be
    // reached and read (WCAG 1.4.13), and is dismissed by Esc at the card level.
    <div class="bs-desc" onMouseLeave={() => setActiveCite(null)}>
      <p>
        {clauses.map((clause, i) => {
          const [head, lastWord] = splitLastWord(clause.text);
          return (
            <Fragment key={i}>
              {i > 0 && ' '}
              {head}
              <span class="bs-nowrap">
                {lastWord}
                <button
                  type="button"
                  class="bs-cite"
                  aria-label={`Source ${i + 1}: ${clause.cite.credit}`}
                  aria-describedby={activeCite === i ? tipId : undefined}
                  onMouseEnter={() => setActiveCite(i)}
                  onFocus={() => setActiveCite(i)}
                  onBlur={() => setActiveCite(null)}
                  onClick={() => onOpenSource(clause.cite.ref)}
                >
                  [{i + 1}]
                </button>
              </span>
            </Fragment>
          );
        })}
      </p>
      {active && (
        <div class="bs-tip" role="tooltip" id={tipId}>
          <p class="bs-tip-source">
            <SourceLabel source={active.cite} />
          </p>
          <Quoted source={active.cite} block={false} />
        </div>
      )}
    </div>
  );
}

function Sources({
  title,
  sources,
  onOpenSource,
}: {
  title: string;
  sources: CardSource[];
  onOpenSource(ref: SentenceRef): void;
}) {
  const id = useId();
  return (
    <div role="group" class="bs-section" aria-labelledby={`${id}-h`}>
      <h3 class="bs-section-title" id={`${id}-h`}>
        {title}
      </h3>
      <ul class="bs-sources">
        {sources.map((source, i) => (
          <li class={source.addedByReader ? 'bs-source bs-source-library' : 'bs-source'} key={i}>
            <figure>
              <Quoted source={source} block />
              <figcaption class="bs-caption" id={`${id}-${i}`}>
                <SourceLabel source={source} />
              </figcaption>
            </figure>
            <button
              type="button"
              class="bs-read"
              aria-describedby={`${id}-${i}`}
              onClick={() => onOpenSource(source.ref)}
            >
              Read in source
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

const claimHeadings: Record<CardData['claims'][number]['kind'], string> = {
  figures: 'Sources give different figures',
  accounts: 'Sources give different accounts',
  spelling: 'Spelling note',
};

/** Where the articles differ: each version with its outlet, date and the exact words. */
function Claims({
  claims,
  onOpenSource,
}: {
  claims: CardData['claims'];
  onOpenSource(ref: SentenceRef): void;
}) {
  const id = useId();
  const disputes = claims.some((c) => c.kind !== 'spelling');
  return (
    <div role="group" class="bs-section bs-claims" aria-labelledby={`${id}-h`}>
      <h3 class="bs-section-title" id={`${id}-h`}>
        {disputes ? 'Sources differ' : 'Spelling note'}
      </h3>
      {claims.map((claim, i) => (
        <div class="bs-claim" key={i} data-kind={claim.kind}>
          <p class="bs-claim-subject">
            {claim.subject}
            <span class="bs-claim-kind"> · {claimHeadings[claim.kind]}</span>
          </p>
          {claim.note && <p class="bs-claim-note">{claim.note}</p>}
          <ul class="bs-versions">
            {claim.versions.map((version, j) => (
              <li class="bs-version" key={j}>
                <span class="bs-version-value">{version.value}</span>
                <ul class="bs-version-sources">
                  {version.sources.map((source, k) => (
                    <li key={k}>
                      <button
                        type="button"
                        class="bs-outlet-button"
                        onClick={() => onOpenSource(source.ref)}
                      >
                        {source.credit}
                      </button>{' '}
                      {source.addedByReader && <AddedByReader />}
                      <span class="bs-date">
                        {[source.kind, source.date].filter(Boolean).join(' · ')}
                      </span>
                      {': '}
                      <Quoted source={source} block={false} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function Related({
  related,
  onSelectEntity,
}: {
  related: CardData['related'];
  onSelectEntity(id: string): void;
}) {
  const id = useId();
  return (
    <div role="group" class="bs-section" aria-labelledby={`${id}-h`}>
      <h3 class="bs-section-title" id={`${id}-h`}>
        Related
      </h3>
      <ul class="bs-related">
        {related.map((entity) => (
          <li key={entity.id}>
            <button
              type="button"
              class="bs-chip"
              style={categoryStyle(entity.category)}
              onClick={() => onSelectEntity(entity.id)}
            >
              <CategoryGlyph category={entity.category} />
              {entity.name}
              <span class="bs-sr"> ({categoryInfo[entity.category].label})</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The entity card, shared by the hover card, the popup and the reader. */
export function EntityCard({
  data,
  onSelectEntity,
  onOpenSource,
  onClose,
  pinned = false,
  theme,
}: EntityCardProps) {
  // Keyed by entity so a tooltip index never leaks into the next entity's description.
  const [openCite, setOpenCite] = useState<{ entity: string; index: number } | null>(null);
  const activeCite = openCite?.entity === data.id ? openCite.index : null;
  const setActiveCite = (index: number | null) =>
    setOpenCite(index === null ? null : { entity: data.id, index });

  const root = useRef<HTMLDivElement>(null);
  const shownEntity = useRef(data.id);
  useEffect(() => {
    if (shownEntity.current === data.id) return;
    shownEntity.current = data.id;
    // Choosing a related entity removes the focused button with the old content; without
    // this, keyboard users would be thrown back to the top of the page.
    const doc = root.current?.ownerDocument;
    if (doc && (!doc.activeElement || doc.activeElement === doc.body)) root.current?.focus();
  }, [data.id]);

  // Read by the listener below at the moment of the event: a second Esc right after the
  // first must reach the card, before Preact has re-rendered.
  const tipOpen = useRef(false);
  tipOpen.current = activeCite !== null;
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const dismiss = (event: Event) => {
      if (!tipOpen.current) return;
      tipOpen.current = false;
      setOpenCite(null);
      event.preventDefault();
    };
    el.addEventListener(DISMISS_EVENT, dismiss);
    return () => el.removeEventListener(DISMISS_EVENT, dismiss);
  }, []);

  const onKeyDown = (event: JSX.TargetedKeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    if (activeCite !== null) setActiveCite(null);
    else if (onClose) onClose();
    else return;
    // Handled here, so a page listener must not also act on it (e.g. close its own modal).
    event.stopPropagation();
  };

  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-label={data.name}
      lang={CARD_LANGUAGE}
      tabIndex={-1}
      ref={root}
      class="bs-card"
      data-theme={theme}
      data-pinned={pinned ? '' : undefined}
      onKeyDown={onKeyDown}
    >
      {/* Divs, not header/footer: inside a dialog they would add banner landmarks to the page. */}
      <div class="bs-head">
        <div class="bs-head-row">
          <h2 class="bs-name">{data.name}</h2>
          {onClose && (
            <button type="button" class="bs-close" aria-label="Close" onClick={() => onClose()}>
              <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                <path d="M2 2L10 10M10 2L2 10" />
              </svg>
            </button>
          )}
        </div>
        <p class="bs-category" style={categoryStyle(data.category)}>
          <CategoryGlyph category={data.category} />
          {categoryInfo[data.category].label}
        </p>
      </div>
      <div class="bs-body">
        {/* In the scrolling body: expanded, ISIS-K's aliases would fill a fixed header. */}
        {data.aliases.length > 0 && <Aliases key={data.id} aliases={data.aliases} />}
        {data.description.length > 0 && (
          <Description
            clauses={data.description}
            activeCite={activeCite}
            setActiveCite={setActiveCite}
            onOpenSource={onOpenSource}
          />
        )}
        {data.sources.length > 0 && (
          <Sources title="From the sources" sources={data.sources} onOpenSource={onOpenSource} />
        )}
        {data.library && data.library.length > 0 && (
          <Sources title="From your library" sources={data.library} onOpenSource={onOpenSource} />
        )}
        {data.claims.length > 0 && <Claims claims={data.claims} onOpenSource={onOpenSource} />}
        {data.related.length > 0 && (
          <Related related={data.related} onSelectEntity={onSelectEntity} />
        )}
      </div>
      <div class="bs-foot">{mentionSummary(data)}</div>
    </div>
  );
}
