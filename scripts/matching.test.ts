/**
 * The shipped matcher and evidence policy on ordinary sentences: the demonstrated
 * false positives of the KB review (../shared/docs/kb-review.md §5, and the marks
 * reviewed wrong on real pages in issue 13) as negatives, and real forms as positives.
 */
import { describe, expect, it } from 'vitest';
import { matcherFromData, traitsFromData } from '../lib/match/data';
import { applyEvidence, type PageContext } from '../lib/match/evidence';
import { runBuild } from './kb-files';

const { matcher: data, kb } = await runBuild();
const matcher = matcherFromData(data);
const traits = traitsFromData(data);
const entityIndex = new Map(data.entities.map(([id], i) => [id, i]));

/** Every candidate the matcher finds, before the policy. */
const candidates = (text: string) => matcher.findMentions(text).map((m) => m.entity);

/** What a page with just this text links, by the shipped policy. */
function linked(text: string, context: PageContext = { broadMode: 'topic' }): string[] {
  const mentions = matcher
    .findMentions(text)
    .map((m) => ({ ...m, entity: entityIndex.get(m.entity)!, id: m.entity }));
  return applyEvidence(mentions, (i: number) => traits[i]!, context).map((m) => m.id);
}

describe('not-entity phrases and corpus-only references (never a candidate on a page)', () => {
  it.each([
    ['united-states', 'South America, Latin America and Central America'],
    ['united-states', 'Bank of America, Voice of America and Captain America'],
    ['united-states', 'INFOBAE AMÉRICA'],
    ['united-states', 'It cost US$ 100.'],
    ['washington', 'Denzel Washington and George Washington'],
    ['washington', 'Washington state, the State of Washington and the University of Washington'],
    ['new-york-city', 'The New York Times, the New York Post and New York magazine'],
    ['new-york-city', 'New York State'],
    ['us-congress', 'the Indian National Congress'],
    ['sinai-peninsula', 'Mount Sinai Hospital'],
    ['paris', 'The Paris Agreement; Paris Hilton'],
    ['rome', 'The Rome Statute'],
    ['vienna', 'The Vienna Convention'],
    ['niger', 'The Niger Delta and the Niger River'],
    ['kiev', 'Chicken Kiev'],
    ['united-states', 'USA Today'],
    ['jerusalem', 'The Jerusalem Post'],
    ['africa', 'South Africa and East Africa'],
    ['asia', 'East Asia, Southeast Asia and the Asia-Pacific Economic Cooperation'],
    ['france', 'Agence France-Presse, Radio France, France 5 and the Tour de France'],
    ['london', 'University College London and The London Gazette'],
    ['europe', 'Mozilla Europe'],
    ['gaza', 'A third of Gaza City damaged or destroyed'],
    ['kremlin', 'The Grand Kremlin Palace, left'],
    ['london', 'the Geological Society of London'],
    ['london', 'London, Ontario'],
    ['paris', 'it is compatible with the Paris treaty; the Treaty of Paris of 1783'],
    ['new-york-city', 'A New York man pleaded guilty; a New York woman was charged'],
    ['asia', 'a researcher at Greenpeace East Asia'],
    ['taliban', 'groups like the Tehrik-e-Taliban Pakistan (TTP)'],
    ['europe', 'Sie spielen in der Europa League.'],
    ['china', 'Mozilla China'],
    ['turkey', 'a Thanksgiving turkey; quitting cold turkey'],
    ['islamic-state', 'the goddess Isis; Isis Pharmaceuticals'],
    ['levant', 'Sham Shui Po'],
    ['telegram', 'The Zimmermann Telegram'],
    ['gaza-war', 'the 2014 Gaza war'],
    ['october-7-attack', 'On October 7, 2019, the deadline was Oct. 7.'],
    ['october-7-attack', 'The Hamas attack on Israeli towns in 2008'],
    [
      'crocus-city-hall-attack',
      'The Moscow attack by Ukrainian drones; Moscow attacks on Kyiv continued',
    ],
    ['us-election-2024', 'The U.S. election of 2020'],
    ['russia-ukraine-war', 'Russia’s invasion of Georgia in 2008'],
    ['gaza-war', 'The situation in Gaza in 2014'],
    ['quran-burnings-sweden', 'A Quran burning in Denmark'],
    ['arras-school-stabbing', 'A man fatally stabbed a teacher in Ohio on Monday.'],
    ['paris-eiffel-tower-stabbing', 'He fatally stabbed a German tourist.'],
    ['moscow-metro-bombings', 'Three deadly suicide bombings hit Baghdad in 2007.'],
    ['barisha-raid', 'A U.S. Special Forces raid in Syria killed al-Qurashi in 2022.'],
    ['iskp-network-arrests-july-2023', 'Seven men were arrested in Germany after a brawl.'],
    ['swedish-parliament-plot', 'Two Afghan nationals were detained in Germany for shoplifting.'],
    [
      'jalal-abad-new-year-plot',
      'A plan to attack a central square and church in Manila was foiled.',
    ],
    ['bajaur-rally-bombing', 'A bomb attack on an election rally in Peshawar'],
    ['kerman-bombings', 'twin bombings in Iran; a mass-fatality attack in Iran in 2022'],
    ['sahel-coups', 'a flurry of military coups in Latin America'],
    ['pakistan-election-2024', 'Pakistan’s recent elections in 2029'],
    ['kill-them-wherever-you-find-them-campaign', 'a 10-day campaign this January'],
    ['kabul-airport-bombing', 'Crocus was the most notorious attack by ISIS-K'],
    ['kandahar-suicide-bombing', 'He detonated an explosive belt among Taliban militia in Kunduz'],
    ['cologne-vienna-cathedral-plot', 'a coordinated series of raids across Europe by Europol'],
    ['moscow-synagogue-plot', 'an attack on a Moscow synagogue in 1999'],
    ['khorasan', 'Mashhad, capital of Razavi Khorasan; North Khorasan and South Khorasan'],
    ['cologne', 'A bottle of Eau de Cologne; he wore too much cologne.'],
    ['world-war-ii', 'Russia’s fight against Nazi Germany'],
  ])('%s is not a candidate in “%s”', (entity, text) => {
    expect(candidates(text)).not.toContain(entity);
  });
});

describe('aliases that need support (not linked on a page on another subject)', () => {
  it.each([
    ['united-states', 'CONTACT US | ABOUT US | FOLLOW US'],
    ['us-congress', 'Congress leader Rahul Gandhi spoke.'],
    ['islamic-state', 'The Institute for Science and International Security (ISIS) said'],
    ['ctc-sentinel', 'The Sentinel reported that the sentinel stood guard.'],
    ['abdul-basit', 'Pakistan’s former envoy Abdul Basit'],
    ['fsb', 'The Financial Stability Board (FSB) said'],
    ['fsb', 'FSB chair Klaas Knot'],
    ['observer-research-foundation', 'Austria’s public broadcaster ORF'],
    ['syrian-democratic-forces', 'Japan’s Self-Defense Forces (SDF)'],
    ['isis-k', 'It costs ISK 12,000.'],
    ['hamid-karzai-international-airport', 'Hong Kong International Airport (HKIA)'],
    ['combating-terrorism-center', 'The CIA’s Counterterrorism Center'],
    ['wilson-center-south-asia-institute', 'Harvard’s South Asia Institute'],
    ['levant', 'A Sham Election'],
    ['telegram', 'Telegram is a messaging app.'],
    ['discord', 'Discord between the parties grew.'],
    ['bashar-al-assad', 'Hafez al-Assad ruled until 2000; Assad died that year.'],
    ['joe-biden', 'Hunter Biden was pardoned.'],
    ['gaza-war', 'The Gaza conflict of 2014'],
    [
      'and-kill-them-wherever-you-find-them',
      'Then seize them and kill them wherever you find them (Quran 4:89)',
    ],
    ['quran', 'Muslims read the Quran daily.'],
    ['brussels', 'Brussels wants member states to act.'],
    ['islamic-state', 'IS IT TRUE? IS had nothing to do with it.'],
    ['khorasan', 'Saffron from Khorasan is prized.'],
    ['cologne', 'Cologne won the match; the Cologne carnival began.'],
    ['world-war-ii', 'My grandfather served in World War II.'],
    ['biden-administration', 'The Biden administration raised tariffs on steel.'],
    ['us-special-forces', 'U.S. Special Forces trained troops in Colombia.'],
  ])('%s is not linked in “%s”', (entity, text) => {
    expect(linked(text)).not.toContain(entity);
  });

  it('links broad entities on a page about the corpus’s subjects, and by the setting', () => {
    const onTopic = 'ISIS-K claimed the attack; the Taliban denied it. Russia and the US said so.';
    expect(linked(onTopic)).toEqual(['isis-k', 'taliban', 'russia', 'united-states']);
    expect(linked('Russia and the US said so.')).toEqual([]);
    expect(linked('Russia and the US said so.', { broadMode: 'always' })).toEqual([
      'russia',
      'united-states',
    ]);
  });

  it('links an event only on a page dated after it', () => {
    const text = 'Hamas and Israel: the Israel-Hamas war and the Taliban.';
    expect(linked(text, { broadMode: 'topic', pageDate: '2014-07-10' })).not.toContain('gaza-war');
    expect(linked(text, { broadMode: 'topic', pageDate: '2024-08-08' })).toContain('gaza-war');
  });
});

describe('real forms', () => {
  it.each([
    ['islamic-state', 'The Islamic State grew. By 2014 IS had swept through Iraq.'],
    ['islamic-state', 'ISIS-K and the Taliban fought ISIS.'],
    ['sanaullah-ghafari', 'Sanaullah Ghafari leads the group.'],
    ['isis-k', 'Der Islamische Staat Provinz Khorasan (ISPK) bekannte sich.'],
    ['islamic-state', 'Anhänger des Islamischen Staates und der Taliban'],
    ['russia', 'El Estado Islámico atacó Rusia; ISIS-K y los talibanes.'],
    ['ukraine', 'La guerra in Ucraina e lo Stato Islamico: Hamas, Hamas, Hamas.'],
    ['turkey', 'Syrien und die Türkei: der Islamische Staat, Hamas und die Taliban.'],
    ['crocus-city-hall', 'Gunmen attacked Crocus City Hall near Moscow.'],
    ['khorasan', 'ISIS-K takes its name from Khorasan; the Taliban rule Afghanistan.'],
    ['cologne', 'ISIS-K supporters plotted in Cologne, the Taliban said.'],
    ['world-war-ii', 'Putin invoked World War II after ISIS-K and the Taliban were named.'],
    ['biden-administration', 'The Biden administration said ISIS-K and the Taliban were enemies.'],
    ['us-special-forces', 'U.S. Special Forces raided an ISIS-K cell; the Taliban objected.'],
  ])('%s is linked in “%s”', (entity, text) => {
    expect(linked(text)).toContain(entity);
  });

  it('matches corpus-only references in the bundled articles', () => {
    const references = new Set(kb.references.map(([text]) => text));
    expect(references).toContain('fatally stabbed a teacher');
    expect(references).toContain('October 7');
    const reader = kb.mentions.filter(([entity]) => entity === 'arras-school-stabbing');
    expect(reader.length).toBeGreaterThan(0);
  });
});
