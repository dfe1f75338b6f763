/**
 * `npm run kb`: builds the knowledge base, prints what it holds, fails naming every problem.
 * `npm run kb -- --diff` also prints what changed on each card since the last build
 * (`generated/kb.json`), or since git HEAD's corpus and catalog when there is none;
 * `--diff=HEAD` always compares with git HEAD.
 */
import { cardsOf, previousCards, writeKnowledgeBase } from './kb-files';
import { diffCards, formatChanges } from '../lib/kb/card-text';

const diffArg = process.argv.slice(2).find((a) => a === '--diff' || a.startsWith('--diff='));

try {
  const before = diffArg ? await previousCards(diffArg === '--diff=HEAD') : undefined;
  const { kb, matcher } = await writeKnowledgeBase();
  const perCategory = new Map<string, number>();
  for (const e of kb.entities) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1);
  const claims = kb.entities.reduce((n, e) => n + e.claims.length, 0);
  console.log(
    `entities: ${kb.entities.length} (${[...perCategory].map(([c, n]) => `${c} ${n}`).join(', ')})`,
  );
  const supported = matcher.aliases.filter((a) => a[3] === 'supported').length;
  console.log(
    `aliases: ${matcher.aliases.length + kb.references.length} (strong ${matcher.aliases.length - supported}, supported ${supported}, corpus ${kb.references.length}); not-entity phrases: ${matcher.notEntities.length}`,
  );
  const perArticle = kb.articles.map(
    (a) => `${a.id} ${kb.mentions.filter((m) => m[1] === a.id).length}`,
  );
  console.log(
    `mentions in corpus: ${kb.mentions.length} (${perArticle.join(', ')}); claims: ${claims}`,
  );
  if (before) {
    console.log(`\nChanges since ${before.label}:\n`);
    console.log(formatChanges(diffCards(before.cards, cardsOf(kb))));
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
