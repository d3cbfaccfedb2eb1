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
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return LOCAL_FILES;
  if (parsed.protocol === 'blob:') return siteKey(parsed.pathname);
  if (!WEB_SCHEMES.has(parsed.protocol) || parsed.hostname === '') return null;
  if (isStorePage(parsed)) return null;
  return displayHost(parsed.hostname);
}

// Browsers do not let extensions run on their own add-on stores.
function isStorePage({ hostname, pathname }: URL): boolean {
  return (
    hostname === 'chromewebstore.google.com' ||
    hostname === 'addons.mozilla.org' ||
    (hostname === 'chrome.google.com' && pathname.startsWith('/webstore'))
  );
}

/** A hostname lowercased, without a trailing dot or leading `www.`, internationalized names in Unicode. */
export function displayHost(hostname: string): SiteKey {
  let host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('www.') && host.length > 4) host = host.slice(4);
  return host.split('.').map(punycodeLabelToUnicode).join('.');
}

/**
 * Turns what a user typed ("https://www.Example.com/page", "näide.ee", "xn--nide-loa.ee") into a
 * site key, or null when it is not a host name.
 */
export function parseSiteInput(input: string): SiteKey | null {
  const text = input.trim();
  if (text === '') return null;
  if (/^file:/i.test(text)) return LOCAL_FILES;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return null;
  }
  if (!WEB_SCHEMES.has(parsed.protocol)) return null;
  const host = parsed.hostname;
  // One label at least, letters/digits/hyphens per label (after IDNA), or an IP address.
  const labels = host.split('.');
  const valid =
    host.length <= 253 &&
    labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l)) &&
    (labels.length > 1 || host === 'localhost');
  const ipv6 = host.startsWith('[') && host.endsWith(']');
  return valid || ipv6 ? displayHost(host) : null;
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
    i %= output.length + 1;
    output.splice(i++, 0, String.fromCodePoint(n));
  }
  return output.join('');
}
