import { describe, expect, it } from 'vitest';
import { normalizeCased, normalizeFolded, normalizeText } from './normalize';

describe('normalizeText', () => {
  it('folds case, diacritics, quotes, dashes and spaces, keeping offsets', () => {
    const source = 'Türkiye’s “IS‑K” — Fitton–Brown\u00a0said';
    const n = normalizeText(source);
    expect(n.folded).toBe('turkiye\'s "is-k" - fitton-brown said');
    expect(n.cased).toBe('Turkiye\'s "IS-K" - Fitton-Brown said');
    expect(n.folded.length).toBe(n.cased.length);
    const at = n.folded.indexOf('fitton');
    expect(source.slice(n.origin[at], n.origin[at + 'fitton-brown'.length])).toBe('Fitton–Brown');
  });

  it('drops soft hyphens and zero-width characters', () => {
    const n = normalizeText('Gha\u00adfa\u200bri');
    expect(n.folded).toBe('ghafari');
    expect(Array.from(n.origin)).toEqual([0, 1, 2, 4, 5, 7, 8, 9]);
  });

  it('collapses whitespace runs, including newlines and no-break spaces', () => {
    expect(normalizeText('Sanaullah \n\u00a0\u2009 Ghafari').folded).toBe('sanaullah ghafari');
  });
});

describe('normalizeCased and normalizeFolded', () => {
  const slow = (text: string) => {
    const norm = normalizeText(text);
    return { cased: norm.cased.trim(), folded: norm.folded.trim() };
  };
  const forms = (text: string) => ({ cased: normalizeCased(text), folded: normalizeFolded(text) });

  it('normalize what plain ASCII does not cover: runs of spaces, tabs, backticks, curly quotes, accents', () => {
    for (const text of [
      'Islamic  State',
      ' ISIS-K ',
      'al\tQaeda',
      '`Daesh`',
      'Daesh’s',
      'Tadjikistan – Dushanbe',
      'Crocus City Hall',
      'São Paulo',
      'x',
    ]) {
      expect(forms(text), text).toEqual(slow(text));
    }
    expect(normalizeFolded('Islamic  State')).toBe('islamic state');
    expect(normalizeCased('`Daesh`')).toBe("'Daesh'");
  });
});
