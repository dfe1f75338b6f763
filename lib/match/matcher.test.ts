import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, loadMatcherData } from '../kb/load';
import { aliasesFromData, matcherFromData, withPackedTrie } from './data';
import { normalizeCased, normalizeFolded, normalizeText } from '../text/normalize';
import { createMatcher, type MatchAlias } from './matcher';

const strong = (
  text: string,
  entity: string,
  match: MatchAlias['match'] = 'plain',
): MatchAlias => ({
  text,
  entity,
  match,
  evidence: 'strong',
});

const aliases: MatchAlias[] = [
  { ...strong('ISIS', 'islamic-state'), evidence: 'supported' },
  strong('Islamic State of Iraq and Syria', 'islamic-state'),
  { ...strong('IS', 'islamic-state', 'acronym'), evidence: 'supported' },
  strong('ISIS-K', 'isis-k'),
  strong('ISK', 'isis-k', 'acronym'),
  strong('Islamic State Khorasan Province', 'isis-k'),
  strong('Daesh', 'islamic-state'),
  strong('Kerman', 'kerman'),
  strong('Taliban', 'taliban'),
  strong('Putin', 'vladimir-putin'),
  strong('Türkiye', 'turkey'),
  strong('Sanaullah Ghafari', 'sanaullah-ghafari'),
  { ...strong('Ghafari', 'sanaullah-ghafari'), evidence: 'supported' },
  strong('U.S.', 'united-states', 'acronym'),
  strong('US', 'united-states', 'acronym'),
  strong('UK', 'united-kingdom', 'acronym'),
  strong('America', 'united-states'),
  strong('Telegram', 'telegram', 'capitalized'),
  strong('Discord', 'discord', 'capitalized'),
  strong('Federal Security Service', 'fsb'),
  { ...strong('FSB', 'fsb', 'acronym'), evidence: 'supported' },
  { ...strong('SDF', 'syrian-democratic-forces', 'acronym'), evidence: 'supported' },
  { ...strong('the Moscow attack', 'crocus-city-hall-attack'), evidence: 'corpus' },
  strong('Moscow', 'moscow'),
];
const notEntities = ['South America', 'Bank of America', 'US$', 'Zimmermann Telegram'];
const matcher = createMatcher(aliases, notEntities);

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

  it('reports the evidence each alias needs', () => {
    const ms = matcher.findMentions('Ghafari met Sanaullah Ghafari in the Moscow attack');
    expect(ms.map((m) => m.evidence)).toEqual(['supported', 'strong', 'corpus', 'strong']);
  });

  it('finds the names inside a corpus reference too', () => {
    expect(found('after the Moscow attack')).toEqual(['the Moscow attack', 'Moscow']);
  });
});

describe('not-entity phrases', () => {
  it('win over the alias inside them and mark nothing', () => {
    expect(found('South America, the Bank of America and America')).toEqual(['America']);
    expect(found('It cost US$ 100 in the US')).toEqual(['US']);
    expect(found('The Zimmermann Telegram; on Telegram')).toEqual(['Telegram']);
  });
});

describe('acronyms in all-caps runs', () => {
  it('never match inside a run of capitals', () => {
    expect(found('CONTACT US | ABOUT US | FOLLOW US')).toEqual([]);
    expect(found('IT IS TIME')).toEqual([]);
    expect(found('ISIS, IS AND ISK')).toEqual(['ISIS']);
  });

  it('match where the run is itself names, and in ordinary text', () => {
    expect(found('US UK talks')).toEqual(['US', 'UK']);
    expect(found('IS had swept through Iraq, the US said')).toEqual(['IS', 'US']);
    expect(found('THE U.S. SAID')).toEqual(['U.S.']);
  });
});

describe('capitalized common words', () => {
  it('match only capitalized, and need support where capitals say nothing', () => {
    const evidence = (text: string) => matcher.findMentions(text).map((m) => m.evidence);
    expect(found('a telegram and some discord')).toEqual([]);
    expect(evidence('They posted on Telegram and Discord.')).toEqual(['strong', 'strong']);
    expect(evidence('Discord between the parties grew.')).toEqual(['supported']);
    expect(evidence('It ended. Telegram said nothing. “Discord” was the word')).toEqual([
      'supported',
      'supported',
    ]);
  });
});

describe('acronyms the text defines', () => {
  const redefined = (text: string) =>
    matcher.findMentions(text).map((m) => [text.slice(m.start, m.end), m.redefined]);

  it('flags an acronym spelled out as something else', () => {
    expect(redefined('the Institute for Science and International Security (ISIS) said')).toEqual([
      ['ISIS', true],
    ]);
    expect(redefined('the Financial Stability Board (FSB) met')).toEqual([['FSB', true]]);
    expect(redefined("Japan's Self-Defense Forces (SDF)")).toEqual([['SDF', true]]);
  });

  it('keeps one spelled out as our entity, or not spelled out at all', () => {
    expect(redefined('the Islamic State of Iraq and Syria (ISIS) said')).toEqual([
      ['Islamic State of Iraq and Syria', false],
      ['ISIS', false],
    ]);
    expect(redefined("Russia's Federal Security Service (FSB) said")).toEqual([
      ['Federal Security Service', false],
      ['FSB', false],
    ]);
    expect(redefined('the militant group (ISIS) said')).toEqual([['ISIS', false]]);
  });
});

describe('the shipped aliases, normalized', () => {
  it('have the forms normalizeText gives them, through the fast path for plain ASCII too', () => {
    const data = loadMatcherData();
    const texts = [...data.aliases.map(([text]) => text), ...data.notEntities];
    expect(texts.length).toBeGreaterThan(500);
    for (const text of texts) {
      const norm = normalizeText(text);
      expect([normalizeCased(text), normalizeFolded(text)], text).toEqual([
        norm.cased.trim(),
        norm.folded.trim(),
      ]);
    }
  });
});

describe('the shipped trie', () => {
  it('is the packing of the shipped aliases and not-entity phrases, in matcher order', () => {
    const data = loadMatcherData();
    const { trie, ...rest } = data;
    expect(trie).toEqual(withPackedTrie(rest).trie);
  });

  it('finds what a matcher built on the page from the same aliases finds, on corpus text', () => {
    const data = loadMatcherData();
    const shipped = matcherFromData(data);
    const fresh = createMatcher(aliasesFromData(data), data.notEntities);
    const kb = loadKnowledgeBase();
    for (const article of kb.articles) {
      const text = article.blocks.map((b) => b.text).join('\n');
      expect(shipped.findMentions(text)).toEqual(fresh.findMentions(text));
    }
  });
});
