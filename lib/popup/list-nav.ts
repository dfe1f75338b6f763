/** Keys that move the active result of the search box's list, and where they move it. */
export function moveActive(active: number, key: string, length: number): number | null {
  if (length === 0) return null;
  switch (key) {
    // Wrapping, as in the browser's own address bar: one key press reaches the last result.
    case 'ArrowDown':
      return (active + 1) % length;
    case 'ArrowUp':
      return (active - 1 + length) % length;
    case 'PageDown':
      return length - 1;
    case 'PageUp':
      return 0;
    default:
      return null;
  }
}
