/** `npm run kb`: builds the knowledge base, prints what it holds, fails naming every problem. */
import { writeKnowledgeBase } from './kb-files';

try {
  const { kb, matcher } = await writeKnowledgeBase();
  const perCategory = new Map<string, number>();
  for (const e of kb.entities) perCategory.set(e.category, (perCategory.get(e.category) ?? 0) + 1);
  const claims = kb.entities.reduce((n, e) => n + e.claims.length, 0);
  console.log(
    `entities: ${kb.entities.length} (${[...perCategory].map(([c, n]) => `${c} ${n}`).join(', ')})`,
  );
  console.log(
    `aliases: ${matcher.aliases.length}; mentions in corpus: ${kb.mentions.length}; claims: ${claims}`,
  );
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
