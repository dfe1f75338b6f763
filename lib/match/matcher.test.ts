import { describe, expect, it } from 'vitest';
import { applySurnameRule, createMatcher, type MatchAlias } from './matcher';

const aliases: MatchAlias[] = [
  { text: 'ISIS', entity: 'islamic-state', match: 'plain' },
  { text: 'ISIS-K', entity: 'isis-k', match: 'plain' },
  { text: 'ISK', entity: 'isis-k', match: 'acronym' },
  { text: 'Islamic State Khorasan Province', entity: 'isis-k', match: 'plain' },
  { text: 'Daesh', entity: 'islamic-state', match: 'plain' },
  { text: 'Kerman', entity: 'kerman', match: 'plain' },
  { text: 'Taliban', entity: 'taliban', match: 'plain' },
  { text: 'Putin', entity: 'vladimir-putin', match: 'plain' },
  { text: 'Türkiye', entity: 'turkey', match: 'plain' },
  { text: 'Sanaullah Ghafari', entity: 'sanaullah-ghafari', match: 'plain' },
  { text: 'Ghafari', entity: 'sanaullah-ghafari', match: 'surname' },
  { text: 'U.S.', entity: 'united-states', match: 'acronym' },
];
const matcher = createMatcher(aliases);

function found(text: string): string[] {
  return matcher.findMentions(text).map((m) => text.slice(m.start, m.end));
}

describe('findMentions', () => {
  it('matches whole words only', () => {
    expect(found('the risk of Kermanshah, Talibanization and ISKCON')).toEqual([]);
    expect(found('Kerman, the Taliban')).toEqual(['Kerman', 'Taliban']);
  });

  it('prefers the longest alias at a position', () => {
    expect(found('ISIS-K and ISIS')).toEqual(['ISIS-K', 'ISIS']);
    expect(found('the Islamic State Khorasan Province said')).toEqual([
      'Islamic State Khorasan Province',
    ]);
  });

  it('treats hyphenated compounds as separate words', () => {
    expect(found('ISIS-linked, Daesh-claimed')).toEqual(['ISIS', 'Daesh']);
  });

  it('matches acronyms case-sensitively and plain aliases in any case', () => {
    expect(found('ISK and isk and Isk')).toEqual(['ISK']);
    expect(found('isis and Isis')).toEqual(['isis', 'Isis']);
  });

  it('matches possessives', () => {
    expect(found("Putin’s war and Daesh’s propaganda and Putin's")).toEqual([
      'Putin',
      'Daesh',
      'Putin',
    ]);
  });

  it('ignores diacritics, dash variants, no-break spaces and soft hyphens', () => {
    expect(found('Turkiye and TÜRKIYE')).toEqual(['Turkiye', 'TÜRKIYE']);
    expect(found('ISIS\u2011K, ISIS–K and ISIS\u2014K')).toEqual([
      'ISIS\u2011K',
      'ISIS–K',
      'ISIS\u2014K',
    ]);
    expect(found('Sanaullah\u00a0Gha\u00adfari')).toEqual(['Sanaullah\u00a0Gha\u00adfari']);
    expect(found('Islamic\u00a0State \n Khorasan  Province')).toEqual([
      'Islamic\u00a0State \n Khorasan  Province',
    ]);
  });

  it('matches aliases ending in a period', () => {
    expect(found('the U.S. said')).toEqual(['U.S.']);
  });

  it('flags surname-only matches as weak', () => {
    const ms = matcher.findMentions('Ghafari met Sanaullah Ghafari; Ghafari left');
    expect(ms.map((m) => m.weak)).toEqual([true, false, true]);
  });
});

describe('applySurnameRule', () => {
  it('keeps a surname only after the full name', () => {
    const text = 'Ghafari met Sanaullah Ghafari; Ghafari left';
    const kept = applySurnameRule(matcher.findMentions(text), new Set());
    expect(kept.map((m) => text.slice(m.start, m.end))).toEqual(['Sanaullah Ghafari', 'Ghafari']);
  });

  it('carries state across calls for one page', () => {
    const seen = new Set<string>();
    applySurnameRule(matcher.findMentions('Sanaullah Ghafari'), seen);
    expect(applySurnameRule(matcher.findMentions('Ghafari'), seen)).toHaveLength(1);
  });
});
