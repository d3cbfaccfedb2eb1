import type { Settings } from '../shared/settings-schema.ts';
import { asciiSiteKey, siteKeyToAscii } from '../shared/site-key.ts';

/**
 * The top-level page's URL as far as this frame can tell without asking: its own for the top
 * frame, the outermost ancestor's origin where the browser exposes it (Chromium), the top frame's
 * URL where it is of the same origin (Firefox has no `ancestorOrigins`), else null.
 */
export function topLevelUrl(win: Window): string | null {
  const top = win.top;
  if (win === top) return win.location.href;
  const ancestors = win.location.ancestorOrigins as DOMStringList | undefined;
  if (ancestors !== undefined && ancestors.length > 0) return ancestors.item(ancestors.length - 1);
  try {
    return top?.location.href ?? null;
  } catch {
    // SecurityError: the top frame is of another origin.
    return null;
  }
}

/**
 * The site whose switch governs this frame (in ASCII, see `asciiSiteKey`), asking `askTopUrl`
 * only when the frame cannot tell.
 */
export async function frameSite(
  win: Window,
  askTopUrl: () => Promise<string | null>,
): Promise<string | null> {
  const url = topLevelUrl(win) ?? (await askTopUrl());
  return url === null ? null : asciiSiteKey(url);
}

/** Whether highlighting runs on a site given in ASCII: both switches on (as `isActiveOn`). */
export function isActiveOnAsciiSite(settings: Settings, site: string | null): boolean {
  return (
    settings.enabled &&
    site !== null &&
    !settings.disabledSites.some((key) => siteKeyToAscii(key) === site)
  );
}
