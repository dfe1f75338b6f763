import { extractDocument } from '@/lib/library/page-extractor';
import { publishPageExtractor } from '@/lib/library/extractor-api';

// Loaded by Chrome's content script when the reader adds a page, into its world. Firefox reads
// pages in the background page instead (lib/capture/page-extract.remote.ts).
export default defineUnlistedScript({
  exclude: ['firefox'],
  main: () =>
    publishPageExtractor((doc, mode, selection) =>
      extractDocument(doc, location.href, mode, selection),
    ),
});
