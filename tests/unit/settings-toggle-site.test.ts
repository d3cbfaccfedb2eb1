import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { toggleSiteOfTab } from '../../entrypoints/background/toggle-site.ts';
import { loadSettings, replaceSettings } from '../../entrypoints/shared/settings.ts';
import { DEFAULT_SETTINGS } from '../../entrypoints/shared/settings-schema.ts';

describe('the toggle-site keyboard command', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  const noReports = (): Promise<null> => Promise.resolve(null);

  it("switches the tab's site off, then on again", async () => {
    const tab = { id: 7, url: 'https://www.example.com/article' };
    expect(await toggleSiteOfTab(tab, noReports)).toEqual({ site: 'example.com', on: false });
    expect((await loadSettings()).disabledSites).toEqual(['example.com']);
    expect(await toggleSiteOfTab(tab, noReports)).toEqual({ site: 'example.com', on: true });
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('leaves the other sites and settings alone', async () => {
    await replaceSettings({ ...DEFAULT_SETTINGS, disabledSites: ['a.ee'], language: 'et' });
    await toggleSiteOfTab({ id: 1, url: 'https://b.ee/' }, noReports);
    expect(await loadSettings()).toEqual({
      ...DEFAULT_SETTINGS,
      disabledSites: ['a.ee', 'b.ee'],
      language: 'et',
    });
  });

  it('falls back on the URL the content scripts reported when the tab shows none', async () => {
    const result = await toggleSiteOfTab({ id: 3 }, (id) =>
      Promise.resolve(id === 3 ? 'https://näide.ee/x' : null),
    );
    expect(result).toEqual({ site: 'näide.ee', on: false });
  });

  it('does nothing on browser pages or where the URL is unknown', async () => {
    expect(await toggleSiteOfTab({ id: 1, url: 'chrome://extensions/' }, noReports)).toBeNull();
    expect(await toggleSiteOfTab({ id: 1 }, noReports)).toBeNull();
    expect(await toggleSiteOfTab(undefined, noReports)).toBeNull();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
