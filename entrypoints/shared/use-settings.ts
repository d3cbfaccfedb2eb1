import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../glossary/types.ts';
import { browserLanguage } from './language.ts';
import type { LanguageSetting, Settings } from './settings-schema.ts';
import { loadSettings, watchSettings } from './settings.ts';

/** The stored settings, live: null until first read, then updated on every change anywhere. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let changed = false;
    let live = true;
    const unwatch = watchSettings((next) => {
      changed = true;
      setSettings(next);
    });
    void loadSettings().then((first) => {
      // A change seen meanwhile is newer than this first read.
      if (live && !changed) setSettings(first);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** The language menus speak: the chosen one, or for `auto` the browser's preferred (et or en). */
export function uiLanguage(setting: LanguageSetting, preferred: readonly string[]): Lang {
  return setting === 'auto' ? browserLanguage(preferred) : setting;
}
