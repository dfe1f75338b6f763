import { describe, expect, it } from 'vitest';
import type { Evidence } from '../catalog/schema';
import { applyEvidence, isBefore, type EntityTraits, type PageContext } from './evidence';

const traits: Record<string, EntityTraits> = {
  ghafari: { broad: false },
  'isis-k': { broad: false },
  taliban: { broad: false },
  russia: { broad: true },
  'gaza-war': { broad: false, date: '2023-10-07' },
};
let nextAlias = 0;
const aliasIds = new Map<string, number>();
const m = (entity: string, evidence: Evidence = 'strong', redefined = false, alias = entity) => ({
  entity,
  alias: aliasIds.get(alias) ?? aliasIds.set(alias, nextAlias++).get(alias)!,
  evidence,
  redefined,
  label: `${alias}${evidence === 'strong' ? '' : `:${evidence}`}`,
});
type M = ReturnType<typeof m>;
const judge = (mentions: M[], context: PageContext = { broadMode: 'topic' }) =>
  applyEvidence(mentions, (e: string) => traits[e]!, context).map((x) => x.label);

describe('applyEvidence', () => {
  it('needs a strong mention first for a supported one off topic', () => {
    const surname = () => m('ghafari', 'supported', false, 'Ghafari');
    expect(
      judge([surname(), m('ghafari', 'strong', false, 'Sanaullah Ghafari'), surname()]),
    ).toEqual(['Sanaullah Ghafari', 'Ghafari:supported']);
  });

  it('puts a page on topic with two specific entities, or three mentions of one', () => {
    const supported = m('ghafari', 'supported', false, 'Ghafari');
    expect(judge([supported, m('isis-k'), m('taliban')])).toHaveLength(3);
    expect(judge([supported, m('isis-k'), m('isis-k'), m('isis-k')])).toHaveLength(4);
    expect(judge([supported, m('isis-k'), m('isis-k')])).toHaveLength(2);
  });

  it('links broad entities on topic, always or never as the setting says', () => {
    const offTopic = [m('russia'), m('isis-k')];
    const onTopic = [m('russia'), m('isis-k'), m('taliban')];
    expect(judge(offTopic)).toEqual(['isis-k']);
    expect(judge(onTopic)).toEqual(['russia', 'isis-k', 'taliban']);
    expect(judge(offTopic, { broadMode: 'always' })).toEqual(['russia', 'isis-k']);
    expect(judge(onTopic, { broadMode: 'never' })).toEqual(['isis-k', 'taliban']);
  });

  it('does not link an event on a page dated before it, nor count it for the topic', () => {
    const page = [m('gaza-war'), m('isis-k')];
    expect(judge(page, { broadMode: 'topic', pageDate: '2014-07-08' })).toEqual(['isis-k']);
    expect(judge(page, { broadMode: 'topic', pageDate: '2024-03' })).toEqual([
      'gaza-war',
      'isis-k',
    ]);
    expect(judge(page, { broadMode: 'topic' })).toEqual(['gaza-war', 'isis-k']);
    expect(judge([...page, m('russia')], { broadMode: 'topic', pageDate: '2014' })).toEqual([
      'isis-k',
    ]);
  });

  it('drops every use of an acronym the page defines as something else', () => {
    const isis = (redefined = false) => m('isis-k', 'strong', redefined, 'ISK');
    expect(judge([isis(), isis(true), isis(), m('taliban')])).toEqual(['taliban']);
  });
});

describe('isBefore', () => {
  it('compares at the precision both dates give', () => {
    expect(isBefore('2014-07-08', '2023-10-07')).toBe(true);
    expect(isBefore('2024-03', '2024-03-22')).toBe(false);
    expect(isBefore('2024', '2023-10-07')).toBe(false);
    expect(isBefore('2023-10-06', '2023-10-07')).toBe(true);
  });
});
