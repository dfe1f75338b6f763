import { describe, expect, test } from 'vitest';
import type { KbClaim } from '../kb/schema';
import { loadKnowledgeBase } from '../kb/load';
import { claimPattern, figuresIn, findClaimValues } from './claims';

const kb = loadKnowledgeBase();
const claimById = (id: string): KbClaim =>
  kb.entities.flatMap((e) => e.claims).find((c) => c.id === id)!;
const ref = { article: 'lib-test01', block: 0, sentence: 0 };
const values = (id: string, text: string) =>
  findClaimValues(claimById(id), [{ ref, text }]).map(({ version, value }) => ({ version, value }));

describe('figures', () => {
  test('reads qualifiers, thousands and ranges, and skips years and percentages', () => {
    expect(
      figuresIn('In 2024 at least 1,200 died, between 4,000 and 6,000 fled and 40% stayed.').map(
        (f) => f.value,
      ),
    ).toEqual(['At least 1,200', '4,000–6,000']);
  });
});

describe('claim values in the library', () => {
  test('learns the quantity words of the recorded versions', () => {
    expect([...claimPattern(claimById('moscow-death-toll'))!.words].sort()).toEqual(['kill']);
    expect(claimPattern(claimById('isis-k-strength'))!.words).toContain('fighter');
    // Names, not figures: not looked for.
    expect(claimPattern(claimById('kurilla-name-spelling'))).toBeUndefined();
  });

  test('a new death toll is a new value; a recorded one supports its version', () => {
    expect(
      values('moscow-death-toll', 'The assault on Crocus City Hall killed 145 people.'),
    ).toEqual([{ version: undefined, value: '145' }]);
    expect(
      values('moscow-death-toll', 'Gunmen stormed the hall, killing at least 139 concertgoers.'),
    ).toEqual([{ version: 1, value: 'At least 139' }]);
  });

  test('a new strength figure next to “fighters”', () => {
    expect(values('isis-k-strength', 'ISIS-K is thought to have about 2,000 fighters.')).toEqual([
      { version: undefined, value: 'About 2,000' },
    ]);
  });

  test('numbers that are not the quantity are left alone', () => {
    expect(
      values('moscow-death-toll', 'More than 360 people were wounded at Crocus City Hall.'),
    ).toEqual([]);
    expect(
      values('moscow-death-toll', 'Crocus City Hall seats 6,200, and 11 suspects were held.'),
    ).toEqual([]);
    expect(values('moscow-death-toll', 'It killed many; 2024, wounding 500.')).toEqual([]);
  });
});
