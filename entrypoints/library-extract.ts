import { extractDocument } from '@/lib/library/page-extractor';
import { publishPageExtractor } from '@/lib/library/extractor-api';

// Loaded by the content script (Chrome) when the reader adds a page, into its world.
export default defineUnlistedScript(() =>
  publishPageExtractor((doc, mode, selection) =>
    extractDocument(doc, location.href, mode, selection),
  ),
);
