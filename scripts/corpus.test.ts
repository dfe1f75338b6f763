import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBlocks } from '../lib/corpus/blocks';
import { cleanSeed } from '../lib/build/clean-corpus';
import { CORPUS_DIR, SEEDS_DIR, readArticleMeta, readArticles } from './kb-files';

const metas = await readArticleMeta();

describe('the bundled corpus', () => {
  it.skipIf(!existsSync(SEEDS_DIR)).each(metas.map((m) => [m.id, m] as const))(
    '%s is exactly the cleaned seed (run `npm run corpus` after changing the cleaner)',
    async (_id, meta) => {
      const raw = await readFile(join(SEEDS_DIR, meta.seed), 'utf8');
      const shipped = await readFile(join(CORPUS_DIR, `${meta.id}.txt`), 'utf8');
      expect(shipped).toBe(formatBlocks(cleanSeed(raw, meta)));
    },
  );

  it.skipIf(!existsSync(SEEDS_DIR)).each(metas.map((m) => [m.id, m] as const))(
    '%s keeps every sentence of the seed that is not boilerplate',
    async (_id, meta) => {
      const raw = await readFile(join(SEEDS_DIR, meta.seed), 'utf8');
      const shipped = (await readFile(join(CORPUS_DIR, `${meta.id}.txt`), 'utf8')).replace(
        /\s+/g,
        ' ',
      );
      const seedWords = raw.match(/[\p{L}\p{N}]+/gu)!.length;
      const keptWords = shipped.match(/[\p{L}\p{N}]+/gu)!.length;
      // Boilerplate is a small share of each seed; the reporting is all there.
      expect(keptWords / seedWords).toBeGreaterThan(0.75);
      for (const line of raw.split('\n')) {
        const t = line.trim();
        if (t.split(/\s+/).length > 25 && !/^(Some of the posts|Nevertheless we find)/.test(t)) {
          expect(shipped, `a long paragraph went missing: ${t.slice(0, 60)}…`).toContain(
            t
              .replace(/^CNN — \(CNN\) — /, '')
              .replace(/^• /, '')
              .replace(/\s+/g, ' '),
          );
        }
      }
    },
  );

  it('parses into headings and paragraphs with sentences', async () => {
    const articles = await readArticles();
    expect(articles).toHaveLength(5);
    for (const a of articles) {
      expect(a.blocks.length).toBeGreaterThan(5);
      for (const b of a.blocks) expect(b.sentences.length).toBeGreaterThan(0);
    }
  });
});
