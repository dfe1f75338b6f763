import { render } from 'preact';
import { CardPopover, type CardPopoverProps } from './CardPopover';
import type { CardRenderer } from './card-renderer-api';

/** Renders the hover card with Preact; the content script loads this on first use. */
export const cardRenderer: CardRenderer = {
  show: (container, props: CardPopoverProps) => render(<CardPopover {...props} />, container),
  clear: (container) => render(null, container),
};
