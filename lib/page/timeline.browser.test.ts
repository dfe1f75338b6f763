import { afterEach, describe, expect, it, vi } from 'vitest';
import { timelineMark, timelineMeasure } from './timeline';

afterEach(() => {
  vi.unstubAllEnvs();
  performance.clearMarks();
  performance.clearMeasures();
});

describe('timeline marks', () => {
  it('write nothing to the page’s timeline outside the benchmark build', () => {
    timelineMark('backstory:test-start', { blocks: 1 });
    timelineMeasure('backstory:test', 'backstory:test-start');
    expect(performance.getEntriesByName('backstory:test-start')).toEqual([]);
    expect(performance.getEntriesByName('backstory:test')).toEqual([]);
  });

  it('mark and measure in the benchmark build, with their detail', () => {
    vi.stubEnv('BACKSTORY_MARKS', true as never);
    timelineMark('backstory:test-start', { blocks: 3 });
    timelineMeasure('backstory:test', 'backstory:test-start');
    const [mark] = performance.getEntriesByName('backstory:test-start', 'mark');
    expect((mark as PerformanceMark).detail).toEqual({ blocks: 3 });
    expect(performance.getEntriesByName('backstory:test', 'measure')).toHaveLength(1);
  });
});
