import { isSiteOn, withSiteSwitch } from '../shared/settings-schema.ts';
import { updateSettings } from '../shared/settings.ts';
import { siteKey, type SiteKey } from '../shared/site-key.ts';

/** The little the toggle needs of a tab: its id, and its URL when the browser shows it. */
export interface TabLike {
  readonly id?: number;
  readonly url?: string;
}

/**
 * The `toggle-site` command: flips the site switch of the tab's top-level page. The URL comes
 * from the tab (the command grants activeTab) or, failing that, from `urlOf` (what the tab's
 * content scripts told). Returns the site toggled and its new state, or null where there is no
 * switch.
 */
export async function toggleSiteOfTab(
  tab: TabLike | undefined,
  urlOf: (tabId: number) => Promise<string | null>,
): Promise<{ readonly site: SiteKey; readonly on: boolean } | null> {
  const url = tab?.url ?? (tab?.id === undefined ? null : await urlOf(tab.id));
  const site = url === null ? null : siteKey(url);
  if (site === null) return null;
  let on = false;
  await updateSettings((settings) => {
    on = !isSiteOn(settings, site);
    return withSiteSwitch(settings, site, on);
  });
  return { site, on };
}
