import { categoryInfo } from '../catalog/category';
import { mentionSummary, type CardData, type CardSource } from './card-data';

/**
 * A card as plain text, line by line, in the order the card shows it: what a reviewer
 * re-audits (`npm run kb:review`) and what the per-card change report compares
 * (`npm run kb -- --diff`).
 */

function label(source: CardSource): string {
  const title = source.titleInSource ? `, “${source.title}”` : '';
  return `${source.credit} · ${source.kind} · ${source.date}${title}`;
}

function quoted(source: CardSource): string {
  return source.garbled === undefined
    ? `“${source.text}”`
    : `GARBLED “${source.text}” (appears to mean: ${source.garbled})`;
}

export function cardLines(card: CardData): string[] {
  const lines = [`${card.name} (${categoryInfo[card.category].label}, ${card.id})`];
  if (card.aliases.length > 0) lines.push(`Also: ${card.aliases.join(', ')}`);
  lines.push(`Description: ${card.description.map((d, i) => `${d.text} [${i + 1}]`).join(' ')}`);
  card.description.forEach((d, i) => {
    lines.push(`  [${i + 1}] ${label(d.cite)}: ${quoted(d.cite)}`);
  });
  if (card.sources.length > 0) lines.push('From the sources:');
  for (const s of card.sources) lines.push(`  - ${quoted(s)} (${label(s)})`);
  for (const claim of card.claims) {
    lines.push(
      `${claim.kind === 'spelling' ? 'Spelling note' : 'Sources differ'}: ${claim.subject}`,
    );
    if (claim.note) lines.push(`  Note: ${claim.note}`);
    for (const v of claim.versions) {
      lines.push(`  - ${v.value}`);
      for (const s of v.sources)
        lines.push(`      ${s.credit} · ${s.kind} · ${s.date}: ${quoted(s)}`);
    }
  }
  if (card.related.length > 0) lines.push(`Related: ${card.related.map((r) => r.name).join(', ')}`);
  lines.push(mentionSummary(card));
  return lines;
}

export interface CardChange {
  id: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** Lines prefixed "- " (gone) and "+ " (new), in card order. */
  lines: string[];
}

/** What changed per card between two sets of cards, by entity id. */
export function diffCards(before: readonly CardData[], after: readonly CardData[]): CardChange[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const now = new Map(after.map((c) => [c.id, c]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: CardChange[] = [];
  for (const id of ids) {
    const a = old.get(id);
    const b = now.get(id);
    if (!a && b) {
      changes.push({ id, name: b.name, change: 'added', lines: cardLines(b).map((l) => `+ ${l}`) });
    } else if (a && !b) {
      changes.push({ id, name: a.name, change: 'removed', lines: [] });
    } else if (a && b) {
      const la = cardLines(a);
      const lb = cardLines(b);
      const sa = new Set(la);
      const sb = new Set(lb);
      const lines = [
        ...la.filter((l) => !sb.has(l)).map((l) => `- ${l}`),
        ...lb.filter((l) => !sa.has(l)).map((l) => `+ ${l}`),
      ];
      if (lines.length > 0) changes.push({ id, name: b.name, change: 'changed', lines });
    }
  }
  return changes;
}

/** The change report as readable text. */
export function formatChanges(changes: readonly CardChange[]): string {
  if (changes.length === 0) return 'No card changed.';
  const counts = ['added', 'removed', 'changed'].map(
    (k) => `${changes.filter((c) => c.change === k).length} ${k}`,
  );
  const parts = changes.map((c) => [`## ${c.name} (${c.id}): ${c.change}`, ...c.lines].join('\n'));
  return [`Cards: ${counts.join(', ')}`, ...parts].join('\n\n');
}
