import { TERM_BY_ID, TERM_IDS } from '../../glossary/terms.ts';
import type { Lang, TermId } from '../../glossary/types.ts';
import { t, type MessageKey } from '../shared/i18n.ts';
import { isActiveOn, type Settings } from '../shared/settings-schema.ts';
import type { PageState, Shortcut } from './popup-host.ts';
import type { SiteStatus } from './site-status.ts';

export interface PagePanelProps {
  readonly lang: Lang;
  readonly status: SiteStatus;
  readonly settings: Settings;
  readonly page: PageState | null;
  readonly shortcuts: readonly Shortcut[];
  readonly onNext: (termId: TermId) => void;
}

/** "1 occurrence" / "5 occurrences" in the UI language. */
export const occurrences = (lang: Lang, n: number): string =>
  n === 1 ? t(lang, 'popupOccurrencesOne') : t(lang, 'popupOccurrencesMany', String(n));

const COMMAND_KEYS: Readonly<Record<string, MessageKey>> = {
  'next-term': 'commandNextTerm',
  'toggle-site': 'commandToggleSite',
};

/** "On this page": the terms found with their counts; choosing one goes to its next occurrence. */
export function PagePanel({ lang, status, settings, page, shortcuts, onNext }: PagePanelProps) {
  return (
    <>
      <PageFindings lang={lang} status={status} settings={settings} page={page} onNext={onNext} />
      <Shortcuts lang={lang} shortcuts={shortcuts} />
    </>
  );
}

function PageFindings({ lang, status, settings, page, onNext }: Omit<PagePanelProps, 'shortcuts'>) {
  if (status.kind === 'browser-page' || status.kind === 'unknown')
    return <p class="empty">{t(lang, 'popupNothingToFind')}</p>;
  if (status.kind === 'loading' || page === null)
    return <p class="empty">{t(lang, 'popupCounting')}</p>;
  if (!settings.enabled) return <p class="empty">{t(lang, 'popupGlobalOff')}</p>;
  if (!isActiveOn(settings, status.site)) return <p class="empty">{t(lang, 'popupSiteOff')}</p>;
  if (!status.reachable) return <p class="empty">{t(lang, 'popupReload')}</p>;
  const found = TERM_IDS.filter((id) => (page.counts[id] ?? 0) > 0);
  if (found.length === 0) return <p class="empty">{t(lang, 'popupNoneFound')}</p>;
  const missing = TERM_IDS.filter((id) => !found.includes(id));
  return (
    <section aria-labelledby="found-heading">
      <div class="section-head">
        <h2 id="found-heading">{t(lang, 'popupFoundHeading')}</h2>
        <span class="total">{occurrences(lang, page.total)}</span>
      </div>
      <p class="hint" id="found-hint">
        {t(lang, 'popupNextHint')}
      </p>
      <ul class="found" aria-describedby="found-hint">
        {found.map((id) => {
          const term = TERM_BY_ID[id];
          const n = page.counts[id] ?? 0;
          return (
            <li key={id}>
              <button
                type="button"
                class="found-term"
                data-term={id}
                onClick={() => {
                  onNext(id);
                }}
              >
                <span class="found-label">{term.label[lang]}</span>
                <span class="found-expansion">{term.expansion[lang]}</span>
                <span class="found-count">
                  <span aria-hidden="true">{n}</span>
                  <span class="visually-hidden">{occurrences(lang, n)}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {missing.length > 0 && (
        <p class="missing">
          {t(lang, 'popupNotHere', missing.map((id) => TERM_BY_ID[id].label[lang]).join(', '))}
        </p>
      )}
    </section>
  );
}

function Shortcuts({ lang, shortcuts }: { lang: Lang; shortcuts: readonly Shortcut[] }) {
  const bound = shortcuts.filter((s) => s.shortcut !== '' && COMMAND_KEYS[s.name] !== undefined);
  if (bound.length === 0) return null;
  return (
    <section class="shortcuts" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t(lang, 'popupShortcuts')}</h2>
      <dl>
        {bound.map((s) => (
          <div key={s.name}>
            <dt>
              <kbd>{s.shortcut}</kbd>
            </dt>
            <dd>{t(lang, COMMAND_KEYS[s.name] ?? 'commandNextTerm')}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
