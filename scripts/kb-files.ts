/**
 * File-system side of the knowledge-base build: where the corpus, catalog and
 * generated files live, and the step that writes them. The logic is in lib/kb.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBlocks } from '../lib/corpus/blocks';
import { articleMetaListSchema, type Article, type ArticleMeta } from '../lib/corpus/schema';
import {
  buildKnowledgeBase,
  type BuildResult,
  type CatalogInput,
} from '../lib/build/knowledge-base';
import { describeIssues } from '../lib/kb/issues';
import { knowledgeBaseSchema, matcherDataSchema, type KnowledgeBase } from '../lib/kb/schema';
import { toCardData, type CardData } from '../lib/kb/card-data';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(ROOT, 'assets/corpus');
export const CATALOG_DIR = join(ROOT, 'assets/catalog');
export const GENERATED_DIR = join(ROOT, 'generated');
export const SEEDS_DIR = resolve(ROOT, '../shared/seeds');

export async function readArticleMeta(): Promise<ArticleMeta[]> {
  const file = join(CORPUS_DIR, 'articles.json');
  const parsed = articleMetaListSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${relative(ROOT, file)} is invalid:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}

export async function readArticles(): Promise<Article[]> {
  const metas = await readArticleMeta();
  return Promise.all(
    metas.map(async (meta) => ({
      ...meta,
      blocks: parseBlocks(await readFile(join(CORPUS_DIR, `${meta.id}.txt`), 'utf8')),
    })),
  );
}

export async function readCatalog(): Promise<CatalogInput[]> {
  const names = (await readdir(CATALOG_DIR)).filter((n) => n.endsWith('.json')).sort();
  return Promise.all(
    names.map(async (name) => {
      const file = relative(ROOT, join(CATALOG_DIR, name));
      const text = await readFile(join(CATALOG_DIR, name), 'utf8');
      try {
        return { file, data: JSON.parse(text) as unknown };
      } catch (e) {
        return { file, data: { invalidJson: (e as Error).message } };
      }
    }),
  );
}

export async function runBuild(): Promise<BuildResult> {
  return buildKnowledgeBase(await readArticles(), await readCatalog());
}

/** Builds the KB and writes generated/{kb,matcher}.json; throws, listing every error, if invalid. */
export async function writeKnowledgeBase(): Promise<BuildResult> {
  const result = await runBuild();
  if (result.errors.length > 0) {
    throw new Error(
      `Knowledge base build failed with ${result.errors.length} error(s):\n${result.errors.map((e) => `  - ${e}`).join('\n')}`,
    );
  }
  // The extension trusts the bundled matcher data without checking it in every page: check it here.
  const matcher = matcherDataSchema.safeParse(result.matcher);
  if (!matcher.success) {
    throw new Error(
      `Knowledge base build made matcher data its schema rejects:\n${describeIssues(matcher.error.issues)}`,
    );
  }
  await mkdir(GENERATED_DIR, { recursive: true });
  await writeFile(join(GENERATED_DIR, 'kb.json'), JSON.stringify(result.kb));
  await writeFile(join(GENERATED_DIR, 'matcher.json'), JSON.stringify(result.matcher));
  return result;
}

/** Every card of a KB, as the extension shows it. */
export function cardsOf(kb: KnowledgeBase): CardData[] {
  return kb.entities.flatMap((e) => toCardData(kb, e.id) ?? []);
}

const git = promisify(execFile);

/** The catalog files as committed at git HEAD. */
async function readHeadCatalog(): Promise<CatalogInput[]> {
  const { stdout } = await git('git', ['ls-tree', '--name-only', 'HEAD', 'assets/catalog/'], {
    cwd: ROOT,
  });
  const files = stdout.split('\n').filter((f) => f.endsWith('.json'));
  return Promise.all(
    files.map(async (file) => {
      const { stdout: text } = await git('git', ['show', `HEAD:${file}`], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { file, data: JSON.parse(text) as unknown };
    }),
  );
}

/**
 * The cards to compare a new build with: the last generated KB, or (when there is none,
 * it is from an older format, or `fromHead`) git HEAD's catalog built over the current corpus.
 */
export async function previousCards(
  fromHead: boolean,
): Promise<{ label: string; cards: CardData[] }> {
  if (!fromHead) {
    try {
      const text = await readFile(join(GENERATED_DIR, 'kb.json'), 'utf8');
      const parsed = knowledgeBaseSchema.safeParse(JSON.parse(text));
      if (parsed.success) return { label: 'the last build', cards: cardsOf(parsed.data) };
    } catch {
      // No previous build: compare with git HEAD below.
    }
  }
  const result = buildKnowledgeBase(await readArticles(), await readHeadCatalog());
  const label =
    result.errors.length > 0
      ? `git HEAD's catalog (which has ${result.errors.length} error(s) under the current build)`
      : "git HEAD's catalog";
  return { label, cards: cardsOf(result.kb) };
}
