import { describe, expect, it } from 'vitest';
import { moveActive } from './list-nav';

describe('moveActive', () => {
  it('steps and wraps with the arrow keys', () => {
    expect(moveActive(0, 'ArrowDown', 3)).toBe(1);
    expect(moveActive(2, 'ArrowDown', 3)).toBe(0);
    expect(moveActive(0, 'ArrowUp', 3)).toBe(2);
    expect(moveActive(1, 'ArrowUp', 3)).toBe(0);
  });

  it('jumps to the ends with Page Up and Page Down', () => {
    expect(moveActive(1, 'PageDown', 5)).toBe(4);
    expect(moveActive(3, 'PageUp', 5)).toBe(0);
  });

  it('leaves other keys, and empty lists, alone', () => {
    expect(moveActive(0, 'Enter', 3)).toBeNull();
    expect(moveActive(0, 'a', 3)).toBeNull();
    expect(moveActive(0, 'ArrowDown', 0)).toBeNull();
  });
});
