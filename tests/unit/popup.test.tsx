import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHART_HEADER, CHART_ROWS } from '../../glossary/chart.ts';
import { KEY_DIFFERENCES, BPO_KINDS } from '../../glossary/article.ts';
import { TERMS } from '../../glossary/terms.ts';
import type { TermId } from '../../glossary/types.ts';
import { PopupApp } from '../../entrypoints/popup/App.tsx';
import type { PageState, PopupHost, PopupTab } from '../../entrypoints/popup/popup-host.ts';
import {
  loadSettings,
  replaceSettings,
  updateSettings,
} from '../../entrypoints/shared/settings.ts';
import { DEFAULT_SETTINGS } from '../../entrypoints/shared/settings-schema.ts';

interface FakeHost extends PopupHost {
  readonly jumps: [number, TermId][];
  /** Pretends a frame of the tab reported new counts. */
  report(page: PageState): void;
}

function fakeHost(
  tab: PopupTab | null,
  page: PageState,
  preferredLanguages: readonly string[] = ['en-US', 'en'],
): FakeHost {
  let current = page;
  const watchers = new Set<() => void>();
  const jumps: [number, TermId][] = [];
  return {
    preferredLanguages,
    jumps,
    currentTab: () => Promise.resolve(tab),
    pageState: () => Promise.resolve(current),
    nextOccurrence(tabId, termId) {
      jumps.push([tabId, termId]);
      return Promise.resolve();
    },
    watchPage(_tabId, onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    shortcuts: () =>
      Promise.resolve([
        { name: 'next-term', shortcut: 'Alt+Shift+G' },
        { name: 'toggle-site', shortcut: 'Alt+Shift+H' },
        { name: '_execute_action', shortcut: '' },
      ]),
    openOptions: () => undefined,
    openInTab: () => undefined,
    report(next) {
      current = next;
      for (const w of watchers) w();
    },
  };
}

const WEB_TAB: PopupTab = { id: 4, url: 'https://www.example.com/news/1' };
const FOUND: PageState = {
  reachable: true,
  url: null,
  total: 8,
  counts: { bpo: 5, kpo: 2, offshore: 1 },
};

describe('the popup', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
  });

  it("names the site's switch by its host and switches the site off and on", async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    const site = await screen.findByRole('switch', { name: 'Highlight terms on example.com' });
    expect(site.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(site);
    await waitFor(() => {
      expect(site.getAttribute('aria-checked')).toBe('false');
    });
    await waitFor(async () => {
      expect((await loadSettings()).disabledSites).toEqual(['example.com']);
    });
    expect(await screen.findByText(/Highlighting is off on this site/)).toBeTruthy();
    fireEvent.click(site);
    await waitFor(() => {
      expect(site.getAttribute('aria-checked')).toBe('true');
    });
    await waitFor(async () => {
      expect((await loadSettings()).disabledSites).toEqual([]);
    });
  });

  it('flips a switch on the click, before storage answers, and loses no quick second click', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    const site = await screen.findByRole('switch', { name: /example\.com/ });
    const global = screen.getByRole('switch', { name: 'Highlight terms on all sites' });
    fireEvent.click(site);
    expect(site.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(global);
    expect(global.getAttribute('aria-checked')).toBe('false');
    expect(site.getAttribute('aria-checked')).toBe('false');
    await waitFor(async () => {
      expect(await loadSettings()).toMatchObject({
        enabled: false,
        disabledSites: ['example.com'],
      });
    });
    // Storage's echoes of the first change do not flip the switches back meanwhile or after.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(site.getAttribute('aria-checked')).toBe('false');
    expect(global.getAttribute('aria-checked')).toBe('false');
  });

  it('has a global switch that acts on all sites', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    const global = await screen.findByRole('switch', { name: 'Highlight terms on all sites' });
    fireEvent.click(global);
    await waitFor(() => {
      expect(global.getAttribute('aria-checked')).toBe('false');
    });
    await waitFor(async () => {
      expect((await loadSettings()).enabled).toBe(false);
    });
    const site = screen.getByRole('switch', { name: /example\.com/ });
    expect(site.getAttribute('aria-describedby')).toBe('site-note');
    expect(document.getElementById('site-note')?.textContent).toMatch(/off on all sites/);
  });

  it('follows changes made elsewhere (options page, keyboard command) at once', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    const site = await screen.findByRole('switch', { name: /example\.com/ });
    await updateSettings((s) => ({ ...s, disabledSites: ['example.com'] }));
    await waitFor(() => {
      expect(site.getAttribute('aria-checked')).toBe('false');
    });
  });

  it('lists the terms found with their counts; choosing one goes to its next occurrence', async () => {
    const host = fakeHost(WEB_TAB, FOUND);
    render(<PopupApp host={host} />);
    const bpo = await screen.findByRole('button', { name: /^BPO Business process outsourcing/ });
    expect(bpo.textContent).toContain('5 occurrences');
    expect(screen.getByText('8 occurrences')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Offshore .*1 occurrence$/ })).toBeTruthy();
    expect(screen.getByText(/Not on this page: Onshore, Nearshore, Outsourcing/)).toBeTruthy();
    fireEvent.click(bpo);
    fireEvent.click(screen.getByRole('button', { name: /^KPO/ }));
    expect(host.jumps).toEqual([
      [4, 'bpo'],
      [4, 'kpo'],
    ]);
  });

  it('updates the counts when the page reports new ones', async () => {
    const host = fakeHost(WEB_TAB, FOUND);
    render(<PopupApp host={host} />);
    await screen.findByText('8 occurrences');
    host.report({ ...FOUND, total: 9, counts: { ...FOUND.counts, onshore: 1 } });
    expect(await screen.findByText('9 occurrences')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Onshore/ })).toBeTruthy();
  });

  it('shows the keyboard shortcuts', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    expect(await screen.findByText('Alt+Shift+H')).toBeTruthy();
    expect(screen.getByText('Switch highlighting on or off for the current site')).toBeTruthy();
  });

  it('says so when the page has no terms', async () => {
    render(
      <PopupApp host={fakeHost(WEB_TAB, { reachable: true, url: null, total: 0, counts: {} })} />,
    );
    expect(await screen.findByText('No glossary terms on this page.')).toBeTruthy();
  });

  it('asks for a reload where the page was open before the glossary started', async () => {
    render(
      <PopupApp host={fakeHost(WEB_TAB, { reachable: false, url: null, total: 0, counts: {} })} />,
    );
    expect(await screen.findByText(/Reload this page/)).toBeTruthy();
    const site = screen.getByRole('switch', { name: /example\.com/ });
    expect(site.getAttribute('aria-disabled')).toBeNull();
  });

  it('disables the switch on browser pages, explains why, and opens on the chart', async () => {
    const browserPage: PageState = { reachable: false, url: null, total: 0, counts: {} };
    render(<PopupApp host={fakeHost({ id: 2, url: 'chrome://settings/' }, browserPage)} />);
    const site = await screen.findByRole('switch', { name: 'Highlight terms on this page' });
    expect(site.getAttribute('aria-disabled')).toBe('true');
    expect(
      document.getElementById(site.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toMatch(/closed to extensions/);
    fireEvent.click(site);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(screen.getByRole('tab', { name: 'Chart' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('table')).toBeTruthy();
  });

  it('names local files instead of a host on file: pages', async () => {
    render(<PopupApp host={fakeHost({ id: 3, url: 'file:///home/me/a.html' }, FOUND)} />);
    expect(
      await screen.findByRole('switch', { name: 'Highlight terms in local files' }),
    ).toBeTruthy();
  });
});

describe('the popup’s article sections', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
  });

  it('shows the whole chart as a table: header and ten rows, with scoped headers', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Chart' }));
    const table = screen.getByRole('table', { name: 'Comparison chart' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(11);
    expect(
      within(rows[0] as HTMLElement)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual([CHART_HEADER.basis.en, CHART_HEADER.bpo.en, CHART_HEADER.kpo.en]);
    CHART_ROWS.forEach((row, i) => {
      const cells = (rows[i + 1] as HTMLElement).querySelectorAll('th, td');
      expect([...cells].map((c) => c.textContent)).toEqual([row.basis.en, row.bpo.en, row.kpo.en]);
      expect(cells[0]?.getAttribute('scope')).toBe('row');
    });
  });

  it('defines every term and names its source', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Terms' }));
    for (const term of TERMS) expect(screen.getByText(term.definition.en)).toBeTruthy();
    expect(screen.getByText('Erinevus BPO ja KPO vahel').tagName).toBe('CITE');
  });

  it('holds the BPO kinds, the services and the ten key differences', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Article' }));
    for (const kind of BPO_KINDS) expect(screen.getByText(kind.name.en)).toBeTruthy();
    expect(screen.getByText('BPO services')).toBeTruthy();
    expect(screen.getByText('KPO services')).toBeTruthy();
    const differences = screen.getAllByRole('list').find((l) => l.tagName === 'OL') as HTMLElement;
    expect(
      within(differences)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(KEY_DIFFERENCES.map((d) => d.en));
  });

  it('moves between sections with the arrow keys, Home and End', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    const first = await screen.findByRole('tab', { name: 'On this page' });
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowRight' });
    const chart = screen.getByRole('tab', { name: 'Chart' });
    expect(chart.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(chart);
    expect(chart.getAttribute('tabindex')).toBe('0');
    expect(first.getAttribute('tabindex')).toBe('-1');
    fireEvent.keyDown(chart, { key: 'End' });
    expect(screen.getByRole('tab', { name: 'Article' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(first.getAttribute('aria-selected')).toBe('true');
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(first.id);
    expect(panel.tabIndex).toBe(0);
  });
});

describe('the popup’s language', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });
  afterEach(() => {
    cleanup();
  });

  it('follows the browser when automatic: Estonian when et comes before en', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND, ['et-EE', 'en'])} />);
    expect(
      await screen.findByRole('switch', { name: 'Mõistete esiletõstmine saidil example.com' }),
    ).toBeTruthy();
    expect(document.documentElement.lang).toBe('et');
    expect(screen.getByRole('option', { name: 'Automaatne (eesti)' })).toBeTruthy();
  });

  it('is English when en comes first, or neither is preferred', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND, ['en-GB', 'et'])} />);
    expect(
      await screen.findByRole('switch', { name: 'Highlight terms on example.com' }),
    ).toBeTruthy();
    cleanup();
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND, ['de-DE', 'fr'])} />);
    expect(await screen.findByRole('option', { name: 'Automatic (English)' })).toBeTruthy();
  });

  it('switches to eesti from the language control, chart verbatim', async () => {
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    const select = await screen.findByRole('combobox', { name: 'Language' });
    fireEvent.change(select, { target: { value: 'et' } });
    await screen.findByRole('combobox', { name: 'Keel' });
    await waitFor(async () => {
      expect((await loadSettings()).language).toBe('et');
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Võrdlus' }));
    const table = screen.getByRole('table', { name: 'Võrdluskaart' });
    expect(table.getAttribute('lang')).toBe('et');
    const cells = [...table.querySelectorAll('tbody tr:first-child th, tbody tr:first-child td')];
    expect(cells.map((c) => c.textContent)).toEqual([
      'Akronüüm',
      'Äriprotsesside sisseostmine',
      'Teadmiste protsessi sisseostmine',
    ]);
  });

  it('reads a stored choice on opening', async () => {
    await replaceSettings({ ...DEFAULT_SETTINGS, language: 'et' });
    render(<PopupApp host={fakeHost(WEB_TAB, FOUND)} />);
    expect(await screen.findByRole('tab', { name: 'Sellel lehel' })).toBeTruthy();
    expect(screen.getByText('5 esinemist', { exact: false })).toBeTruthy();
  });
});
