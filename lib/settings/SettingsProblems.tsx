import { useId } from 'preact/hooks';

interface SettingsProblemsProps {
  problems: string[];
  onKeep(): void;
}

/**
 * Stored settings that could not be used fell back to their defaults on read;
 * this says which, and lets the user store the repaired settings so it stops.
 */
export function SettingsProblems({ problems, onKeep }: SettingsProblemsProps) {
  const id = useId();
  if (problems.length === 0) return null;
  return (
    <section class="problems" aria-labelledby={id}>
      <h2 id={id}>Some settings were unreadable</h2>
      <p>Backstory is using the default for each of these:</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <button type="button" onClick={onKeep}>
        Keep the repaired settings
      </button>
    </section>
  );
}
