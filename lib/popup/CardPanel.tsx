import { useEffect, useRef } from 'preact/hooks';
import type { SentenceRef } from '../kb/schema';
import type { CardData } from '../kb/card-data';
import { EntityCard } from '../card/EntityCard';

export type CardView =
  | { id: string; state: 'loading' }
  | { id: string; state: 'ready'; data: CardData }
  | { id: string; state: 'missing' }
  | { id: string; state: 'error'; message: string };

interface CardPanelProps {
  view: CardView;
  backLabel: string;
  theme?: 'light' | 'dark';
  onBack(): void;
  onRetry(): void;
  onSelectEntity(id: string): void;
  onOpenSource(ref: SentenceRef): void;
}

/** The full entity card in the popup, with the way back to where it was chosen. */
export function CardPanel({
  view,
  backLabel,
  theme,
  onBack,
  onRetry,
  onSelectEntity,
  onOpenSource,
}: CardPanelProps) {
  const panel = useRef<HTMLDivElement>(null);
  const ready = view.state === 'ready';

  useEffect(() => {
    // Screen readers announce the card by its name; keyboard users Tab on from its top.
    if (ready) panel.current?.querySelector<HTMLElement>('[role="dialog"]')?.focus();
  }, [ready, view.id]);

  return (
    <div class="card-panel" ref={panel}>
      <button type="button" class="back" onClick={onBack}>
        <span aria-hidden="true">←</span> {backLabel}
      </button>
      {view.state === 'loading' && (
        <p class="muted" role="status">
          Loading the card…
        </p>
      )}
      {view.state === 'missing' && (
        <p class="notice" role="alert">
          This build of Backstory has no card for “{view.id}”. Go back and choose another entry.
        </p>
      )}
      {view.state === 'error' && (
        <p class="notice" role="alert">
          The card could not be loaded ({view.message}).{' '}
          <button type="button" class="link" onClick={onRetry}>
            Try again
          </button>
        </p>
      )}
      {view.state === 'ready' && (
        <EntityCard
          data={view.data}
          theme={theme}
          onSelectEntity={onSelectEntity}
          onOpenSource={onOpenSource}
        />
      )}
    </div>
  );
}
