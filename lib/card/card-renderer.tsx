import { render } from 'preact';
import { CardPopover, type CardPopoverProps } from './CardPopover';
import type { CardRenderer } from './card-renderer-api';
import cardCss from './card.css?inline';
import popoverCss from './popover.css?inline';

/**
 * Renders the hover card with Preact; the content script loads this on first use.
 * The stylesheet travels with it, so a page that never shows a card never loads it.
 */
export const cardRenderer: CardRenderer = {
  css: cardCss + popoverCss,
  show: (container, props: CardPopoverProps) => render(<CardPopover {...props} />, container),
  clear: (container) => render(null, container),
};
