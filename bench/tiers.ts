/** The static tiers: generated news pages of 50 kB to 5 MB of text, and how each is run. */
import type { BenchOptions } from './cli';
import { generatePage, type Corpus, type GeneratedPage } from './pages';

export interface Tier {
  key: string;
  label: string;
  chars: number;
  runs: number;
  /** The TBT window runs from navigation start to load + windowMs; it must outlast indexing. */
  windowMs: number;
  markjsRuns: number;
  markjsRegexRuns: number;
}

const TIERS: Tier[] = [
  {
    key: '50k',
    label: '50 kB',
    chars: 50_000,
    runs: 3,
    windowMs: 1_000,
    markjsRuns: 3,
    markjsRegexRuns: 3,
  },
  {
    key: '300k',
    label: '300 kB',
    chars: 300_000,
    runs: 3,
    windowMs: 1_500,
    markjsRuns: 1,
    markjsRegexRuns: 1,
  },
  {
    key: '1M',
    label: '1 MB',
    chars: 1_000_000,
    runs: 3,
    windowMs: 2_500,
    markjsRuns: 1,
    markjsRegexRuns: 1,
  },
  {
    key: '5M',
    label: '5 MB',
    chars: 5_000_000,
    runs: 3,
    windowMs: 6_000,
    markjsRuns: 0,
    markjsRegexRuns: 0,
  },
];

/** The tiers `--tiers` names (all by default), with `--runs` and the mark.js options applied. */
export function selectTiers(options: BenchOptions): Tier[] {
  const unknown = options.tiers?.filter((key) => !TIERS.some((t) => t.key === key)) ?? [];
  if (unknown.length > 0) {
    throw new Error(
      `--tiers: no tier ${unknown.join(', ')} (there are ${TIERS.map((t) => t.key).join(', ')})`,
    );
  }
  const markjs = (t: Tier, runs: number) =>
    !options.markjs ? 0 : t.key === '5M' && options.markjs5m ? 1 : runs;
  return TIERS.filter((t) => !options.tiers || options.tiers.includes(t.key)).map((t) => ({
    ...t,
    runs: options.runs ?? t.runs,
    markjsRuns: markjs(t, t.markjsRuns),
    markjsRegexRuns: markjs(t, t.markjsRegexRuns),
  }));
}

/** Each tier's page, seeded by its place among the tiers run, so every run serves the same bytes. */
export function tierPages(corpus: Corpus, tiers: Tier[]): { tier: Tier; page: GeneratedPage }[] {
  return tiers.map((tier, i) => ({ tier, page: generatePage(corpus, tier.chars, 20240322 + i) }));
}
