import type { KnowledgeBase } from '../kb/schema';
import { parseSettings, type Settings } from '../settings/schema';
import { isPaused, setPaused } from '../settings/store';
import { categoryInfo } from '../catalog/category';
import { pageEntities, type PageMentions } from './page-mentions';

export type PageState =
  | { state: 'loading' }
  | { state: 'unavailable' }
  | { state: 'ready'; tabId: number; mentions: PageMentions };

interface PageSectionProps {
  kb: Pick<KnowledgeBase, 'entities'>;
  page: PageState;
  settings: Settings;
  save(change: (current: Settings) => Settings): void;
  onShow(tabId: number, entity: string): void;
}

/** Whether `host` may go in the paused list: one it rejects would cost the whole list. */
function canPause(host: string): boolean {
  return host !== '' && parseSettings({ pausedHosts: [host] }).problems.length === 0;
}

function Status({ page, settings, kb, onShow, save }: PageSectionProps) {
  if (page.state === 'loading') return <p class="muted">Looking for names on this page…</p>;
  if (page.state === 'unavailable') {
    return (
      <p class="notice">
        Backstory can’t read this page. Browsers keep extensions off their own pages, the extension
        store and the built-in PDF viewer. On any other page, reload it and open Backstory again.
        Search works everywhere.
      </p>
    );
  }
  const { host } = page.mentions;
  if (!settings.enabled) {
    return (
      <p class="notice">
        Backstory is turned off on every site.{' '}
        <button type="button" class="link" onClick={() => save((s) => ({ ...s, enabled: true }))}>
          Turn it on
        </button>
      </p>
    );
  }
  if (isPaused(settings, host)) {
    return (
      <p class="notice">
        Backstory is paused on {host}. Untick “Pause on {host}” to mark names here again.
      </p>
    );
  }
  const entities = pageEntities(kb, page.mentions, settings.categories);
  if (entities.length === 0) {
    return (
      <p class="muted">
        {page.mentions.entities.length > 0
          ? 'The names found on this page are all in categories you have hidden (below).'
          : 'No names from Backstory’s articles on this page. Search above to look one up.'}
      </p>
    );
  }
  return (
    <ul class="page-list">
      {entities.map((entity) => (
        <li key={entity.id}>
          <button type="button" class="page-entity" onClick={() => onShow(page.tabId, entity.id)}>
            <span class="page-name">{entity.name}</span>
            <span class="page-category">{categoryInfo[entity.category].label}</span>
            <span class="page-count">
              {entity.count === 1 ? '1 mention' : `${entity.count} mentions`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "On this page": what the content script found, and pausing it on this site. */
export function PageSection(props: PageSectionProps) {
  const { page, settings, save } = props;
  const host = page.state === 'ready' ? page.mentions.host : '';
  return (
    <section class="section" aria-labelledby="bs-page-heading">
      <h2 id="bs-page-heading" class="section-title">
        On this page
      </h2>
      <Status {...props} />
      {canPause(host) && (
        <label class="check pause">
          <input
            type="checkbox"
            checked={settings.pausedHosts.includes(host.toLowerCase())}
            onChange={(e) => {
              const paused = e.currentTarget.checked;
              save((s) => setPaused(s, host, paused));
            }}
          />
          Pause on {host}
        </label>
      )}
    </section>
  );
}
