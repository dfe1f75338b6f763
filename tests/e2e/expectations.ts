/**
 * Shared expectations of the e2e specs: the run-wide hygiene checks and a way to
 * tell which entity a highlighted range names (the project's own matcher over
 * the catalog, so the specs follow the catalog instead of copying it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createMatcher, type MatchAlias } from '../../lib/match/matcher';
import { ROOT } from '../support/paths';
import type { Harness } from './harness';
import { flat, type HighlightRange } from './highlights';

/** No console errors, no request off the fixture server, nothing unexplained off the machine. */
export function expectCleanRun(h: Harness): void {
  expect(h.consoleErrors, 'console errors').toEqual([]);
  expect(h.foreignRequests(), 'requests other than the fixture server and the extension').toEqual(
    [],
  );
  expect(h.unexplainedTraffic(), 'traffic that left the machine').toEqual([]);
}

/** Flattened, with dashes and quotes made ASCII: for comparing highlighted text. */
export function plainText(text: string): string {
  return flat(text)
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .normalize('NFC');
}

interface CatalogFile {
  entities?: { name: string; aliases?: { text: string; match?: MatchAlias['match'] }[] }[];
}

export interface EntityIndex {
  /** Canonical names of the entities one of whose aliases spans all of `text`. */
  entitiesOf(text: string): string[];
}

/**
 * Reads the curated catalog (assets/catalog/*.json; the canonical name is always
 * an alias too) into the project's own matcher.
 */
export function loadEntityIndex(): EntityIndex {
  const dir = join(ROOT, 'assets/catalog');
  const aliases: MatchAlias[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const catalog = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CatalogFile;
    for (const entity of catalog.entities ?? []) {
      aliases.push({ text: entity.name, entity: entity.name, match: 'plain', evidence: 'strong' });
      for (const alias of entity.aliases ?? []) {
        aliases.push({
          text: alias.text,
          entity: entity.name,
          match: alias.match ?? 'plain',
          evidence: 'strong',
        });
      }
    }
  }
  const matcher = createMatcher(aliases);
  return {
    entitiesOf(text) {
      const source = flat(text).replace(/['’]s$/, '');
      const whole = matcher
        .findMentions(source)
        .filter((m) => m.start === 0 && m.end === source.length)
        .map((m) => m.entity);
      return [...new Set(whole)].sort();
    },
  };
}

/** Ranges grouped by the entity they name; ranges naming no entity under ''. */
export function byEntity(index: EntityIndex, ranges: HighlightRange[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of ranges) {
    const key = index.entitiesOf(r.text).join(' | ');
    const list = groups.get(key) ?? [];
    list.push(`${r.name}: ${JSON.stringify(r.text)} in #${r.ids[0] ?? '?'}`);
    groups.set(key, list);
  }
  return groups;
}

/** Ranges whose neighbours are letters or digits: a word matched inside a longer word. */
export function partialWordRanges(ranges: HighlightRange[]): string[] {
  const word = /[\p{L}\p{N}]/u;
  return ranges
    .filter((r) => word.test(r.before) || word.test(r.after))
    .map((r) => `${r.before}[${r.text}]${r.after} in #${r.ids[0] ?? '?'}`);
}
