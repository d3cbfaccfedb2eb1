import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../../glossary/types.ts';
import { t } from '../shared/i18n.ts';
import { withSiteSwitch, type Settings } from '../shared/settings-schema.ts';
import { changeSettings } from '../shared/use-settings.ts';
import { checkSiteInput, LOCAL_FILES, type SiteKey } from '../shared/site-key.ts';
import { siteProblemMessage } from './problem-messages.ts';

/** How many sites the list shows at once; a search finds the rest. */
export const SHOWN_SITES = 200;

type Message = (lang: Lang) => string;

const siteLabel = (lang: Lang, site: SiteKey): string =>
  site === LOCAL_FILES ? t(lang, 'optionsLocalFiles') : site;

const sitesCount = (lang: Lang, n: number): string =>
  n === 1 ? t(lang, 'optionsSitesOne') : t(lang, 'optionsSitesMany', String(n));

/** The switched-off sites: add one by typing its host, search, and remove. */
export function SitesSection({
  lang,
  settings,
}: {
  readonly lang: Lang;
  readonly settings: Settings;
}) {
  const [input, setInput] = useState('');
  // Messages are kept as functions of the language, so a language change re-words them.
  const [error, setError] = useState<Message | null>(null);
  const [status, setStatus] = useState<Message | null>(null);
  const [query, setQuery] = useState('');
  // After a removal, focus goes to the button that takes the removed one's place.
  const [removing, setRemoving] = useState<{ site: SiteKey; index: number } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const label = (site: SiteKey): string => siteLabel(lang, site);
  // Local files first, then hosts alphabetically.
  const sorted = useMemo(
    () =>
      [...settings.disabledSites].sort((a, b) =>
        a === LOCAL_FILES ? -1 : b === LOCAL_FILES ? 1 : a.localeCompare(b),
      ),
    [settings.disabledSites],
  );
  const needle = query.trim().toLowerCase();
  const matching =
    needle === '' ? sorted : sorted.filter((s) => label(s).toLowerCase().includes(needle));
  const shown = matching.slice(0, SHOWN_SITES);

  useEffect(() => {
    if (removing === null || settings.disabledSites.includes(removing.site)) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button') ?? [];
    const next = buttons[Math.min(removing.index, buttons.length - 1)];
    (next ?? search.current ?? field.current)?.focus();
    setRemoving(null);
  }, [removing, settings.disabledSites]);

  const add = (): void => {
    const result = checkSiteInput(input);
    if (!result.ok) {
      const typed = input;
      setError(() => (l: Lang) => siteProblemMessage(l, result.problem, typed));
      setStatus(null);
      field.current?.focus();
      return;
    }
    if (settings.disabledSites.includes(result.site)) {
      setError(() => (l: Lang) => t(l, 'optionsAddDuplicate', siteLabel(l, result.site)));
      setStatus(null);
      field.current?.focus();
      return;
    }
    setError(null);
    setInput('');
    setStatus(() => (l: Lang) => t(l, 'optionsAdded', siteLabel(l, result.site)));
    void changeSettings((s) => withSiteSwitch(s, result.site, false));
  };

  const remove = (site: SiteKey, index: number): void => {
    setStatus(() => (l: Lang) => t(l, 'optionsRemoved', siteLabel(l, site)));
    setRemoving({ site, index });
    void changeSettings((s) => withSiteSwitch(s, site, true));
  };

  const describedBy = error === null ? 'add-hint' : 'add-hint add-error';
  return (
    <section class="card" aria-labelledby="sites-heading">
      <div class="card-head">
        <h2 id="sites-heading">{t(lang, 'optionsSites')}</h2>
        <span class="count">{sitesCount(lang, settings.disabledSites.length)}</span>
      </div>

      <form
        class="add-site"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label for="add-site">{t(lang, 'optionsAddLabel')}</label>
        <div class="add-row">
          <input
            id="add-site"
            ref={field}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={input}
            aria-invalid={error !== null}
            aria-describedby={describedBy}
            onInput={(event) => {
              setInput(event.currentTarget.value);
              if (error !== null) setError(null);
            }}
          />
          <button type="submit" class="button primary">
            {t(lang, 'optionsAddButton')}
          </button>
        </div>
        <p class="hint" id="add-hint">
          {t(lang, 'optionsAddHint')}
        </p>
        <p class="error" id="add-error" role="alert">
          {error?.(lang)}
        </p>
      </form>
      <p class="status" id="sites-status" role="status">
        {status?.(lang)}
      </p>

      {sorted.length === 0 ? (
        <p class="empty">{t(lang, 'optionsNoSites')}</p>
      ) : (
        <>
          <div class="search">
            <label for="site-search">{t(lang, 'optionsSearch')}</label>
            <input
              id="site-search"
              ref={search}
              type="search"
              autoComplete="off"
              spellcheck={false}
              value={query}
              onInput={(event) => {
                setQuery(event.currentTarget.value);
              }}
            />
          </div>
          {matching.length === 0 ? (
            <p class="empty">{t(lang, 'optionsNoMatch', query.trim())}</p>
          ) : (
            <ul class="sites" ref={list} aria-labelledby="sites-heading">
              {shown.map((site, index) => (
                <li key={site}>
                  <span class="site" lang={site === LOCAL_FILES ? lang : undefined}>
                    {label(site)}
                  </span>
                  <button
                    type="button"
                    class="button small"
                    aria-label={t(lang, 'optionsRemoveLabel', label(site))}
                    onClick={() => {
                      remove(site, index);
                    }}
                  >
                    {t(lang, 'optionsRemove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {matching.length > shown.length && (
            <p class="hint">
              {t(lang, 'optionsShowingFirst', String(shown.length), String(matching.length))}
            </p>
          )}
        </>
      )}
    </section>
  );
}
