import type { MatcherData } from '../kb/schema';
import { createLibraryIndex, type LibraryIndex } from './index-article';
import { indexKeyFor, parseIndexRecords } from './index-record';
import type { LibraryListing, LibraryStore } from './store';

export interface LoadedLibrary extends LibraryListing {
  index: LibraryIndex;
}

/** Reads the library and its index, indexing (and storing) only what changed since. */
export async function loadLibrary(
  store: LibraryStore,
  matcherData: MatcherData,
): Promise<LoadedLibrary> {
  const [listing, derived] = await Promise.all([store.list(), store.derived().catch(() => [])]);
  const index = createLibraryIndex(
    listing.articles,
    matcherData,
    parseIndexRecords(derived),
    indexKeyFor(matcherData),
  );
  // Not awaited: the index is a cache, built again next time if it is not saved (putDerived warns).
  void store.putDerived(index.fresh);
  return { ...listing, index };
}
