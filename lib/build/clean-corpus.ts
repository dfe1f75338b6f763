import type { ArticleMeta, BlockKind } from '../corpus/schema';

/**
 * Turns a raw seed (a news article as scraped from a repost site) into the text
 * Backstory ships: the reporting, every sentence of it, without the site's chrome.
 */

export interface CleanBlock {
  kind: BlockKind;
  text: string;
}

/** Lines that are site chrome wherever they appear. */
const BOILERPLATE_LINES: RegExp[] = [
  /^\[ad_\d+\]$/i,
  /^source link$/i,
  /^source\s*»/i,
  /^source:.*read the original article here/i,
  /^(?:related|recent) articles$/i,
  /^view \d+ comments?$/i,
  /^buy me a coffee$/i,
  /all rights reserved\.?$/i,
  /^https?:\/\/\S+$/i,
];

/** "29.6 C" followed by a city: a weather widget. */
const WEATHER_READING = /^-?\d+(?:\.\d+)?\s*°?\s*[CF]$/;
const DISCLAIMER_START = /^disclaimer$/i;
const DISCLAIMER_END = /^we would be glad to have your feedback\.?$/i;
/** "CNN — (CNN) — " before the first sentence. */
const WIRE_DATELINE = /^(?:[A-Z][\w ]*\s*[—–-]\s*)?\(CNN\)\s*[—–-]\s*/;
const BULLET = /^[•·▪◦]\s*/;
const TERMINAL = /[.!:;,…]["”’)\]]*$/;

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A standalone line whose words all but repeat a longer paragraph's: a pull quote. */
function isPullQuote(line: string, others: readonly string[]): boolean {
  const own = new Set(words(line));
  if (own.size < 6) return false;
  return others.some((other) => {
    if (other === line || other.length <= line.length * 0.9) return false;
    const theirs = new Set(words(other));
    let shared = 0;
    for (const w of own) if (theirs.has(w)) shared++;
    return shared / own.size >= 0.85;
  });
}

function isHeading(line: string): boolean {
  return words(line).length <= 10 && !TERMINAL.test(line);
}

export function cleanSeed(raw: string, meta: Pick<ArticleMeta, 'title' | 'authors'>): CleanBlock[] {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (WEATHER_READING.test(line)) {
      i++;
      continue;
    }
    if (DISCLAIMER_START.test(line)) {
      const end = lines.findIndex((l, k) => k > i && DISCLAIMER_END.test(l));
      if (end > i) i = end;
      continue;
    }
    if (BOILERPLATE_LINES.some((re) => re.test(line))) continue;
    if (line === meta.title || meta.authors.includes(line)) continue;
    kept.push(line.replace(WIRE_DATELINE, '').replace(BULLET, ''));
  }

  return kept
    .filter((line, _i, all) => !isPullQuote(line, all))
    .map((text) => ({ kind: isHeading(text) ? 'heading' : 'paragraph', text }));
}
