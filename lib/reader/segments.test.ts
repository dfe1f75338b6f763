import { describe, expect, it } from 'vitest';
import { sentenceSegments } from './segments';

describe('sentenceSegments', () => {
  it('keeps the text between sentences as unnumbered segments', () => {
    const text = 'First one.  Second one. Tail';
    const segments = sentenceSegments({
      kind: 'paragraph',
      text,
      sentences: [
        [0, 10],
        [12, 23],
      ],
    });
    expect(segments).toEqual([
      { text: 'First one.', sentence: 0 },
      { text: '  ' },
      { text: 'Second one.', sentence: 1 },
      { text: ' Tail' },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('gives a heading one sentence', () => {
    expect(sentenceSegments({ kind: 'heading', text: 'Heading', sentences: [[0, 7]] })).toEqual([
      { text: 'Heading', sentence: 0 },
    ]);
  });
});
