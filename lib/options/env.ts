import { browser } from 'wxt/browser';

export interface Shortcut {
  description: string;
  /** Empty when the user (or a clash with another extension) left it unset. */
  shortcut: string;
}

/** Everything the options page needs from the browser, so tests can hand it a fake. */
export interface OptionsEnv {
  download(filename: string, text: string): void;
  shortcuts(): Promise<Shortcut[]>;
  /** Where the browser lets users change shortcuts. Pages cannot link there, so it is shown as text. */
  shortcutsPage: { address: string; then?: string };
  copy(text: string): Promise<void>;
}

/** Saves `text` as a file through an object URL: no downloads permission needed. */
function downloadText(doc: Document, filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; revoking later still lets slow browsers start it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function browserOptionsEnv(doc: Document = document): OptionsEnv {
  return {
    download: (filename, text) => downloadText(doc, filename, text),
    shortcuts: async () =>
      (await browser.commands.getAll()).map((command) => ({
        // Chrome reports the action's command without the description the manifest gives it.
        description:
          command.description ||
          (command.name?.startsWith('_execute_') ? 'Open the Backstory lookup' : command.name) ||
          '',
        shortcut: command.shortcut ?? '',
      })),
    shortcutsPage: import.meta.env.FIREFOX
      ? { address: 'about:addons', then: 'then the gear menu, “Manage Extension Shortcuts”' }
      : { address: 'chrome://extensions/shortcuts' },
    copy: (text) => navigator.clipboard.writeText(text),
  };
}
