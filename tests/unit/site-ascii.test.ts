import { describe, expect, it } from 'vitest';
import { isActiveOnAsciiSite } from '../../entrypoints/glossary.content/site.ts';
import { DEFAULT_SETTINGS } from '../../entrypoints/shared/settings-schema.ts';
import { asciiSiteKey, siteKey, siteKeyToAscii } from '../../entrypoints/shared/site-key.ts';

describe('sites compared in ASCII by the content script', () => {
  const urls = [
    'https://www.Example.com/page',
    'https://näide.ee/',
    'https://xn--nide-loa.ee/',
    'http://www.bücher.de:8080/x',
    'file:///home/me/article.html',
    'https://localhost/',
    'chrome://extensions/',
  ];

  it.each(urls)('gives the ASCII form of siteKey for %s', (url) => {
    const unicode = siteKey(url);
    const ascii = asciiSiteKey(url);
    expect(ascii === null).toBe(unicode === null);
    if (unicode !== null) expect(siteKeyToAscii(unicode)).toBe(ascii);
  });

  it('leaves ASCII keys as they are and encodes internationalized ones', () => {
    expect(siteKeyToAscii('example.com')).toBe('example.com');
    expect(siteKeyToAscii('näide.ee')).toBe('xn--nide-loa.ee');
    expect(siteKeyToAscii('file://')).toBe('file://');
  });

  it('switches a page off when its site, stored in Unicode, is on the list', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['näide.ee', 'example.org'] };
    expect(isActiveOnAsciiSite(settings, asciiSiteKey('https://www.näide.ee/a'))).toBe(false);
    expect(isActiveOnAsciiSite(settings, asciiSiteKey('https://example.org/'))).toBe(false);
    expect(isActiveOnAsciiSite(settings, asciiSiteKey('https://example.com/'))).toBe(true);
  });

  it('is off everywhere when the global switch is off, and where there is no site', () => {
    expect(isActiveOnAsciiSite({ ...DEFAULT_SETTINGS, enabled: false }, 'example.com')).toBe(false);
    expect(isActiveOnAsciiSite(DEFAULT_SETTINGS, null)).toBe(false);
  });
});
