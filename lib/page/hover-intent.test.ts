import { describe, expect, it } from 'vitest';
import {
  initialHoverState,
  stepHoverIntent,
  type HoverEvent,
  type HoverState,
} from './hover-intent';

function run(events: HoverEvent<string>[]) {
  let state: HoverState<string> = initialHoverState();
  const log: string[] = [];
  for (const e of events) {
    const step = stepHoverIntent(state, e);
    state = step.state;
    if (step.show !== undefined) log.push(`show ${step.show}`);
    if (step.hide) log.push('hide');
  }
  return { state, log };
}

const move = (
  target: string | null,
  x: number,
  t: number,
  overCard = false,
): HoverEvent<string> => ({
  type: 'move',
  target,
  overCard,
  x,
  y: 100,
  t,
});
const tick = (t: number): HoverEvent<string> => ({ type: 'tick', t });

describe('hover intent', () => {
  it('opens after the pointer rests on a mention for the delay', () => {
    expect(run([move('isis-k', 10, 0), move('isis-k', 11, 100), tick(399)]).log).toEqual([]);
    expect(run([move('isis-k', 10, 0), move('isis-k', 11, 100), tick(400)]).log).toEqual([
      'show isis-k',
    ]);
  });

  it('ignores a fast sweep across mentions', () => {
    const sweep = [
      move('a', 0, 0),
      move('a', 40, 20),
      move('b', 80, 40),
      move(null, 120, 60),
      tick(500),
    ];
    expect(run(sweep).log).toEqual([]);
  });

  it('restarts the wait while the pointer drifts slowly over the same mention', () => {
    // 120 px/s, a reader tracing the line: 2 px every ~16 ms, for a whole second.
    const drift = Array.from({ length: 60 }, (_, i) => move('a', i * 2, i * 16.7));
    expect(run([...drift, tick(1000)]).log).toEqual([]);
    expect(run([...drift, tick(1001 + 400)]).log).toEqual(['show a']);
  });

  it("opens despite a resting hand's jitter of a pixel or two", () => {
    const jitter = [move('a', 10, 0), move('a', 12, 100), move('a', 9, 250), move('a', 11, 380)];
    expect(run([...jitter, tick(400)]).log).toEqual(['show a']);
  });

  it('restarts the wait while the pointer moves fast over the same mention', () => {
    const events = [move('a', 0, 0), move('a', 200, 300), tick(450), tick(700)];
    expect(run(events).log).toEqual(['show a']);
    expect(stepHoverIntent(run(events.slice(0, 2)).state, tick(450)).show).toBeUndefined();
  });

  it('closes after the grace period once the pointer leaves', () => {
    const opened = [move('a', 0, 0), tick(400), move(null, 50, 500)];
    expect(run([...opened, tick(799)]).log).toEqual(['show a']);
    expect(run([...opened, tick(800)]).log).toEqual(['show a', 'hide']);
  });

  it('stays open while the pointer moves into the card', () => {
    const events = [
      move('a', 0, 0),
      tick(400),
      move(null, 10, 500),
      move(null, 20, 600, true),
      tick(900),
      tick(2000),
    ];
    expect(run(events).log).toEqual(['show a']);
  });

  it('closes when the pointer leaves the card', () => {
    const events = [
      move('a', 0, 0),
      tick(400),
      move(null, 20, 600, true),
      move(null, 300, 700),
      tick(1000),
    ];
    expect(run(events).log).toEqual(['show a', 'hide']);
  });

  it('pins on click and then ignores leaving; Escape closes', () => {
    const pinned = [
      move('a', 0, 0),
      { type: 'click', target: 'a', onCard: false, t: 100 } as const,
    ];
    expect(run([...pinned, move(null, 400, 200), tick(5000)]).log).toEqual(['show a']);
    expect(run([...pinned, { type: 'escape' }]).log).toEqual(['show a', 'hide']);
  });

  it('switches to another mention after resting on it', () => {
    const events = [move('a', 0, 0), tick(400), move('b', 200, 1000), tick(1300), tick(1400)];
    expect(run(events).log).toEqual(['show a', 'hide', 'show b']);
  });

  it('keeps a pinned card while another mention is hovered', () => {
    const events = [
      move('a', 0, 0),
      { type: 'click', target: 'a', onCard: false, t: 100 } as const,
      move('b', 200, 1000),
      tick(1500),
      tick(3000),
    ];
    const { state, log } = run(events);
    expect(log).toEqual(['show a']);
    expect(state.open?.target).toBe('a');
  });

  it('opens after focus rests on a link holding a mention, and closes when focus leaves', () => {
    const focus = (target: string | null, t: number): HoverEvent<string> => ({
      type: 'focus',
      target,
      inCard: false,
      t,
    });
    expect(run([focus('a', 0), tick(399)]).log).toEqual([]);
    expect(run([focus('a', 0), tick(400)]).log).toEqual(['show a']);
    // The pointer moving elsewhere does not close a card that keyboard focus asked for.
    expect(run([focus('a', 0), tick(400), move(null, 5, 500), tick(2000)]).log).toEqual(['show a']);
    expect(run([focus('a', 0), tick(400), focus(null, 500), tick(800)]).log).toEqual([
      'show a',
      'hide',
    ]);
    expect(
      run([
        focus('a', 0),
        tick(400),
        { type: 'focus', target: null, inCard: true, t: 500 },
        tick(2000),
      ]).log,
    ).toEqual(['show a']);
  });

  it('opens at once, pinned, on a programmatic show', () => {
    const { state, log } = run([{ type: 'show', target: 'a' }, move(null, 0, 10), tick(1000)]);
    expect(log).toEqual(['show a']);
    expect(state.open?.pinned).toBe(true);
  });

  it('asks for a tick when a timer is running', () => {
    expect(stepHoverIntent(initialHoverState<string>(), move('a', 0, 50)).wakeAt).toBe(450);
    expect(stepHoverIntent(initialHoverState<string>(), move(null, 0, 50)).wakeAt).toBeNull();
  });
});
