import { useEffect, useState } from 'preact/hooks';
import { SourceNote } from '../shared/components/SourceNote.tsx';
import { t } from '../shared/i18n.ts';
import { uiLanguage, useSettings } from '../shared/use-settings.ts';
import { BackupSection } from './BackupSection.tsx';
import { GeneralSection } from './GeneralSection.tsx';
import type { OptionsHost, Shortcut } from './options-host.ts';
import { ResetSection } from './ResetSection.tsx';
import { ShortcutsSection } from './ShortcutsSection.tsx';
import { SitesSection } from './SitesSection.tsx';

/** The options page: every setting, the switched-off sites, backup, reset and shortcuts. */
export function OptionsApp({ host }: { readonly host: OptionsHost }) {
  const settings = useSettings();
  const [shortcuts, setShortcuts] = useState<readonly Shortcut[]>([]);
  const lang = uiLanguage(settings?.language ?? 'auto', host.preferredLanguages);

  useEffect(() => {
    let live = true;
    void host.shortcuts().then((list) => {
      if (live) setShortcuts(list);
    });
    return () => {
      live = false;
    };
  }, [host]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t(lang, 'optionsTitle');
  }, [lang]);

  if (settings === null) return null;
  return (
    <div class="options" lang={lang}>
      <header class="options-header">
        <img class="logo" src="/icon/48.png" alt="" width={40} height={40} />
        <div>
          <h1>{t(lang, 'optionsTitle')}</h1>
          <p class="intro">{t(lang, 'optionsIntro')}</p>
        </div>
      </header>
      <main>
        <GeneralSection lang={lang} settings={settings} preferred={host.preferredLanguages} />
        <SitesSection lang={lang} settings={settings} />
        <BackupSection
          lang={lang}
          settings={settings}
          download={(name, text) => {
            host.download(name, text);
          }}
        />
        <ShortcutsSection lang={lang} shortcuts={shortcuts} />
        <ResetSection lang={lang} />
      </main>
      <footer class="options-footer">
        <SourceNote lang={lang} />
      </footer>
    </div>
  );
}
