/**
 * Hover intent, as a pure state machine the content script drives with pointer,
 * focus and clock events. A card opens only after the pointer truly rests on a
 * mention (it may not stray more than a few pixels for the whole delay, so reading
 * with the pointer drifting along the line opens nothing), or after keyboard focus
 * rests on a link that holds one; it survives a short trip from the mention into
 * the card, and stays put once pinned by a click, whatever else is hovered.
 */

export interface HoverIntentConfig {
  /** How long the pointer (or focus) must rest on a mention, ms. */
  openDelay: number;
  /** Grace period after leaving the mention (and the card), ms. */
  closeDelay: number;
  /**
   * How far the pointer may wander while resting, px. Over a 400 ms delay, 5 px is
   * an average of 12 px/s: a resting hand's jitter, not a reading drift (~120 px/s).
   */
  restRadius: number;
}

export const defaultHoverIntent: HoverIntentConfig = {
  openDelay: 400,
  closeDelay: 300,
  restRadius: 5,
};

/** How the card was asked for: it decides what closes it. */
type HoverSource = 'pointer' | 'focus';

export interface HoverState<T> {
  /** A rest in progress: since when, and where it began (NaN for focus). */
  pending: { target: T; since: number; x: number; y: number; source: HoverSource } | null;
  open: { target: T; pinned: boolean; leftAt: number | null; source: HoverSource } | null;
}

export type HoverEvent<T> =
  | { type: 'move'; target: T | null; overCard: boolean; x: number; y: number; t: number }
  /** Keyboard focus arrived on a link holding the mention `target`, or left (null). */
  | { type: 'focus'; target: T | null; inCard: boolean; t: number }
  | { type: 'tick'; t: number }
  | { type: 'click'; target: T | null; onCard: boolean; t: number }
  /** A button went down: a click or a selection begins, so a rest in progress is over. */
  | { type: 'press' }
  | { type: 'escape' }
  /** Opened on purpose (keyboard shortcut, popup): pinned at once. */
  | { type: 'show'; target: T };

export interface HoverStep<T> {
  state: HoverState<T>;
  /** The card to show now (a new target or a switch). */
  show?: T;
  /** Close the card now. */
  hide?: true;
  /** When the machine next needs a tick, if ever. */
  wakeAt: number | null;
}

export const initialHoverState = <T>(): HoverState<T> => ({ pending: null, open: null });

function wakeAt<T>(s: HoverState<T>, c: HoverIntentConfig): number | null {
  const times: number[] = [];
  if (s.pending) times.push(s.pending.since + c.openDelay);
  if (s.open && !s.open.pinned && s.open.leftAt !== null) times.push(s.open.leftAt + c.closeDelay);
  return times.length ? Math.min(...times) : null;
}

function onMove<T>(
  state: HoverState<T>,
  event: Extract<HoverEvent<T>, { type: 'move' }>,
  config: HoverIntentConfig,
): HoverState<T> {
  let { pending, open } = state;
  const { target, overCard, x, y, t } = event;
  // A card opened from the keyboard belongs to the focus: the pointer does not close it.
  const pointerOwnsCard = open?.source === 'pointer';
  if (overCard && open) {
    return { pending: null, open: { ...open, leftAt: null } };
  }
  if (target === null) {
    if (pending?.source === 'pointer') pending = null;
    if (open && pointerOwnsCard && open.leftAt === null) open = { ...open, leftAt: t };
    return { pending, open };
  }
  if (open && open.target === target) {
    return { pending: null, open: { ...open, leftAt: null } };
  }
  if (open && pointerOwnsCard && open.leftAt === null) open = { ...open, leftAt: t };
  // A pinned card is the reader's choice: hovering other names does not replace it.
  if (open?.pinned) return { pending: null, open };
  if (pending && pending.target === target && pending.source === 'pointer') {
    const strayed = Math.hypot(x - pending.x, y - pending.y) > config.restRadius;
    pending = strayed ? { ...pending, since: t, x, y } : pending;
  } else {
    pending = { target, since: t, x, y, source: 'pointer' };
  }
  return { pending, open };
}

function onFocus<T>(
  state: HoverState<T>,
  event: Extract<HoverEvent<T>, { type: 'focus' }>,
): HoverState<T> {
  let { pending, open } = state;
  const { target, inCard, t } = event;
  if (inCard && open) return { pending: null, open: { ...open, leftAt: null } };
  if (pending?.source === 'focus') pending = null;
  if (open && !open.pinned && open.source === 'focus' && open.target !== target) {
    open = { ...open, leftAt: t };
  }
  if (target !== null && !open?.pinned && open?.target !== target) {
    pending = { target, since: t, x: NaN, y: NaN, source: 'focus' };
  }
  return { pending, open };
}

export function stepHoverIntent<T>(
  state: HoverState<T>,
  event: HoverEvent<T>,
  config: HoverIntentConfig = defaultHoverIntent,
): HoverStep<T> {
  let { pending, open } = state;
  let show: T | undefined;
  let hide = false;

  switch (event.type) {
    case 'move':
      ({ pending, open } = onMove(state, event, config));
      break;
    case 'focus':
      ({ pending, open } = onFocus(state, event));
      break;
    case 'tick': {
      if (pending && event.t >= pending.since + config.openDelay) {
        show = pending.target;
        open = { target: pending.target, pinned: false, leftAt: null, source: pending.source };
        pending = null;
      } else if (
        open &&
        !open.pinned &&
        open.leftAt !== null &&
        event.t >= open.leftAt + config.closeDelay
      ) {
        open = null;
        hide = true;
      }
      break;
    }
    case 'click': {
      if (event.onCard && open) {
        open = { ...open, pinned: true, leftAt: null };
      } else if (event.target !== null) {
        if (!open || open.target !== event.target) show = event.target;
        open = { target: event.target, pinned: true, leftAt: null, source: 'pointer' };
        pending = null;
      } else if (open) {
        open = null;
        pending = null;
        hide = true;
      }
      break;
    }
    case 'press':
      pending = null;
      break;
    case 'escape': {
      pending = null;
      if (open) {
        open = null;
        hide = true;
      }
      break;
    }
    case 'show': {
      show = event.target;
      open = { target: event.target, pinned: true, leftAt: null, source: 'focus' };
      pending = null;
      break;
    }
  }

  const next: HoverState<T> = { pending, open };
  return {
    state: next,
    ...(show !== undefined ? { show } : {}),
    ...(hide ? { hide: true as const } : {}),
    wakeAt: wakeAt(next, config),
  };
}
