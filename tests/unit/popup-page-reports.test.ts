import { describe, expect, it } from 'vitest';
import { PageReports } from '../../entrypoints/background/page-reports.ts';
import { mergeCounts } from '../../entrypoints/popup/popup-host.ts';
import { siteStatus } from '../../entrypoints/popup/site-status.ts';

describe('PageReports: what the background tells the popup about a tab', () => {
  it('sums the counts of all frames and keeps the tab URL', () => {
    const reports = new PageReports();
    reports.record(1, 0, 'https://example.com/', { bpo: 2, kpo: 1 });
    reports.record(1, 5, 'https://example.com/', { kpo: 3, offshore: 1 });
    expect(reports.report(1)).toEqual({
      url: 'https://example.com/',
      total: 7,
      counts: { bpo: 2, kpo: 4, offshore: 1 },
    });
  });

  it('replaces a frame by its newer report, and drops it at zero', () => {
    const reports = new PageReports();
    reports.record(1, 0, 'https://a.ee/', { bpo: 2 });
    reports.record(1, 0, undefined, { bpo: 5 });
    expect(reports.report(1).total).toBe(5);
    reports.record(1, 0, undefined, {});
    expect(reports.report(1)).toEqual({ url: 'https://a.ee/', total: 0, counts: {} });
  });

  it('knows nothing of a tab it never heard from, or forgot', () => {
    const reports = new PageReports();
    expect(reports.report(9)).toEqual({ url: null, total: 0, counts: {} });
    reports.noteUrl(9, 'https://b.ee/');
    expect(reports.report(9).url).toBe('https://b.ee/');
    reports.forget(9);
    expect(reports.report(9).url).toBeNull();
  });
});

describe('the popup combines the top frame and the background', () => {
  it('takes the larger count of each term', () => {
    const state = mergeCounts(
      { total: 3, counts: { bpo: 3 } },
      { url: 'https://a.ee/', total: 5, counts: { bpo: 1, kpo: 4 } },
    );
    expect(state).toEqual({
      reachable: true,
      url: 'https://a.ee/',
      total: 7,
      counts: { bpo: 3, kpo: 4 },
    });
  });

  it('prefers the URL the page gives itself, and marks unanswered pages unreachable', () => {
    expect(mergeCounts({ total: 0, counts: {}, url: 'https://mine.ee/' }, null).url).toBe(
      'https://mine.ee/',
    );
    expect(mergeCounts(null, null)).toEqual({ reachable: false, url: null, total: 0, counts: {} });
  });
});

describe('siteStatus: what the site switch acts on', () => {
  const page = (reachable: boolean, url: string | null = null) => ({
    reachable,
    url,
    total: 0,
    counts: {},
  });

  it('waits for the tab', () => {
    expect(siteStatus(undefined, null)).toEqual({ kind: 'loading' });
  });

  it('names the site from the tab URL or, failing that, the page', () => {
    expect(siteStatus({ id: 1, url: 'https://www.a.ee/x' }, null)).toEqual({
      kind: 'site',
      site: 'a.ee',
      reachable: true,
    });
    expect(siteStatus({ id: 1, url: null }, page(true, 'https://b.ee/'))).toEqual({
      kind: 'site',
      site: 'b.ee',
      reachable: true,
    });
  });

  it('has no switch on browser pages', () => {
    expect(siteStatus({ id: 1, url: 'chrome://newtab/' }, page(false))).toEqual({
      kind: 'browser-page',
    });
    expect(siteStatus({ id: 1, url: null }, page(false))).toEqual({ kind: 'browser-page' });
    expect(siteStatus(null, null)).toEqual({ kind: 'browser-page' });
  });

  it('says when a page runs the glossary but its address is unknown', () => {
    expect(siteStatus({ id: 1, url: null }, page(true))).toEqual({ kind: 'unknown' });
  });

  it('notes a web page whose content script has not started (opened before install)', () => {
    expect(siteStatus({ id: 1, url: 'https://a.ee/' }, page(false))).toEqual({
      kind: 'site',
      site: 'a.ee',
      reachable: false,
    });
  });
});
