import { siteKey, type SiteKey } from '../shared/site-key.ts';
import type { PageState, PopupTab } from './popup-host.ts';

/** What the header's site switch can act on. */
export type SiteStatus =
  /** Still asking the browser. */
  | { readonly kind: 'loading' }
  /** A site with a switch; `reachable` is false where no content script runs yet. */
  | { readonly kind: 'site'; readonly site: SiteKey; readonly reachable: boolean }
  /** A page extensions cannot run on (browser pages, stores): no switch. */
  | { readonly kind: 'browser-page' }
  /** A page with a content script whose address the browser does not show. */
  | { readonly kind: 'unknown' };

/**
 * Decides the switch's state from the tab (its URL under an activeTab grant) and the page's own
 * answer (its content script may add its URL): no URL and no content script means a browser page.
 */
export function siteStatus(tab: PopupTab | null | undefined, page: PageState | null): SiteStatus {
  if (tab === undefined) return { kind: 'loading' };
  const url = tab?.url ?? page?.url ?? null;
  if (url !== null) {
    const site = siteKey(url);
    if (site === null) return { kind: 'browser-page' };
    return { kind: 'site', site, reachable: page?.reachable ?? true };
  }
  if (page === null) return tab === null ? { kind: 'browser-page' } : { kind: 'loading' };
  return page.reachable ? { kind: 'unknown' } : { kind: 'browser-page' };
}
