import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../glossary/types.ts';
import { browserLanguage } from './language.ts';
import { parseSettings, type LanguageSetting, type Settings } from './settings-schema.ts';
import { loadSettings, updateSettings, watchSettings } from './settings.ts';

type Change = (current: Settings) => Settings;

/** The mounted useSettings views of this page, told of its own changes before storage answers. */
interface View {
  foresee(change: Change): void;
  settle(settings: Settings): void;
}

const views = new Set<View>();
// This page's changes not yet saved. While any is, storage's echoes are older than the view.
let unsaved = 0;

/**
 * Changes the settings from this page's UI: every view shows the change at once (a switch flips
 * on the click), then storage saves it. When the last pending change is saved, the views show what
 * storage holds, which includes changes made elsewhere meanwhile; a failed save shows storage
 * as it is. Never rejects.
 */
export async function changeSettings(change: Change): Promise<void> {
  for (const view of views) view.foresee(change);
  unsaved += 1;
  let saved: Settings | null = null;
  try {
    saved = await updateSettings(change);
  } catch {
    // Not saved: the views go back to what storage holds.
  }
  unsaved -= 1;
  if (unsaved > 0) return;
  const settings = saved ?? (await loadSettings());
  if (unsaved > 0) return;
  for (const view of views) view.settle(settings);
}

/** The stored settings, live: null until first read, then updated on every change anywhere. */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let changed = false;
    let live = true;
    const view: View = {
      foresee(change) {
        setSettings((current) => (current === null ? current : parseSettings(change(current))));
      },
      settle(next) {
        changed = true;
        setSettings(next);
      },
    };
    views.add(view);
    const unwatch = watchSettings((next) => {
      changed = true;
      // An echo of a change of ours still being saved would undo the ones after it.
      if (unsaved === 0) setSettings(next);
    });
    void loadSettings().then((first) => {
      // A change seen meanwhile is newer than this first read.
      if (live && !changed) setSettings(first);
    });
    return () => {
      live = false;
      views.delete(view);
      unwatch();
    };
  }, []);
  return settings;
}

/** The language menus speak: the chosen one, or for `auto` the browser's preferred (et or en). */
export function uiLanguage(setting: LanguageSetting, preferred: readonly string[]): Lang {
  return setting === 'auto' ? browserLanguage(preferred) : setting;
}
