import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { followFullscreen } from './card-host';

let home: HTMLElement;
let host: HTMLElement;
let abort: AbortController;

beforeEach(() => {
  home = document.createElement('div');
  host = document.createElement('backstory-card');
  home.append(host);
  document.body.append(home);
  abort = new AbortController();
});

afterEach(async () => {
  abort.abort();
  if (document.fullscreenElement) await document.exitFullscreen();
  home.remove();
});

/** Enters fullscreen on `el` from a real click (the browser asks for a user gesture). */
async function enterFullscreen(el: Element): Promise<void> {
  const button = document.createElement('button');
  button.textContent = 'fullscreen';
  document.body.append(button);
  button.addEventListener('click', () => void el.requestFullscreen(), { once: true });
  const entered = new Promise((r) =>
    document.addEventListener('fullscreenchange', r, { once: true }),
  );
  await userEvent.click(button);
  await entered;
  button.remove();
}

const left = () =>
  new Promise((r) => document.addEventListener('fullscreenchange', r, { once: true }));

describe('followFullscreen', () => {
  it('moves the card into the element shown fullscreen, and home again after', async () => {
    followFullscreen(host, document, abort.signal);
    const player = document.createElement('section');
    document.body.append(player);
    try {
      await enterFullscreen(player);
      expect(host.parentNode).toBe(player);
      const exited = left();
      await document.exitFullscreen();
      await exited;
      expect(host.parentNode).toBe(home);
    } finally {
      player.remove();
    }
  });

  it('stays home while a video is fullscreen: a video shows no children', async () => {
    followFullscreen(host, document, abort.signal);
    const video = document.createElement('video');
    document.body.append(video);
    try {
      await enterFullscreen(video);
      expect(host.parentNode).toBe(home);
    } finally {
      video.remove();
    }
  });

  it('stops following once the page is left', async () => {
    followFullscreen(host, document, abort.signal);
    abort.abort();
    const player = document.createElement('section');
    document.body.append(player);
    try {
      await enterFullscreen(player);
      expect(host.parentNode).toBe(home);
    } finally {
      player.remove();
    }
  });
});
