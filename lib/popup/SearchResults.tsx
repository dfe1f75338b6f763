import { useEffect, useRef } from 'preact/hooks';
import type { LookupResult } from '../search/lookup';
import { categoryInfo } from '../catalog/category';

export const RESULTS_ID = 'bs-results';

export const resultId = (entity: string) => `bs-result-${entity}`;

interface SearchResultsProps {
  query: string;
  results: LookupResult[];
  active: number;
  onActivate(index: number): void;
  onOpen(entity: string): void;
}

/** The listbox the search box controls; focus stays in the box (aria-activedescendant). */
export function SearchResults({ query, results, active, onActivate, onOpen }: SearchResultsProps) {
  const list = useRef<HTMLUListElement>(null);
  const activeId = results[active]?.id;

  useEffect(() => {
    if (activeId)
      list.current?.querySelector(`#${resultId(activeId)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  if (results.length === 0) {
    return (
      <p class="empty" role="status">
        Nothing matches “{query.trim()}”. Check the spelling, or try another name, a surname or a
        word from the description.
      </p>
    );
  }
  return (
    <>
      <p class="sr-only" role="status">
        {results.length === 1 ? '1 result' : `${results.length} results`}
      </p>
      <ul class="results" id={RESULTS_ID} role="listbox" aria-label="Matches" ref={list}>
        {results.map((result, i) => (
          <li
            key={result.id}
            id={resultId(result.id)}
            class="result"
            role="option"
            aria-selected={i === active}
            // mousemove, not mouseenter: the list scrolling under a resting pointer is not a choice.
            onMouseMove={() => i !== active && onActivate(i)}
            onClick={() => onOpen(result.id)}
          >
            <span class="result-head">
              <span class="result-name">{result.name}</span>
              <span class="result-category">{categoryInfo[result.category].label}</span>
            </span>
            {result.matchedAlias && (
              <span class="result-alias">Matched “{result.matchedAlias}”</span>
            )}
            <span class="result-summary">{result.summary}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
