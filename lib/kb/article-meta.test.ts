import { describe, expect, it } from 'vitest';
import { formatAuthors, formatDate } from './article-meta';

describe('formatDate', () => {
  it('writes month and day precision in words', () => {
    expect(formatDate('2024-03')).toBe('March 2024');
    expect(formatDate('2024-01-05')).toBe('5 January 2024');
  });

  it('leaves a date it cannot read as it is', () => {
    expect(formatDate('2024-13')).toBe('2024-13');
  });
});

describe('formatAuthors', () => {
  it('joins names as a sentence would', () => {
    expect(formatAuthors(['Baria Alamuddin'])).toBe('By Baria Alamuddin');
    expect(formatAuthors(['Dixon', 'Warrick'])).toBe('By Dixon and Warrick');
    expect(formatAuthors(['Dixon', 'Warrick', 'Mekhennet'])).toBe(
      'By Dixon, Warrick and Mekhennet',
    );
  });

  it('says when the text names no author', () => {
    expect(formatAuthors([])).toBe('Author not named');
  });
});
