import { describe, expect, it } from 'vitest';
import { isWordChar } from '../text/normalize';
import { openTrie, packTrie, type TrieHit } from './trie';

/** What `scan` must find, by brute force: at each word start, the longest whole-word pattern. */
function reference(patterns: string[], text: string): TrieHit<number>[] {
  const hits: TrieHit<number>[] = [];
  let i = 0;
  while (i < text.length) {
    if (i > 0 && isWordChar(text[i - 1]) && isWordChar(text[i])) {
      i++;
      continue;
    }
    let best: TrieHit<number> | undefined;
    patterns.forEach((p, value) => {
      const end = i + p.length;
      if (p.length === 0 || !text.startsWith(p, i)) return;
      if (isWordChar(text[end - 1]) && isWordChar(text[end])) return;
      if (!best || end > best.end) best = { start: i, end, value };
    });
    if (best) {
      hits.push(best);
      i = best.end;
    } else i++;
  }
  return hits;
}

const trieOf = (patterns: string[]) => openTrie(packTrie(patterns), (i) => i);

describe('packed trie', () => {
  it('finds the longest whole-word pattern at each word start', () => {
    const patterns = ['isis', 'isis-k', 'islamic state', 'islamic state khorasan province', 'is'];
    const text = 'the islamic state khorasan province, isis-k, or isis; is this isis-kp?';
    expect(trieOf(patterns).scan(text)).toEqual(reference(patterns, text));
    expect(
      trieOf(patterns)
        .scan(text)
        .map((h) => patterns[h.value]),
    ).toEqual(['islamic state khorasan province', 'isis-k', 'isis', 'is', 'isis']);
  });

  it('agrees with brute force on random patterns and texts', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const letters = 'ab -é';
    const word = (max: number) =>
      Array.from({ length: 1 + Math.floor(random() * max) }, () =>
        letters.charAt(Math.floor(random() * letters.length)),
      ).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + Math.floor(random() * 8) }, () => word(5)).map(
        (p) => p.trim(),
      );
      const text = word(40);
      const unique = patterns.filter((p, i) => patterns.indexOf(p) === i);
      expect(trieOf(unique).scan(text)).toEqual(reference(unique, text));
    }
  });

  it('offers every value of a repeated pattern in the order given, to `accept`', () => {
    const trie = trieOf(['us', 'us', 'u']);
    expect(trie.scan('us', (value) => value !== 0)).toEqual([{ start: 0, end: 2, value: 1 }]);
  });

  it('makes each value once, when a page first meets its pattern', () => {
    const made: number[] = [];
    const trie = openTrie(packTrie(['kabul', 'kerman', 'moscow']), (i) => {
      made.push(i);
      return i;
    });
    trie.scan('kabul and kabul');
    expect(made).toEqual([0]);
  });

  it('skips empty patterns and keeps characters outside the Basic Multilingual Plane', () => {
    const patterns = ['', '𝔸bc', 'ab'];
    expect(trieOf(patterns).scan('𝔸bc ab')).toEqual([
      { start: 0, end: 4, value: 1 },
      { start: 5, end: 7, value: 2 },
    ]);
  });

  it('packs into JSON and back without change', () => {
    const packed = packTrie(['kerman', 'kabul', 'k']);
    const back = JSON.parse(JSON.stringify(packed)) as typeof packed;
    expect(back).toEqual(packed);
    expect(openTrie(back, (i) => i).scan('k kabul')).toEqual([
      { start: 0, end: 1, value: 2 },
      { start: 2, end: 7, value: 1 },
    ]);
  });
});
