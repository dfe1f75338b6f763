import { describe, expect, it } from 'vitest';
import { checkGarbleMark, type SentenceSpan } from './checks';

// Block 0: sentence 0 is offsets 0–60, sentence 1 is 60–120; the garbled words sit at 30–50.
const garbled: SentenceSpan[] = [{ block: 0, start: 30, end: 50, sentence: 0, lastSentence: 0 }];
const span = (start: number, end: number, sentence: number, lastSentence = sentence) => ({
  block: 0,
  start,
  end,
  sentence,
  lastSentence,
});

describe('checkGarbleMark', () => {
  it('asks a quote that stops just before the garbled words of its sentence to say so', () => {
    expect(checkGarbleMark('a', 'found that', {}, span(10, 29, 0), garbled)).toBe(
      'quotes a sentence of "a" that holds a garbled passage (“found that”); if the clause rests on any of the garbled words, quote them and mark the citation "garbled": true, and if it rests on the quoted words alone, mark it "besideGarbled": true',
    );
    expect(
      checkGarbleMark('a', 'found that', { besideGarbled: true }, span(10, 29, 0), garbled),
    ).toBeUndefined();
  });

  it('counts every sentence a quote runs over', () => {
    expect(checkGarbleMark('a', 'q', {}, span(55, 70, 0, 1), garbled)).toMatch(
      /holds a garbled passage/,
    );
    expect(checkGarbleMark('a', 'q', {}, span(65, 70, 1), garbled)).toBeUndefined();
  });

  it('asks a quote of the garbled words to be marked garbled, and only such a quote', () => {
    expect(checkGarbleMark('a', 'q', {}, span(25, 35, 0), garbled)).toMatch(
      /^quotes a garbled passage of "a"/,
    );
    expect(checkGarbleMark('a', 'q', { besideGarbled: true }, span(25, 35, 0), garbled)).toMatch(
      /^quotes a garbled passage of "a"/,
    );
    expect(checkGarbleMark('a', 'q', { garbled: true }, span(25, 35, 0), garbled)).toBeUndefined();
    expect(checkGarbleMark('a', 'q', { garbled: true }, span(65, 70, 1), garbled)).toBe(
      'is marked garbled, but “q” overlaps no garbled passage',
    );
  });

  it('refuses a mark that the sentence does not call for, or both marks at once', () => {
    expect(checkGarbleMark('a', 'q', { besideGarbled: true }, span(65, 70, 1), garbled)).toBe(
      'is marked "besideGarbled", but “q” shares no sentence with a garbled passage',
    );
    expect(
      checkGarbleMark('a', 'q', { garbled: true, besideGarbled: true }, span(25, 35, 0), garbled),
    ).toBe('is marked both "garbled" and "besideGarbled"');
  });

  it('looks only at garbled passages of the same block', () => {
    expect(
      checkGarbleMark('a', 'q', {}, { ...span(10, 29, 0), block: 1 }, garbled),
    ).toBeUndefined();
  });
});
