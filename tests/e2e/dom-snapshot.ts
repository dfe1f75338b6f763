/** The page as the reader and scripts see it, to compare it with and without the extension. */
import type { Target } from './target';

/** `document.body.innerText` once the page has settled. */
export async function bodyText(target: Target): Promise<string> {
  return target.evaluate(() => document.body.innerText);
}

interface PageStructure {
  snapshot: string;
  hosts: string[];
}

/**
 * In the page: a structural snapshot of the DOM (tags, attributes, text data; shadow
 * roots the page opened included) that leaves out the extension's card host, and the
 * tag names of the elements taken for that host. The card host is an element with a
 * shadow root appended directly to `<html>` or `<body>` (no fixture puts a shadow host
 * of its own there), or one whose shadow root holds a dialog.
 */
function readStructure(target: Target): Promise<PageStructure> {
  return target.evaluate(() => {
    const isHost = (el: Element) =>
      Boolean(
        el.shadowRoot &&
        (el.parentElement === document.documentElement ||
          el.parentElement === document.body ||
          el.shadowRoot.querySelector('[role=dialog]')),
      );
    const out: string[] = [];
    const visit = (node: Node, depth: number) => {
      const pad = ' '.repeat(depth);
      if (node instanceof Text) {
        if (node.data.trim()) out.push(`${pad}#text ${JSON.stringify(node.data)}`);
        return;
      }
      if (!(node instanceof Element)) return;
      if (isHost(node)) return;
      const attrs = [...node.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`);
      out.push(`${pad}<${node.tagName.toLowerCase()} ${attrs.join(' ')}>`);
      if (node.shadowRoot) {
        out.push(`${pad} #shadow-root`);
        for (const child of node.shadowRoot.childNodes) visit(child, depth + 2);
      }
      for (const child of node.childNodes) visit(child, depth + 1);
    };
    visit(document.documentElement, 0);
    const hosts = [...document.querySelectorAll('*')].filter(isHost).map((el) => el.localName);
    return { snapshot: out.join('\n'), hosts };
  });
}

/** The DOM without the extension's card host (see `readStructure`). */
export async function domSnapshot(target: Target): Promise<string> {
  return (await readStructure(target)).snapshot;
}

/** Tag names of the elements that look like the extension's card host (see `readStructure`). */
export async function cardHosts(target: Target): Promise<string[]> {
  return (await readStructure(target)).hosts;
}
