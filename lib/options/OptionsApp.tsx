import { render, type ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { broadModes } from '../match/evidence';
import { markingModes, modifierKeys, themes, type Settings } from '../settings/schema';
import { exportSettingsFile, parseSettingsFile, setPaused } from '../settings/store';
import { CategoryToggles } from '../settings/CategoryToggles';
import { FileButton } from '../settings/FileButton';
import { readFileText } from '../settings/file-text';
import type { OptionsEnv, Shortcut } from './env';
import { broadModeLabels, markingLabels, modifierLabels, themeLabels } from '../settings/labels';
import { SettingsProblems } from '../settings/SettingsProblems';
import { useDocumentTheme, useSettings, type SettingsHandle } from '../settings/use-settings';
import { errorReason } from '../text/error-reason';

export const EXPORT_FILENAME = 'backstory-settings.json';

type Save = SettingsHandle['save'];

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Choice<T extends string>({
  legend,
  name,
  values,
  value,
  label,
  hint,
  onChange,
}: {
  legend: string;
  name: string;
  values: readonly T[];
  value: T;
  label(value: T): string;
  hint?(value: T): string;
  onChange(value: T): void;
}) {
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label class="radio" key={v}>
          <input
            type="radio"
            name={name}
            value={v}
            checked={value === v}
            onChange={() => onChange(v)}
          />
          <span>
            {label(v)}
            {hint && <span class="hint">{hint(v)}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}

function HoverDelay({ value, save }: { value: number; save: Save }) {
  // Shown while the slider moves; stored when it is let go, not on every pixel.
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? value;
  return (
    <div class="field">
      <label for="hover-delay">Open a card after the pointer rests on a name for</label>
      <div class="range">
        <input
          id="hover-delay"
          type="range"
          min={100}
          max={2000}
          step={50}
          value={shown}
          aria-valuetext={`${shown} milliseconds`}
          onInput={(e) => setDraft(e.currentTarget.valueAsNumber)}
          onChange={(e) => {
            const ms = e.currentTarget.valueAsNumber;
            void save((s) => ({ ...s, hoverDelayMs: ms })).then(() => setDraft(null));
          }}
        />
        <output for="hover-delay">{shown} ms</output>
      </div>
    </div>
  );
}

function PausedSites({ hosts, save }: { hosts: string[]; save: Save }) {
  const list = useRef<HTMLUListElement>(null);
  const heading = useRef<HTMLParagraphElement>(null);
  const remove = async (host: string, index: number) => {
    await save((s) => setPaused(s, host, false));
    // The pressed button is gone; keep keyboard users in the list rather than at the page top.
    const buttons = list.current?.querySelectorAll('button');
    const next = buttons?.[Math.min(index, buttons.length - 1)];
    (next ?? heading.current)?.focus();
  };
  return (
    <>
      <p ref={heading} tabIndex={-1} class="hint">
        {hosts.length === 0
          ? 'Backstory marks names on every site. To pause it on one, use “Pause on this site” in the toolbar popup.'
          : 'Backstory stays quiet on these sites.'}
      </p>
      {hosts.length > 0 && (
        <ul class="hosts" ref={list}>
          {hosts.map((host, i) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                aria-label={`Remove ${host}`}
                onClick={() => void remove(host, i)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Shortcuts({ env }: { env: OptionsEnv }) {
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [unlisted, setUnlisted] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    env
      .shortcuts()
      .then(setShortcuts, (error: unknown) =>
        setUnlisted(`Backstory could not list its shortcuts (${errorReason(error)}).`),
      );
  }, [env]);
  const { address, then } = env.shortcutsPage;
  return (
    <>
      {shortcuts && shortcuts.length > 0 && (
        <dl class="shortcuts">
          {shortcuts.map((s) => (
            <div key={s.description}>
              <dt>{s.description}</dt>
              <dd>{s.shortcut ? <kbd>{s.shortcut}</kbd> : <span class="hint">Not set</span>}</dd>
            </div>
          ))}
        </dl>
      )}
      {unlisted && <p class="message error">{unlisted}</p>}
      <p>
        To change them, open <code>{address}</code>
        {then && `, ${then}`}. Extension pages cannot link there: copy the address into a new tab.{' '}
        <button
          type="button"
          onClick={() => {
            env.copy(address).then(
              () => setCopied('Address copied.'),
              () => setCopied('Copying failed; select the address and copy it.'),
            );
          }}
        >
          Copy address
        </button>{' '}
        <span role="status">{copied}</span>
      </p>
    </>
  );
}

type Message = { kind: 'ok' | 'error'; text: string; undo?: Settings };

function Backup({
  env,
  settings,
  handle,
}: {
  env: OptionsEnv;
  settings: Settings;
  handle: SettingsHandle;
}) {
  const [message, setMessage] = useState<Message | null>(null);

  // Each of these resolves with its message set, whatever happened: none of them rejects.
  const importFile = async (chosen: File) => {
    const read = await readFileText(chosen);
    if (!read.ok) {
      setMessage({ kind: 'error', text: `${read.problem} Your settings are unchanged.` });
      return;
    }
    const result = parseSettingsFile(read.text);
    if (!result.ok) {
      setMessage({
        kind: 'error',
        text: `${chosen.name} was not imported; your settings are unchanged. ${result.error}`,
      });
      return;
    }
    const saved = await handle.save(() => result.settings);
    setMessage(
      saved.ok
        ? { kind: 'ok', text: `Imported the settings from ${chosen.name}.` }
        : {
            kind: 'error',
            text: `${chosen.name} was not imported: Backstory could not store it (${saved.reason}). Your settings are unchanged.`,
          },
    );
  };

  const reset = async () => {
    const before = settings;
    const done = await handle.reset();
    setMessage(
      done.ok
        ? { kind: 'ok', text: 'Settings reset to defaults.', undo: before }
        : {
            kind: 'error',
            text: `The settings were not reset (${done.reason}); they are unchanged.`,
          },
    );
  };

  const undo = async (previous: Settings) => {
    const done = await handle.save(() => previous);
    setMessage(
      done.ok
        ? { kind: 'ok', text: 'Your previous settings are back.' }
        : {
            kind: 'error',
            text: `Your previous settings could not be restored (${done.reason}); the defaults are still in place.`,
            undo: previous,
          },
    );
  };

  const undoButton = message?.undo && (
    <>
      {' '}
      <button type="button" class="link" onClick={() => void undo(message.undo!)}>
        Undo
      </button>
    </>
  );

  return (
    <>
      <div class="buttons">
        <button
          type="button"
          onClick={() => {
            env.download(EXPORT_FILENAME, exportSettingsFile(settings));
            setMessage({ kind: 'ok', text: `Exported your settings as ${EXPORT_FILENAME}.` });
          }}
        >
          Export settings
        </button>
        <FileButton
          label="Settings file to import"
          accept=".json,application/json"
          onFiles={([chosen]) => void importFile(chosen!)}
        >
          Import settings…
        </FileButton>
        <button type="button" onClick={() => void reset()}>
          Reset to defaults
        </button>
      </div>
      <div role="alert" class={message?.kind === 'error' ? 'message error' : undefined}>
        {message?.kind === 'error' && (
          <>
            {message.text}
            {undoButton}
          </>
        )}
      </div>
      <div role="status" class={message?.kind === 'ok' ? 'message ok' : undefined}>
        {message?.kind === 'ok' && (
          <>
            {message.text}
            {undoButton}
          </>
        )}
      </div>
    </>
  );
}

function OptionsApp({ env }: { env: OptionsEnv }) {
  const handle = useSettings();
  const { parsed, readError, save, saveError } = handle;
  useDocumentTheme(parsed?.settings.theme);
  if (!parsed) {
    return readError ? (
      <main class="options">
        <header class="masthead">
          <h1>Backstory settings</h1>
        </header>
        <p class="message error" role="alert">
          {readError} Nothing was changed. Reload this page to try again.
        </p>
      </main>
    ) : (
      <main class="options" aria-busy="true" />
    );
  }
  const { settings } = parsed;

  return (
    <main class="options">
      <header class="masthead">
        <h1>Backstory settings</h1>
        <p class="hint">Every change is saved at once and applies to all open tabs.</p>
      </header>
      <SettingsProblems problems={parsed.problems} onKeep={() => void save((s) => s)} />
      {saveError && (
        <p class="message error" role="alert">
          {saveError}
        </p>
      )}

      <Section title="On the page">
        <label class="check">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => {
              const enabled = e.currentTarget.checked;
              void save((s) => ({ ...s, enabled }));
            }}
          />
          <span>
            Mark names on web pages
            <span class="hint">
              Off: Backstory stays quiet everywhere; the toolbar lookup still works.
            </span>
          </span>
        </label>
        <Choice
          legend="Marking"
          name="marking"
          values={markingModes}
          value={settings.marking}
          label={(v) => markingLabels[v].label}
          hint={(v) => markingLabels[v].hint}
          onChange={(marking) => void save((s) => ({ ...s, marking }))}
        />
        <Choice
          legend="Broad places and institutions"
          name="broadMode"
          values={broadModes}
          value={settings.broadMode}
          label={(v) => broadModeLabels[v].label}
          hint={(v) => broadModeLabels[v].hint}
          onChange={(broadMode) => void save((s) => ({ ...s, broadMode }))}
        />
        <CategoryToggles
          legend="Kinds of names"
          value={settings.categories}
          save={(change) => void save(change)}
        />
      </Section>

      <Section title="Cards">
        <HoverDelay value={settings.hoverDelayMs} save={save} />
        <div class="field">
          <label for="modifier">Open cards on hover only while this key is held</label>
          <select
            id="modifier"
            value={settings.modifier}
            onChange={(e) => {
              const modifier = e.currentTarget.value as Settings['modifier'];
              void save((s) => ({ ...s, modifier }));
            }}
          >
            {modifierKeys.map((key) => (
              <option key={key} value={key}>
                {modifierLabels[key]}
              </option>
            ))}
          </select>
        </div>
        <Choice
          legend="Theme"
          name="theme"
          values={themes}
          value={settings.theme}
          label={(v) => themeLabels[v]}
          onChange={(theme) => void save((s) => ({ ...s, theme }))}
        />
      </Section>

      <Section title="Paused sites">
        <PausedSites hosts={settings.pausedHosts} save={save} />
      </Section>

      <Section title="Keyboard shortcuts">
        <Shortcuts env={env} />
      </Section>

      <Section title="Back up and restore">
        <Backup env={env} settings={settings} handle={handle} />
      </Section>
    </main>
  );
}

export function mountOptions(root: HTMLElement, env: OptionsEnv): void {
  render(<OptionsApp env={env} />, root);
}
