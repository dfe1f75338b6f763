import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { SentenceRef } from '../kb/schema';
import type { CardData } from '../kb/card-data';
import { EntityCard } from './EntityCard';

/** What the card is attached to: a mention's live range. */
interface CardAnchor {
  range: Range;
}

export interface CardPopoverProps {
  data: CardData;
  anchor: CardAnchor;
  pinned: boolean;
  /** Move focus into the card (keyboard users); pointer users keep theirs. */
  focus: boolean;
  theme?: 'light' | 'dark';
  onSelectEntity(id: string): void;
  onOpenSource(ref: SentenceRef): void;
  onClose(): void;
}

/**
 * A page with CSS `zoom` on `<html>` zooms our host too: the card would be scaled
 * and Floating UI's viewport coordinates multiplied by the zoom (placed off screen).
 * Zooming the host by the inverse keeps the card at its own size, in viewport px.
 */
function unzoomHost(el: Element): void {
  const root = el.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : null;
  const parent = host?.parentElement;
  if (!(host instanceof HTMLElement) || !parent || !('currentCSSZoom' in parent)) return;
  const zoom = parent.currentCSSZoom as number;
  const wanted = zoom === 1 ? '' : String(1 / zoom);
  if (host.style.zoom !== wanted) host.style.setProperty('zoom', wanted, 'important');
}

/**
 * The hover card, floating next to its mention: below it when there is room,
 * flipped above otherwise, shifted to stay inside the viewport, never over the
 * mention itself, and following it while the page scrolls.
 */
export function CardPopover(props: CardPopoverProps) {
  const floating = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = floating.current;
    if (!el) return;
    const { range } = props.anchor;
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    const update = () => {
      unzoomHost(el);
      computePosition(reference, el, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              el.style.maxHeight = `${Math.max(160, Math.min(availableHeight, 520))}px`;
            },
          }),
        ],
      }).then(
        ({ x, y }) => {
          el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
          el.style.visibility = 'visible';
        },
        (error: unknown) => {
          // A card where it last was (or in the corner) beats one that never appears.
          console.warn('Backstory: could not place the card', error);
          el.style.visibility = 'visible';
        },
      );
    };
    return autoUpdate(reference, el, update);
  }, [props.anchor]);

  useEffect(() => {
    if (props.focus) floating.current?.querySelector<HTMLElement>('[role=dialog]')?.focus();
  }, [props.focus, props.data.id]);

  return (
    <div ref={floating} class="bs-popover">
      <EntityCard
        data={props.data}
        pinned={props.pinned}
        theme={props.theme}
        onSelectEntity={props.onSelectEntity}
        onOpenSource={props.onOpenSource}
        onClose={props.onClose}
      />
    </div>
  );
}
