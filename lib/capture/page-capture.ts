import { extractFromPage } from '#page-extract';
import { listen } from '../messaging/client';

/**
 * The content script's part in adding a page: nothing is read until the background
 * asks (the reader chose "Add this page"), and only the top frame answers.
 */
export function answerPageCapture(doc: Document, signal: AbortSignal, onCapture: () => void): void {
  listen(
    {
      extractPage: ({ mode }) => {
        // Cards fetched before the page joined the library do not cite it yet.
        onCapture();
        return extractFromPage(doc, mode);
      },
    },
    signal,
  );
}
