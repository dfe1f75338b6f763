import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * The element a component test renders into: in the document during each test,
 * unmounted and detached after it, so no test sees another's tree.
 */
export function renderRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return root;
}
