/**
 * Hover intent, as a pure state machine the content script drives with pointer
 * events and clock ticks. A card opens only after the pointer rests on a mention
 * (sweeps across the text restart the wait), survives a short trip from the
 * mention into the card, and stays put once pinned by a click.
 */

export interface HoverIntentConfig {
  /** How long the pointer must rest on a mention, ms. */
  openDelay: number;
  /** Grace period after leaving the mention (and the card), ms. */
  closeDelay: number;
  /** Faster than this (px/ms), the pointer is sweeping, not resting. */
  sweepSpeed: number;
}

export const defaultHoverIntent: HoverIntentConfig = {
  openDelay: 400,
  closeDelay: 300,
  sweepSpeed: 0.4,
};

export interface HoverState<T> {
  pending: { target: T; since: number; x: number; y: number; t: number } | null;
  open: { target: T; pinned: boolean; leftAt: number | null } | null;
}

export type HoverEvent<T> =
  | { type: 'move'; target: T | null; overCard: boolean; x: number; y: number; t: number }
  | { type: 'tick'; t: number }
  | { type: 'click'; target: T | null; onCard: boolean; t: number }
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

export function stepHoverIntent<T>(
  state: HoverState<T>,
  event: HoverEvent<T>,
  config: HoverIntentConfig = defaultHoverIntent,
): HoverStep<T> {
  let { pending, open } = state;
  let show: T | undefined;
  let hide = false;

  switch (event.type) {
    case 'move': {
      const { target, overCard, x, y, t } = event;
      if (overCard && open) {
        open = { ...open, leftAt: null };
        pending = null;
      } else if (target !== null) {
        if (open && open.target === target) {
          open = { ...open, leftAt: null };
          pending = null;
        } else {
          if (open && open.leftAt === null) open = { ...open, leftAt: t };
          if (pending && pending.target === target) {
            const dt = Math.max(t - pending.t, 1);
            const speed = Math.hypot(x - pending.x, y - pending.y) / dt;
            pending = { target, since: speed > config.sweepSpeed ? t : pending.since, x, y, t };
          } else {
            pending = { target, since: t, x, y, t };
          }
        }
      } else {
        pending = null;
        if (open && open.leftAt === null && !overCard) open = { ...open, leftAt: t };
      }
      break;
    }
    case 'tick': {
      if (pending && event.t >= pending.since + config.openDelay) {
        show = pending.target;
        open = { target: pending.target, pinned: false, leftAt: null };
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
        open = { target: event.target, pinned: true, leftAt: null };
        pending = null;
      } else if (open) {
        open = null;
        pending = null;
        hide = true;
      }
      break;
    }
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
      open = { target: event.target, pinned: true, leftAt: null };
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
