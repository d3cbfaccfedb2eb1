import { describe, expect, it } from 'vitest';
import {
  canonicalSiteKey,
  checkSiteInput,
  displayHost,
  LOCAL_FILES,
  parseSiteInput,
  siteKey,
} from '../../entrypoints/shared/site-key.ts';

describe('siteKey: the site a top-level page belongs to', () => {
  it.each([
    ['https://example.com/a?b#c', 'example.com'],
    ['https://www.example.com/', 'example.com'],
    ['https://WWW.Example.COM/', 'example.com'],
    ['http://www.example.com.:8080/', 'example.com'],
    ['https://news.example.com/', 'news.example.com'],
    ['https://www2.example.com/', 'www2.example.com'],
    ['https://www.co.uk/', 'co.uk'],
    ['https://www.com/', 'www.com'],
    ['https://user:secret@example.com/', 'example.com'],
    ['http://localhost:5173/app', 'localhost'],
    ['http://intranet/', 'intranet'],
    ['http://127.0.0.1:3000/', '127.0.0.1'],
    ['http://[::1]:8080/', '[::1]'],
    ['https://näide.ee/', 'näide.ee'],
    ['https://xn--nide-loa.ee/', 'näide.ee'],
    ['https://www.xn--nide-loa.ee/', 'näide.ee'],
    ['https://bücher.example/', 'bücher.example'],
    ['https://例え.テスト/', '例え.テスト'],
    ['blob:https://example.com/1b6f-44', 'example.com'],
  ])('%s → %s', (url, key) => {
    expect(siteKey(url)).toBe(key);
  });

  it('puts every file: page under one site, local files', () => {
    expect(siteKey('file:///home/me/notes.html')).toBe(LOCAL_FILES);
    expect(siteKey('file:///C:/Users/me/a.html')).toBe(LOCAL_FILES);
    expect(siteKey('file://server/share/a.html')).toBe(LOCAL_FILES);
  });

  it.each([
    'chrome://extensions/',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'edge://settings',
    'about:blank',
    'about:addons',
    'moz-extension://1234/options.html',
    'view-source:https://example.com/',
    'data:text/html,<p>BPO</p>',
    'javascript:alert(1)',
    'ftp://example.com/file',
    'ws://example.com/socket',
    'blob:null/abc',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/en-US/firefox/',
    'https://microsoftedge.microsoft.com/addons/detail/x',
    'not a url',
    '',
  ])('has no switch on %s', (url) => {
    expect(siteKey(url)).toBeNull();
  });

  it('keeps a malformed punycode label as it is rather than throwing', () => {
    expect(displayHost('xn--99999999999.example')).toBe('xn--99999999999.example');
    // Decodes past U+10FFFF: String.fromCodePoint would throw.
    expect(displayHost('xn--1-xt02unj0v05f01.example')).toBe('xn--1-xt02unj0v05f01.example');
    expect(displayHost('xn--l990z4gkb49msg0t')).toBe('xn--l990z4gkb49msg0t');
  });
});

describe('checkSiteInput: a site typed on the options page', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['https://www.Example.com/some/page?x=1', 'example.com'],
    ['http://example.com:8080', 'example.com'],
    ['example.com:8080/path', 'example.com'],
    ['example.com.', 'example.com'],
    ['//example.com/', 'example.com'],
    ['näide.ee', 'näide.ee'],
    ['NÄIDE.EE', 'näide.ee'],
    ['xn--nide-loa.ee', 'näide.ee'],
    ['example。com', 'example.com'],
    ['my_host.example.com', 'my_host.example.com'],
    ['localhost', 'localhost'],
    ['localhost:3000', 'localhost'],
    ['192.168.1.20', '192.168.1.20'],
    ['[::1]', '[::1]'],
    ['file:///home/me/a.html', LOCAL_FILES],
    ['FILE://', LOCAL_FILES],
  ])('accepts %j as %s', (input, site) => {
    expect(checkSiteInput(input)).toEqual({ ok: true, site });
    expect(parseSiteInput(input)).toBe(site);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['chrome://settings', 'browser-page'],
    ['about:blank', 'browser-page'],
    ['edge://flags', 'browser-page'],
    ['view-source:https://example.com', 'browser-page'],
    ['chrome-extension://abc/popup.html', 'browser-page'],
    ['https://chromewebstore.google.com/', 'browser-page'],
    ['ftp://example.com', 'not-web'],
    ['mailto:someone@example.com', 'not-web'],
    ['javascript:alert(1)', 'not-web'],
    ['data:text/html,x', 'not-web'],
    ['exa mple.com', 'bad-host'],
    ['example', 'bad-host'],
    ['-example.com', 'bad-host'],
    ['example-.com', 'bad-host'],
    ['exa!mple.com', 'bad-host'],
    ['example..com', 'bad-host'],
    [`${'a'.repeat(64)}.com`, 'bad-host'],
    ['https://', 'bad-host'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(checkSiteInput(input)).toEqual({ ok: false, problem });
    expect(parseSiteInput(input)).toBeNull();
  });
});

describe('canonicalSiteKey: stored and imported site keys', () => {
  it('leaves every key siteKey() produces as it is', () => {
    const urls = [
      'https://example.com/',
      'http://intranet/',
      'http://[::1]:8080/',
      'http://127.0.0.1/',
      'https://xn--nide-loa.ee/',
      'https://www.com/',
      'file:///x.html',
      'https://例え.テスト/',
    ];
    for (const url of urls) {
      const key = siteKey(url);
      expect(key).not.toBeNull();
      if (key !== null) expect(canonicalSiteKey(key)).toBe(key);
    }
  });

  it('brings other spellings of a host to the key', () => {
    expect(canonicalSiteKey('WWW.Example.com')).toBe('example.com');
    expect(canonicalSiteKey('xn--nide-loa.ee')).toBe('näide.ee');
    expect(canonicalSiteKey(' example.com. ')).toBe('example.com');
  });

  it('refuses what cannot be a site', () => {
    for (const bad of ['', 'exa mple.com', 'chrome://settings', 'ftp://x.com', '..', 'a..b']) {
      expect(canonicalSiteKey(bad)).toBeNull();
    }
  });
});
