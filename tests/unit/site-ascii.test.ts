import { describe, expect, it } from 'vitest';
import { isActiveOnAsciiSite, topLevelUrl } from '../../entrypoints/glossary.content/site.ts';
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

describe("a frame's top-level URL", () => {
  // Stand-ins for a frame's window: the top frame's location, and the frame's own.
  const frame = (top: { location: { href: string } } | 'cross-origin', ancestors?: string[]) => {
    const topWindow =
      top === 'cross-origin'
        ? {
            location: {
              get href(): string {
                throw new DOMException('Blocked a frame', 'SecurityError');
              },
            },
          }
        : top;
    const list = ancestors && { length: ancestors.length, item: (i: number) => ancestors[i] };
    return {
      top: topWindow,
      location: { href: 'https://frame.example/ad.html', ancestorOrigins: list },
    } as unknown as Window;
  };

  it('is its own URL in the top frame', () => {
    const win = { location: { href: 'https://example.com/a' } } as {
      top?: unknown;
      location: unknown;
    };
    win.top = win;
    expect(topLevelUrl(win as Window)).toBe('https://example.com/a');
  });

  it("is the outermost ancestor's origin where the browser lists them (Chromium)", () => {
    const win = frame('cross-origin', ['https://middle.example', 'https://top.example']);
    expect(topLevelUrl(win)).toBe('https://top.example');
  });

  it('is read from a top frame of the same origin without ancestorOrigins (Firefox)', () => {
    expect(topLevelUrl(frame({ location: { href: 'https://example.com/top' } }))).toBe(
      'https://example.com/top',
    );
  });

  it('is unknown (to be asked for) under a top frame of another origin', () => {
    expect(topLevelUrl(frame('cross-origin'))).toBeNull();
  });
});
