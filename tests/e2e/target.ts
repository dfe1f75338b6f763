/** A page or one of its frames: both evaluate in their own main world. */
import type { Frame, Page } from 'playwright-core';

export type Target = Page | Frame;

/** The page a target is, or belongs to: where the mouse and keyboard are. */
export function pageOf(target: Target): Page {
  return 'parentFrame' in target ? target.page() : target;
}
