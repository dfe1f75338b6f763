/**
 * Regenerates assets/corpus/<id>.txt from the raw seeds in ../shared/seeds.
 * Run after changing the cleaner or the article metadata: `npm run corpus`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanSeed } from '../lib/build/clean-corpus';
import { formatBlocks } from '../lib/corpus/blocks';
import { CORPUS_DIR, SEEDS_DIR, readArticleMeta } from './kb-files';

for (const meta of await readArticleMeta()) {
  const raw = await readFile(join(SEEDS_DIR, meta.seed), 'utf8');
  const out = join(CORPUS_DIR, `${meta.id}.txt`);
  await writeFile(out, formatBlocks(cleanSeed(raw, meta)));
  console.log(`wrote ${out}`);
}
