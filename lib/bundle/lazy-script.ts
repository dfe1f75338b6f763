/**
 * Scripts the content script imports from the extension only when it needs them (the
 * engine once a page settles, the card UI on the first card, Readability when a page is
 * added). An unlisted script runs once imported and leaves what it provides under a
 * name in the content script's own world, where the page cannot see it: nothing else
 * crosses between the two builds.
 */

const slot = (name: string) => `__backstory${name}`;

export function publishLazy(name: string, value: unknown): void {
  (globalThis as Record<string, unknown>)[slot(name)] = value;
}

/** Imports the script at `url` (an extension URL) and returns what it published as `name`. */
export async function importLazy(url: string, name: string): Promise<unknown> {
  await import(/* @vite-ignore */ url);
  return (globalThis as Record<string, unknown>)[slot(name)];
}
