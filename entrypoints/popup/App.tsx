import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { TermId } from '../../glossary/types.ts';
import { LanguageSelect } from '../shared/components/LanguageSelect.tsx';
import { SourceNote } from '../shared/components/SourceNote.tsx';
import { t } from '../shared/i18n.ts';
import { withSiteSwitch } from '../shared/settings-schema.ts';
import { changeSettings, uiLanguage, useSettings } from '../shared/use-settings.ts';
import { ArticlePanel } from './ArticlePanel.tsx';
import { ChartPanel } from './ChartPanel.tsx';
import { PagePanel } from './PagePanel.tsx';
import type { PageState, PopupHost, PopupTab, Shortcut } from './popup-host.ts';
import { SectionTabs } from './SectionTabs.tsx';
import { siteStatus } from './site-status.ts';
import { SiteSwitches } from './SiteSwitches.tsx';
import { TermsPanel } from './TermsPanel.tsx';

type Section = 'page' | 'chart' | 'terms' | 'article';

// Counts arrive frame by frame; one refresh after a short quiet spell is enough.
const REFRESH_DELAY_MS = 120;

/** The toolbar popup: this site's and the global switch, what the page holds, and the article. */
export function PopupApp({ host }: { readonly host: PopupHost }) {
  const settings = useSettings();
  const [tab, setTab] = useState<PopupTab | null | undefined>(undefined);
  const [page, setPage] = useState<PageState | null>(null);
  const [shortcuts, setShortcuts] = useState<readonly Shortcut[]>([]);
  const [chosen, setChosen] = useState<Section | null>(null);

  useEffect(() => {
    let live = true;
    void host.currentTab().then((found) => {
      if (live) setTab(found);
    });
    void host.shortcuts().then((list) => {
      if (live) setShortcuts(list);
    });
    return () => {
      live = false;
    };
  }, [host]);

  const tabId = tab?.id;
  useEffect(() => {
    if (tabId === undefined) return undefined;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = (): void => {
      void host.pageState(tabId).then((state) => {
        if (live) setPage(state);
      });
    };
    const later = (): void => {
      clearTimeout(timer);
      timer = setTimeout(refresh, REFRESH_DELAY_MS);
    };
    refresh();
    const unwatch = host.watchPage(tabId, later);
    return () => {
      live = false;
      clearTimeout(timer);
      unwatch();
    };
  }, [host, tabId]);

  const status = useMemo(() => siteStatus(tab, page), [tab, page]);
  const lang = uiLanguage(settings?.language ?? 'auto', host.preferredLanguages);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'extName');
  }, [lang]);

  const onNext = useCallback(
    (termId: TermId) => {
      if (tabId !== undefined) void host.nextOccurrence(tabId, termId);
    },
    [host, tabId],
  );

  if (settings === null) return null;
  // Where nothing can be found, open on the chart until the reader picks a section.
  const canRun = status.kind !== 'browser-page' && status.kind !== 'unknown';
  const section: Section = chosen ?? (canRun ? 'page' : 'chart');
  const sections: readonly { id: Section; label: string }[] = [
    { id: 'page', label: t(lang, 'popupTabPage') },
    { id: 'chart', label: t(lang, 'popupTabChart') },
    { id: 'terms', label: t(lang, 'popupTabTerms') },
    { id: 'article', label: t(lang, 'popupTabArticle') },
  ];

  return (
    <div class="popup" lang={lang}>
      <header class="popup-header">
        <img class="logo" src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{t(lang, 'extName')}</h1>
        <div class="header-actions">
          {tabId !== undefined && !isInTab() && (
            <button
              type="button"
              class="icon-button"
              title={t(lang, 'popupOpenInTab')}
              aria-label={t(lang, 'popupOpenInTab')}
              onClick={() => {
                host.openInTab(tabId);
              }}
            >
              <OpenInTabIcon />
            </button>
          )}
          <button
            type="button"
            class="icon-button"
            title={t(lang, 'popupOpenOptions')}
            aria-label={t(lang, 'popupOpenOptions')}
            onClick={() => {
              host.openOptions();
            }}
          >
            <SettingsIcon />
          </button>
        </div>
      </header>

      <main class="popup-main">
        <SiteSwitches
          lang={lang}
          status={status}
          settings={settings}
          onSite={(on) => {
            if (status.kind === 'site')
              void changeSettings((s) => withSiteSwitch(s, status.site, on));
          }}
          onGlobal={(on) => {
            void changeSettings((s) => ({ ...s, enabled: on }));
          }}
        />

        <SectionTabs
          tabs={sections}
          selected={section}
          onSelect={setChosen}
          label={t(lang, 'popupSections')}
        >
          {section === 'page' && (
            <PagePanel
              lang={lang}
              status={status}
              settings={settings}
              page={page}
              shortcuts={shortcuts}
              onNext={onNext}
            />
          )}
          {section === 'chart' && <ChartPanel lang={lang} />}
          {section === 'terms' && <TermsPanel lang={lang} />}
          {section === 'article' && <ArticlePanel lang={lang} />}
        </SectionTabs>
      </main>

      <footer class="popup-footer">
        <SourceNote lang={lang} />
        <LanguageSelect
          id="language"
          lang={lang}
          value={settings.language}
          preferred={host.preferredLanguages}
          onChange={(language) => {
            void changeSettings((s) => ({ ...s, language }));
          }}
        />
      </footer>
    </div>
  );
}

// Opened as popup.html?tabId=N in a tab already: no point offering to open it in one again.
const isInTab = (): boolean => new URLSearchParams(location.search).has('tabId');

function OpenInTabIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M11 3h6v6M17 3l-8 8M8 5H5a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2v-3"
        fill="none"
        stroke="currentColor"
        stroke-width="1.7"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

function SettingsIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M3 6h8M15 6h2M3 14h2M9 14h8"
        fill="none"
        stroke="currentColor"
        stroke-width="1.7"
        stroke-linecap="round"
      />
      <circle cx="13" cy="6" r="2" fill="none" stroke="currentColor" stroke-width="1.7" />
      <circle cx="7" cy="14" r="2" fill="none" stroke="currentColor" stroke-width="1.7" />
    </svg>
  );
}
