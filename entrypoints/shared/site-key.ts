/** The key a per-site switch is stored under: a lowercased Unicode hostname without `www.`. */
export type SiteKey = string;

/** The one site all `file:` pages share. */
export const LOCAL_FILES: SiteKey = 'file://';

const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * The site a top-level page belongs to, or null where extensions cannot run (browser pages,
 * stores, data: and blob: URLs without a web origin).
 */
export function siteKey(url: string): SiteKey | null {
  return pageSite(url, displayHost);
}

/**
 * `siteKey` with internationalized names left in punycode, as the URL parser gives them: the
 * content script compares these (see `siteKeyToAscii`) and so ships no punycode decoder.
 */
export function asciiSiteKey(url: string): string | null {
  return pageSite(url, asciiHost);
}

/** A stored site key in the form `asciiSiteKey` gives (the URL parser encodes IDNs natively). */
export function siteKeyToAscii(key: SiteKey): string {
  if (!/[\u0080-\uffff]/.test(key)) return key;
  try {
    return new URL(`http://${key}`).hostname;
  } catch {
    return key;
  }
}

function pageSite(url: string, host: (hostname: string) => string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return LOCAL_FILES;
  if (parsed.protocol === 'blob:') return pageSite(parsed.pathname, host);
  if (!WEB_SCHEMES.has(parsed.protocol) || parsed.hostname === '') return null;
  if (isStorePage(parsed)) return null;
  return host(parsed.hostname);
}

// Browsers do not let extensions run on their own add-on stores.
function isStorePage({ hostname, pathname }: URL): boolean {
  return (
    hostname === 'chromewebstore.google.com' ||
    hostname === 'addons.mozilla.org' ||
    (hostname === 'chrome.google.com' && pathname.startsWith('/webstore')) ||
    (hostname === 'microsoftedge.microsoft.com' && pathname.startsWith('/addons'))
  );
}

/**
 * A hostname lowercased, without a trailing dot or leading `www.`, internationalized names in
 * Unicode. `www.` goes only when a registrable name is left ("www.com" stays as it is).
 */
export function displayHost(hostname: string): SiteKey {
  return asciiHost(hostname).split('.').map(punycodeLabelToUnicode).join('.');
}

// Lowercased, without trailing dots or a leading `www.` (when a name remains after it).
function asciiHost(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.+$/, '');
  return host.startsWith('www.') && host.slice(4).includes('.') ? host.slice(4) : host;
}

/** Why typed text is not a site: nothing typed, a browser page, another scheme, not a host. */
export type SiteInputProblem = 'empty' | 'browser-page' | 'not-web' | 'bad-host';

/** A site parsed from what someone typed, or why it is not one. */
export type SiteInputResult =
  | { readonly ok: true; readonly site: SiteKey }
  | { readonly ok: false; readonly problem: SiteInputProblem };

// Schemes that name the browser's own pages: extensions never run there, so they get no switch.
const BROWSER_SCHEMES = new Set([
  'about:',
  'chrome:',
  'chrome-extension:',
  'chrome-search:',
  'chrome-untrusted:',
  'devtools:',
  'edge:',
  'brave:',
  'opera:',
  'vivaldi:',
  'moz-extension:',
  'resource:',
  'view-source:',
  'extension:',
]);

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Checks what a user typed ("https://www.Example.com/page", "näide.ee:8080", "xn--nide-loa.ee",
 * "file:///C:/x") and gives its site key, or the reason it is not a site. Host names need two
 * labels at least (or be `localhost`, an IP address): a lone word is more likely a typo.
 */
export function checkSiteInput(input: string): SiteInputResult {
  return parseHostInput(input, false);
}

/** The site key for what a user typed, or null when it is not one (see checkSiteInput). */
export function parseSiteInput(input: string): SiteKey | null {
  const result = checkSiteInput(input);
  return result.ok ? result.site : null;
}

/**
 * The canonical form of a stored or imported site key, or null when it cannot be one. More
 * lenient than checkSiteInput: one-label hosts ("intranet") are sites siteKey() can produce.
 */
export function canonicalSiteKey(key: string): SiteKey | null {
  if (key === LOCAL_FILES) return LOCAL_FILES;
  const result = parseHostInput(key, true);
  return result.ok ? result.site : null;
}

function parseHostInput(input: string, allowOneLabel: boolean): SiteInputResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (/^file:/i.test(text)) return { ok: true, site: LOCAL_FILES };
  // "chrome://x", "about:blank", but not "localhost:8080", where digits follow the colon.
  const scheme = /^([a-z][a-z0-9+.-]*:)(?!\d)/i.exec(text)?.[1]?.toLowerCase();
  if (scheme !== undefined && BROWSER_SCHEMES.has(scheme))
    return { ok: false, problem: 'browser-page' };
  if (scheme !== undefined && !WEB_SCHEMES.has(scheme)) return { ok: false, problem: 'not-web' };
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return { ok: false, problem: 'bad-host' };
  }
  if (isStorePage(parsed)) return { ok: false, problem: 'browser-page' };
  const host = parsed.hostname.replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) return { ok: true, site: displayHost(host) };
  const labels = host.split('.');
  const valid =
    host.length > 0 &&
    host.length <= 253 &&
    labels.every((l) => LABEL.test(l)) &&
    (labels.length > 1 || allowOneLabel || host === 'localhost');
  return valid ? { ok: true, site: displayHost(host) } : { ok: false, problem: 'bad-host' };
}

// RFC 3492 decoding, for "xn--" labels: URL gives ASCII hostnames, people read Unicode.
function punycodeLabelToUnicode(label: string): string {
  if (!label.startsWith('xn--')) return label;
  const input = label.slice(4);
  const base = 36;
  const tMin = 1;
  const tMax = 26;
  const skew = 38;
  const damp = 700;
  let n = 128;
  let bias = 72;
  let i = 0;
  const split = input.lastIndexOf('-');
  const output = split > 0 ? Array.from(input.slice(0, split)) : [];
  let pos = split > 0 ? split + 1 : 0;
  const adapt = (deltaIn: number, numPoints: number, first: boolean): number => {
    let delta = first ? Math.floor(deltaIn / damp) : deltaIn >> 1;
    delta += Math.floor(delta / numPoints);
    let k = 0;
    while (delta > ((base - tMin) * tMax) >> 1) {
      delta = Math.floor(delta / (base - tMin));
      k += base;
    }
    return k + Math.floor(((base - tMin + 1) * delta) / (delta + skew));
  };
  while (pos < input.length) {
    const oldI = i;
    let w = 1;
    for (let k = base; ; k += base) {
      if (pos >= input.length) return label;
      const c = input.charCodeAt(pos++);
      const digit = c - 48 < 10 ? c - 22 : c - 65 < 26 ? c - 65 : c - 97 < 26 ? c - 97 : base;
      if (digit >= base) return label;
      i += digit * w;
      const t = k <= bias ? tMin : k >= bias + tMax ? tMax : k - bias;
      if (digit < t) break;
      w *= base - t;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    // Past Unicode's last code point: not punycode after all (fromCodePoint would throw).
    if (n > 0x10ffff) return label;
    i %= output.length + 1;
    output.splice(i++, 0, String.fromCodePoint(n));
  }
  return output.join('');
}
