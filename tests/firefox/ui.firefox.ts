import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { badgeText, openPage, shouldSkip, tabIdOf } from './support/firefox.ts';
import { useFirefoxSuite } from './support/suite.ts';
import { openTooltip, paintedCount } from './support/page.ts';

// The popup and the options page of the built add-on in Firefox, acting live on an open page.

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
/** Occurrences on terms.html, as its data-expect attributes list them. */
const TERMS_TOTAL = 17;
const TERMS_COUNTS = { bpo: 5, kpo: 5, onshore: 2, nearshore: 1, offshore: 1, outsourcing: 3 };

describe.skipIf(shouldSkip())('the add-on in Firefox: popup and options', () => {
  const suite = useFirefoxSuite({ root: FIXTURES }, { resetBeforeEach: true });

  const openTerms = async (): Promise<{ page: Page; tabId: number }> => {
    const page = await suite.session.browser.newPage();
    await page.goto(`${suite.server.origin}/terms.html`);
    await expect.poll(() => paintedCount(page), { timeout: 20_000 }).toBe(TERMS_TOTAL);
    return { page, tabId: await tabIdOf(suite.session, page) };
  };

  /** The popup acting for a tab, opened in a tab of its own. */
  const openPopup = async (tabId: number): Promise<Page> => {
    const popup = await openPage(
      suite.session.browser,
      suite.session.extensionUrl(`popup.html?tabId=${tabId}`),
    );
    await expect
      .poll(() => popup.evaluate(() => document.querySelectorAll('[role="switch"]').length))
      .toBe(2);
    return popup;
  };

  const switchState = (popup: Page, id: string): Promise<string | null> =>
    popup.evaluate((s) => document.getElementById(s)?.getAttribute('aria-checked') ?? null, id);

  it('renders the chart, and lists the page’s terms with their counts', async () => {
    const { tabId } = await openTerms();
    const popup = await openPopup(tabId);
    const found = (): Promise<Record<string, string>> =>
      popup.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll<HTMLElement>('.found-term')].map((b) => [
            b.dataset.term ?? '',
            b.querySelector('.found-count [aria-hidden]')?.textContent ?? '',
          ]),
        ),
      );
    await expect
      .poll(found, { timeout: 20_000 })
      .toEqual(Object.fromEntries(Object.entries(TERMS_COUNTS).map(([id, n]) => [id, String(n)])));

    await popup.click('#tab-chart');
    await expect
      .poll(() =>
        popup.evaluate(() => [
          document.querySelectorAll('.chart table th[scope="col"]').length,
          document.querySelectorAll('.chart table th[scope="row"]').length,
        ]),
      )
      .toEqual([3, 10]);
  });

  it('jumps to a term chosen in the popup: the page opens its tooltip', async () => {
    const { page, tabId } = await openTerms();
    const popup = await openPopup(tabId);
    await popup.waitForSelector('.found-term[data-term="nearshore"]');
    await popup.click('.found-term[data-term="nearshore"]');
    await expect
      .poll(() => openTooltip(page), { timeout: 10_000 })
      .toMatchObject({
        term: 'nearshore',
      });
  });

  it('switches the site off and on live (highlights and badge follow), then all sites', async () => {
    const { page, tabId } = await openTerms();
    await expect.poll(() => badgeText(suite.session, tabId)).toBe(String(TERMS_TOTAL));
    const popup = await openPopup(tabId);
    await expect.poll(() => switchState(popup, 'site-switch')).toBe('true');

    await popup.click('#site-switch');
    await expect.poll(() => switchState(popup, 'site-switch')).toBe('false');
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => badgeText(suite.session, tabId), { timeout: 10_000 }).toBe('');
    await popup.click('#site-switch');
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(TERMS_TOTAL);
    await expect
      .poll(() => badgeText(suite.session, tabId), { timeout: 10_000 })
      .toBe(String(TERMS_TOTAL));

    await popup.click('#global-switch');
    await expect.poll(() => switchState(popup, 'global-switch')).toBe('false');
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(0);
    await popup.click('#global-switch');
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(TERMS_TOTAL);
  });

  it('loads the options page; painting first occurrences only acts on the open page at once', async () => {
    const { page } = await openTerms();
    const options = await openPage(
      suite.session.browser,
      suite.session.extensionUrl('options.html'),
    );
    await expect
      .poll(() => options.evaluate(() => document.querySelector('h1')?.textContent ?? ''))
      .toBe('BPO–KPO Glossary settings');
    await options.click('#first-only');
    // One painted occurrence per term; all are still counted.
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(6);
    await options.click('#first-only');
    await expect.poll(() => paintedCount(page), { timeout: 10_000 }).toBe(TERMS_TOTAL);
  });
});
