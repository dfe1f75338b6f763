import { describe, expect, it } from 'vitest';
import { normalizeText } from '../lib/text/normalize';
import { runBuild } from './kb-files';

const result = await runBuild();
const { kb } = result;
const articleById = new Map(kb.articles.map((a) => [a.id, a]));

function blockText(article: string, block: number): string {
  return articleById.get(article)!.blocks[block]!.text;
}

describe('the knowledge base built from the real corpus and catalog', () => {
  it('builds without errors', () => {
    expect(result.errors).toEqual([]);
  });

  it('covers well over a hundred entities in at least five categories', () => {
    expect(kb.entities.length).toBeGreaterThan(100);
    const categories = new Set(kb.entities.map((e) => e.category));
    for (const c of ['person', 'group', 'organization', 'place', 'event'])
      expect(categories).toContain(c);
  });

  it('gives every entity a mention and a fully cited description', () => {
    for (const e of kb.entities) {
      expect(e.mentionCount, e.id).toBeGreaterThan(0);
      expect(e.description.length, e.id).toBeGreaterThan(0);
      expect(e.sources.length, e.id).toBeGreaterThan(0);
    }
  });

  it('resolves every citation to a passage that contains the quote', () => {
    const cites = kb.entities.flatMap((e) => [
      ...e.description.map((d) => d.cite),
      ...e.claims.flatMap((c) => c.versions.flatMap((v) => v.cites)),
    ]);
    expect(cites.length).toBeGreaterThan(kb.entities.length);
    for (const c of cites) {
      const block = normalizeText(blockText(c.article, c.block)).cased;
      expect(block, c.quote).toContain(normalizeText(c.quote).cased.trim());
    }
  });

  it('locates every mention at text that an alias of its entity matches', () => {
    for (const [entity, article, block, , start, end] of kb.mentions) {
      const text = blockText(article, block).slice(start, end);
      expect(text.length, `${entity} in ${article}`).toBeGreaterThan(1);
    }
    expect(kb.mentions.length).toBeGreaterThan(500);
  });

  it('picks source sentences that are distinct', () => {
    for (const e of kb.entities) {
      const keys = e.sources.map((s) => `${s.article}#${s.block}#${s.sentence}`);
      expect(new Set(keys).size, e.id).toBe(keys.length);
      expect(e.sources.length, e.id).toBeLessThanOrEqual(3);
    }
  });

  it.each([
    ['moscow-death-toll', ['115', 'At least 139', 'At least 140']],
    ['kerman-death-toll', ['90', '91', '94', '100']],
    ['kabul-airport-death-toll', ['More than 170', 'Nearly 200']],
    ['isis-k-strength', ['4,000–6,000', 'More than 6,500']],
    ['kurilla-first-name', ['Eric', 'Michael']],
    ['beslan-death-toll', ['334, including 186 children', 'Nearly 350']],
  ])('records the disagreement %s', (id, values) => {
    const claim = kb.entities.flatMap((e) => e.claims).find((c) => c.id === id);
    expect(claim, id).toBeDefined();
    expect(claim!.versions.map((v) => v.value)).toEqual(values);
  });

  it('is deterministic', async () => {
    expect(JSON.stringify((await runBuild()).kb)).toBe(JSON.stringify(kb));
  });
});
