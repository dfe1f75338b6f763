/** Fixture recall as text: a table per page and per set, and one line per miss. */
import { fixtureSets, RECALL_TARGETS, type FixtureSet } from './labels';
import { recallOf, type PageResult } from './measure';

const percent = (share: number) => `${(100 * share).toFixed(1)} %`;

export function setRecall(results: readonly PageResult[], set: FixtureSet) {
  return recallOf(results.filter((p) => p.set === set).flatMap((p) => p.results));
}

export function recallTable(results: readonly PageResult[]): string[] {
  const lines = [
    '| Page | Set | Listed | Indexed | Recall |',
    '| ---- | --- | -----: | ------: | -----: |',
  ];
  for (const p of results) {
    const r = recallOf(p.results);
    const share = r.expected > 0 ? percent(r.share) : '–';
    lines.push(`| ${p.page} | ${p.set} | ${r.expected} | ${r.found} | ${share} |`);
  }
  for (const set of fixtureSets) {
    const r = setRecall(results, set);
    lines.push(
      `| **${set}** (target ${percent(RECALL_TARGETS[set])}) | | **${r.expected}** | **${r.found}** | **${percent(r.share)}** |`,
    );
  }
  return lines;
}

/** Each listed mention the extension does not index, with what it marks there instead. */
export function missLines(results: readonly PageResult[]): string[] {
  return results
    .flatMap((p) => p.results)
    .filter((r) => !r.found)
    .map((m) => {
      const there = m.marked.map((x) => `“${x.text}” (${x.entities.join(' + ') || '?'})`);
      const why = m.problem
        ? ` — label problem: ${m.problem}`
        : there.length > 0
          ? ` — marked instead: ${there.join(', ')}`
          : '';
      return `${m.page}: ${m.entity}: ${m.before}[${m.text}]${m.after}${why}`;
    });
}
