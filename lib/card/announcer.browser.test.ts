import { afterEach, describe, expect, it } from 'vitest';
import { announce, createLiveRegion } from './announcer';

let host: HTMLElement;

afterEach(() => host.remove());

function regionInShadow(): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const region = createLiveRegion(document);
  shadow.append(region);
  return region;
}

describe('live region', () => {
  it('is a polite status region, hidden from sight by its class, never in the page DOM', () => {
    const region = regionInShadow();
    expect(region.getAttribute('role')).toBe('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.classList.contains('bs-sr')).toBe(true);
    expect(document.body.contains(region)).toBe(false);
  });

  it('empties at once and speaks the text once the region has settled', async () => {
    const region = regionInShadow();
    region.textContent = 'Old card, person';
    const seen: string[] = [];
    new MutationObserver(() => seen.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    announce(region, 'ISIS-K, group');
    expect(region.textContent).toBe('');
    await expect.poll(() => region.textContent).toBe('ISIS-K, group');
    // Cleared first, then said: a repeat of the same text is announced again.
    expect(seen.at(-1)).toBe('ISIS-K, group');
  });

  it('says the same name again when asked twice', async () => {
    const region = regionInShadow();
    announce(region, 'Kerman, place');
    await expect.poll(() => region.textContent).toBe('Kerman, place');
    announce(region, 'Kerman, place');
    expect(region.textContent).toBe('');
    await expect.poll(() => region.textContent).toBe('Kerman, place');
  });
});
