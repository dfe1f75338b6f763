/** One load of a tier's page, of each kind: with the extension, without it, traced, profiled. */
import { EXTENSION_DIR, type Browser } from './harness';
import type { GeneratedPage } from './pages';
import {
  heapAfterGc,
  hoverCard,
  loadAndWait,
  mutationCost,
  type CardTiming,
  type MutationCost,
} from './page-measures';
import { readPage, type PageReading } from './probe';
import { startProfile, summarizeProfile, type ProfileSummary } from './profile';
import type { Tier } from './tiers';
import { startTrace, summarizeTrace, type TraceSummary } from './trace';

export interface ServedPage extends GeneratedPage {
  tier: Tier;
  url: string;
  htmlBytes: number;
}

export interface LoadRun {
  reading: PageReading;
  windowEnd: number;
  heap: number | null;
  card: CardTiming | null;
  mutation: MutationCost;
}

export async function runExtension(
  b: Browser,
  p: ServedPage,
  repeatCard = false,
): Promise<LoadRun> {
  const windowEnd = await loadAndWait(b.page, p.url, p.tier.windowMs);
  // Indexing should be over by now; if not, wait for it (the TBT window stays fixed).
  await b.page
    .waitForFunction(() => performance.getEntriesByName('backstory:indexed').length > 0, null, {
      timeout: 120_000,
      polling: 250,
    })
    .catch(() => undefined);
  const reading = await b.page.evaluate(readPage);
  const card = await hoverCard(b.page, repeatCard);
  const heap = await heapAfterGc(b.cdp);
  return { reading, windowEnd, heap, card, mutation: await mutationCost(b.page) };
}

export async function runBaseline(b: Browser, p: ServedPage): Promise<LoadRun> {
  const windowEnd = await loadAndWait(b.page, p.url, p.tier.windowMs);
  const reading = await b.page.evaluate(readPage);
  const heap = await heapAfterGc(b.cdp);
  return { reading, windowEnd, heap, card: null, mutation: await mutationCost(b.page) };
}

export async function runTraced(b: Browser, p: ServedPage): Promise<TraceSummary | null> {
  const stop = await startTrace(b.cdp);
  await loadAndWait(b.page, p.url, p.tier.windowMs);
  const events = await stop();
  return summarizeTrace(events, p.url);
}

export async function runProfiled(b: Browser, p: ServedPage): Promise<ProfileSummary> {
  const stop = await startProfile(b.cdp);
  await loadAndWait(b.page, p.url, p.tier.windowMs);
  const profile = await stop();
  return summarizeProfile(profile, b.extensionDir ?? EXTENSION_DIR);
}
