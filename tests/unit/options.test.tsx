import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { highlightSheetCss } from '../../entrypoints/glossary-page.content/highlight-style.ts';
import { OptionsApp } from '../../entrypoints/options/App.tsx';
import type { OptionsHost } from '../../entrypoints/options/options-host.ts';
import { SHOWN_SITES } from '../../entrypoints/options/SitesSection.tsx';
import { settingsFromFile, settingsToFile } from '../../entrypoints/shared/settings-file.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../entrypoints/shared/settings-schema.ts';
import { loadSettings, replaceSettings } from '../../entrypoints/shared/settings.ts';

interface FakeOptionsHost extends OptionsHost {
  readonly downloads: { name: string; text: string }[];
}

function fakeHost(preferredLanguages: readonly string[] = ['en']): FakeOptionsHost {
  const downloads: { name: string; text: string }[] = [];
  return {
    preferredLanguages,
    downloads,
    shortcuts: () =>
      Promise.resolve([
        { name: 'next-term', shortcut: 'Alt+Shift+G' },
        { name: 'toggle-site', shortcut: '' },
      ]),
    download(name, text) {
      downloads.push({ name, text });
    },
  };
}

const SITES: Settings = {
  ...DEFAULT_SETTINGS,
  disabledSites: ['zeta.example.com', 'alpha.example.com', 'näide.ee', 'file://'],
};

async function renderWith(settings: Settings = DEFAULT_SETTINGS, host = fakeHost()) {
  await replaceSettings(settings);
  render(<OptionsApp host={host} />);
  await screen.findByRole('heading', { level: 1 });
  return host;
}

const siteNames = (): string[] =>
  [...document.querySelectorAll('.sites .site')].map((el) => el.textContent);

const addSite = (text: string): void => {
  fireEvent.input(screen.getByRole('textbox', { name: 'Switch off a site' }), {
    target: { value: text },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Switch off' }));
};

describe('the options page: switched-off sites', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
  });

  it('lists the switched-off sites in order, local files by name', async () => {
    await renderWith(SITES);
    expect(siteNames()).toEqual([
      'Local files',
      'alpha.example.com',
      'näide.ee',
      'zeta.example.com',
    ]);
    expect(screen.getByText('4 sites')).toBeTruthy();
  });

  it('searches the list', async () => {
    await renderWith(SITES);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search the list' }), {
      target: { value: 'EXAMPLE' },
    });
    expect(siteNames()).toEqual(['alpha.example.com', 'zeta.example.com']);
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'nothing-like-it' } });
    expect(screen.getByText('No site matches “nothing-like-it”.')).toBeTruthy();
  });

  it('removes a site, says so, and keeps the keyboard focus in the list', async () => {
    await renderWith(SITES);
    const remove = screen.getByRole('button', { name: 'Remove alpha.example.com' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => {
      expect(siteNames()).not.toContain('alpha.example.com');
    });
    await waitFor(async () => {
      expect((await loadSettings()).disabledSites).not.toContain('alpha.example.com');
    });
    expect(document.getElementById('sites-status')?.textContent).toBe(
      'Highlighting is back on for alpha.example.com.',
    );
    await waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Remove /);
    });
  });

  it('adds a typed host, canonicalized', async () => {
    await renderWith();
    addSite('https://WWW.Example.com:8443/some/page');
    await waitFor(() => {
      expect(siteNames()).toEqual(['example.com']);
    });
    await waitFor(async () => {
      expect((await loadSettings()).disabledSites).toEqual(['example.com']);
    });
    expect(document.getElementById('sites-status')?.textContent).toBe(
      'Highlighting is now off on example.com.',
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Switch off a site' }).value).toBe(
      '',
    );
  });

  it.each([
    ['', 'Type a host name, such as example.com.'],
    ['exa mple', '“exa mple” is not a valid host name. Type one such as example.com.'],
    ['chrome://settings', '“chrome://settings” is a browser page or an add-on store.'],
    ['ftp://example.com', 'Only websites (http and https) and local files can be switched off.'],
  ])('refuses %j with a clear message and changes nothing', async (typed, message) => {
    await renderWith();
    addSite(typed);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    const field = screen.getByRole('textbox', { name: 'Switch off a site' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('add-error');
    expect(document.activeElement).toBe(field);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('says when a site is already in the list', async () => {
    await renderWith(SITES);
    addSite('xn--nide-loa.ee');
    expect((await screen.findByRole('alert')).textContent).toBe('näide.ee is already in the list.');
    expect((await loadSettings()).disabledSites).toEqual(SITES.disabledSites);
  });

  it(`shows the first ${SHOWN_SITES} of 5,000 sites and finds the rest by search`, async () => {
    const many = Array.from({ length: 5000 }, (_, i) => `site-${String(i).padStart(4, '0')}.ee`);
    await renderWith({ ...DEFAULT_SETTINGS, disabledSites: many });
    expect(siteNames()).toHaveLength(SHOWN_SITES);
    expect(
      screen.getByText(`Showing ${SHOWN_SITES} of 5000. Search to find the others.`),
    ).toBeTruthy();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'site-4999' } });
    expect(siteNames()).toEqual(['site-4999.ee']);
  });
});

describe('the options page: general settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
  });

  it('switches highlighting off everywhere and back', async () => {
    await renderWith();
    const global = screen.getByRole('switch', { name: 'Highlight terms on all sites' });
    fireEvent.click(global);
    await waitFor(() => {
      expect(global.getAttribute('aria-checked')).toBe('false');
    });
    await waitFor(async () => {
      expect((await loadSettings()).enabled).toBe(false);
    });
  });

  it('chooses the highlight style, previewing it with the content script’s CSS', async () => {
    await renderWith();
    const tint = screen.getByRole('radio', { name: 'Tint' });
    // happy-dom does not fire `change` on a radio's click as browsers do.
    fireEvent.change(tint, { target: { checked: true } });
    await waitFor(async () => {
      expect((await loadSettings()).highlightStyle).toBe('tint');
    });
    await waitFor(() => {
      expect((tint as HTMLInputElement).checked).toBe(true);
    });
    const preview = screen.getByRole('group', { name: 'Preview' });
    // The same rules the browser injects into pages; the chosen look is the names registered.
    expect(preview.querySelector('style')?.textContent).toBe(highlightSheetCss(''));
    expect(preview.textContent).toContain('BPO is short for business process outsourcing');
  });

  it('stores first-occurrence-only', async () => {
    await renderWith();
    fireEvent.click(screen.getByRole('switch', { name: /first occurrence/ }));
    await waitFor(async () => {
      expect((await loadSettings()).firstOnly).toBe(true);
    });
  });

  it('changes the language of the page itself', async () => {
    await renderWith();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'et' },
    });
    expect(await screen.findByRole('heading', { name: 'BPO–KPO sõnastiku seaded' })).toBeTruthy();
    await waitFor(() => {
      expect(document.title).toBe('BPO–KPO sõnastiku seaded');
    });
    expect(document.documentElement.lang).toBe('et');
  });

  it('re-words its last message in the new language', async () => {
    await renderWith();
    addSite('example.com');
    await screen.findByText('Highlighting is now off on example.com.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'et' },
    });
    expect(
      await screen.findByText('Saidil example.com on esiletõstmine nüüd välja lülitatud.'),
    ).toBeTruthy();
  });

  it('lists the keyboard shortcuts, unset ones too', async () => {
    await renderWith();
    expect(await screen.findByText('Alt+Shift+G')).toBeTruthy();
    expect(screen.getByText('not set')).toBeTruthy();
  });
});

describe('the options page: export, import, reset', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
  });

  const chooseFile = (content: string, name = 'backup.json'): void => {
    const input = document.getElementById('import-file') as HTMLInputElement;
    const file = new File([content], name, { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
  };

  it('exports the settings to a JSON file that imports back', async () => {
    const host = await renderWith(SITES);
    fireEvent.click(screen.getByRole('button', { name: 'Export settings' }));
    expect(host.downloads).toHaveLength(1);
    const [download] = host.downloads;
    expect(download?.name).toMatch(/^bpo-kpo-glossary-settings-\d{4}-\d\d-\d\d\.json$/);
    expect(settingsFromFile(download?.text ?? '')).toEqual({ ok: true, settings: SITES });
    expect(screen.getByText(/^Settings saved as bpo-kpo-glossary-settings/)).toBeTruthy();
  });

  it('imports a valid file, replacing the settings', async () => {
    await renderWith();
    const imported: Settings = { ...SITES, language: 'en', highlightStyle: 'underline' };
    chooseFile(settingsToFile(imported));
    expect(await screen.findByText('Settings imported from backup.json.')).toBeTruthy();
    expect(await loadSettings()).toEqual(imported);
    await waitFor(() => {
      expect(siteNames()).toContain('näide.ee');
    });
  });

  it.each([
    ['{ not json', 'It is not valid JSON.'],
    ['{"name":"package","version":"1.0.0"}', 'It is not a settings file of the BPO–KPO Glossary.'],
    [
      JSON.stringify({ format: 'bpo-kpo-glossary-settings', version: 9, settings: {} }),
      'It was made by a newer version of the extension (format 9)',
    ],
    [
      JSON.stringify({
        format: 'bpo-kpo-glossary-settings',
        version: 1,
        settings: { disabledSites: ['exa mple'] },
      }),
      '“exa mple” in its list of sites is not a valid site.',
    ],
  ])('refuses a bad file with a message and changes nothing (%s)', async (content, reason) => {
    await renderWith(SITES);
    chooseFile(content, 'odd.json');
    const message = await screen.findByText(
      /^odd\.json was not imported, and nothing has changed\./,
    );
    expect(message.textContent).toContain(reason);
    expect(await loadSettings()).toEqual(SITES);
  });

  it('resets to the defaults after a confirmation, and not before', async () => {
    await renderWith(SITES);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    await waitFor(() => {
      expect(document.activeElement).toBe(cancel);
    });
    fireEvent.click(cancel);
    expect(await loadSettings()).toEqual(SITES);
    fireEvent.click(screen.getByRole('button', { name: 'Reset to defaults' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reset everything' }));
    expect(await screen.findByText('All settings are back to their defaults.')).toBeTruthy();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await waitFor(() => {
      expect(siteNames()).toEqual([]);
    });
  });
});
