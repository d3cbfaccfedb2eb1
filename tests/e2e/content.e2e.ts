import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TERM_BY_ID } from '../../glossary/terms.ts';
import {
  activeTabBadge,
  activeTabCounts,
  launchExtension,
  type ExtensionBrowser,
} from './support/chromium.ts';
import {
  byOwner,
  expectedTerms,
  fixtureCounts,
  observedRoots,
  pageMutations,
  paintedTerms,
  RECORD_MUTATIONS,
} from './support/highlights.ts';
import { serve, type TestServer } from './support/server.ts';
import { streamedPage } from './support/streamed-page.ts';

// Code passed to evaluate() on the service worker runs where `chrome` exists.
declare const chrome: typeof extensionApi;

const FIXTURES = resolve(import.meta.dirname, 'fixtures');
/** What english.html's own data-expect attributes ask for (a fixed expectation, not the extension's). */
const ENGLISH = fixtureCounts(resolve(FIXTURES, 'english.html'));

const HOSTILE_CSS = `<style>
  html { font-size: 3px !important; }
  *, *::before, *::after { all: unset !important; color: #fff !important; background: #000 !important;
    font: 40px/1 serif !important; letter-spacing: 9px !important; }
  body { display: block !important; }
  p { display: block !important; }
  bpo-kpo-glossary, [role="tooltip"], html > :not(head, body) { display: none !important;
    visibility: hidden !important; opacity: 0 !important; transform: scale(0) !important; }
</style>`;

describe('highlighting and tooltips in Chromium', () => {
  let browser: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  const streamed = streamedPage();

  beforeAll(async () => {
    server = await serve({
      root: FIXTURES,
      pages: {
        '/csp.html': {
          body: '<!doctype html><html lang="en"><body><p id="t">Offshore BPO and KPO work.</p></body></html>',
          headers: { 'content-security-policy': "default-src 'none'" },
        },
        '/dense.html': { body: densePage() },
        '/no-terms.html': {
          body: '<!doctype html><html lang="en"><body><p id="t">A page about the weather.</p></body></html>',
        },
        '/streamed.html': streamed.page,
        '/hostile.html': {
          body: `<!doctype html><html lang="en"><head>${HOSTILE_CSS}</head><body><p id="t">Our KPO partner.</p></body></html>`,
        },
      },
    });
    browser = await launchExtension();
  });
  afterAll(async () => {
    streamed.release();
    await browser.close();
    await server.close();
  });
  beforeEach(async () => {
    for (const p of browser.context.pages()) await p.close();
    page = await browser.context.newPage();
    await page.addInitScript(RECORD_MUTATIONS);
  });

  const open = async (path: string): Promise<void> => {
    await page.goto(`${server.origin}${path}`);
    await expect.poll(async () => (await paintedTerms(page)).length).toBeGreaterThan(0);
  };

  const setSettings = (value: Record<string, unknown>): Promise<void> =>
    browser.worker.evaluate((settings) => chrome.storage.local.set({ settings }), value);

  it('leaves the registry of a page without terms empty, and registers its highlights with the first term', async () => {
    await page.goto(`${server.origin}/no-terms.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<p>Offshore BPO.</p>');
    });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(2);
    const names = await page.evaluate(() => [...CSS.highlights.keys()].sort());
    expect(names).toContain('glossary-bpo');
    expect(names.filter((name) => name.startsWith('bpo-kpo-glossary-'))).toHaveLength(6);
  });

  it('paints every expected form on the Estonian page and nothing else', async () => {
    await open('/estonian.html');
    const expected = await expectedTerms(page);
    await expect.poll(async () => byOwner(await paintedTerms(page))).toEqual(expected);
    // The public names (per-look names register the same highlights again for the stylesheet).
    const names = await page.evaluate(() =>
      [...CSS.highlights.keys()].filter((name) => name.startsWith('glossary-')).sort(),
    );
    expect(names).toEqual(
      ['bpo', 'kpo', 'nearshore', 'offshore', 'onshore', 'outsourcing'].map(
        (id) => `glossary-${id}`,
      ),
    );
  });

  it('paints every expected form on the English page and nothing else', async () => {
    await open('/english.html');
    const expected = await expectedTerms(page);
    // The page's expectations are the file's: none lost on the way in.
    expect(Object.values(expected).flat()).toHaveLength(ENGLISH.total);
    await expect.poll(async () => byOwner(await paintedTerms(page))).toEqual(expected);
  });

  it('paints inside srcdoc, same-origin and about:blank frames', async () => {
    await open('/estonian.html');
    const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc');
    const sameOrigin = page.frames().find((f) => f.url().endsWith('/frame.html'));
    expect(srcdoc).toBeDefined();
    expect(sameOrigin).toBeDefined();
    if (srcdoc === undefined || sameOrigin === undefined) return;
    await expect
      .poll(async () => byOwner(await paintedTerms(srcdoc)))
      .toEqual({
        'bpo:BPO-l': ['bpo:BPO-l'],
      });
    await expect
      .poll(async () => byOwner(await paintedTerms(sameOrigin)))
      .toEqual({
        'nearshore:Nearshoring | outsourcing:outsourcing': [
          'nearshore:Nearshoring',
          'outsourcing:outsourcing',
        ],
      });
    // An about:blank frame filled in by its parent after load.
    await page.evaluate(() => {
      const frame = document.getElementById('blank-frame') as HTMLIFrameElement;
      const doc = frame.contentDocument;
      if (doc === null) throw new Error('no blank frame document');
      const p = doc.createElement('p');
      p.textContent = 'Tühjas raamis: KPO-st.';
      doc.body.append(p);
    });
    const blank = await (await page.$('#blank-frame'))?.contentFrame();
    if (blank === undefined || blank === null) throw new Error('no about:blank frame');
    await expect
      .poll(async () => (await paintedTerms(blank)).map((t) => `${t.termId}:${t.text}`))
      .toEqual(['kpo:KPO-st']);
  });

  it('follows text added, changed and removed after load, leaving no stale ranges', async () => {
    await open('/english.html');
    await page.evaluate(() => {
      const dynamic = document.getElementById('dynamic');
      const p = document.createElement('p');
      p.id = 'added';
      p.setAttribute('data-expect', '');
      p.textContent = 'Added later: offshoring and KPO.';
      dynamic?.append(p);
    });
    const inAdded = async (): Promise<string[]> =>
      (await paintedTerms(page))
        .filter((t) => t.owner === 'added')
        .map((t) => `${t.termId}:${t.text}`);
    await expect.poll(inAdded).toEqual(['offshore:offshoring', 'kpo:KPO']);

    await page.evaluate(() => {
      const text = document.getElementById('added')?.firstChild;
      if (text instanceof Text) text.data = 'Changed: now nearshore only.';
    });
    await expect.poll(inAdded).toEqual(['nearshore:nearshore']);

    await page.evaluate(() => document.getElementById('added')?.remove());
    await expect.poll(inAdded).toEqual([]);
    // Range changes reach the highlights in batches (a fifth of a second apart at most).
    await expect
      .poll(async () => (await paintedTerms(page)).filter((t) => !t.connected || t.collapsed))
      .toEqual([]);
  });

  it('paints the terms of a page still loading, then exactly those of the loaded page', async () => {
    const painted = async (): Promise<string[]> =>
      (await paintedTerms(page)).filter((t) => t.connected && !t.collapsed).map((t) => t.text);
    await page.goto(`${server.origin}/streamed.html`, { waitUntil: 'commit' });
    // The preview paints what has arrived when it first finds terms: at least the first one.
    await expect.poll(async () => (await painted())[0]).toBe('KPO');
    expect(['KPO', 'BPO', 'offshore']).toEqual(expect.arrayContaining(await painted()));
    expect(await page.evaluate(() => document.readyState)).toBe('loading');

    streamed.release();
    await page.waitForLoadState('load');
    await expect.poll(painted).toEqual(['Nearshore', 'BPO', 'offshore', 'Outsourcing']);
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(4);
    await expect.poll(() => activeTabBadge(browser)).toBe('4');
  });

  it('changes no node of the page, its frames or its open shadow roots (only its own UI host appears)', async () => {
    await open('/estonian.html');
    // Everything painted: the page, its shadow roots and its frames.
    await expect
      .poll(async () => byOwner(await paintedTerms(page)))
      .toEqual(await expectedTerms(page));
    for (const frame of page.frames().filter((f) => f !== page.mainFrame()))
      if (frame.url() !== 'about:blank')
        await expect.poll(async () => (await paintedTerms(frame)).length).toBeGreaterThan(0);
    const box = await termBox(page, 'bpo:Äriprotsesside sisseostmise', 'Äriprotsesside');
    await page.mouse.move(box.x, box.y);
    await page.getByRole('tooltip').waitFor();
    await page.keyboard.press('Escape');
    // The recorder watched every place the extension paints in, so an empty log means something.
    const roots = await observedRoots(page);
    expect(roots[page.url()]).toEqual(['document', 'shadow root of <div>', 'shadow root of <div>']);
    expect(roots['about:srcdoc']).toEqual(['document']);
    expect(roots[`${server.origin}/frame.html`]).toEqual(['document']);
    expect(await pageMutations(page)).toEqual([]);
    const hosts = await page.evaluate(() => document.querySelectorAll('bpo-kpo-glossary').length);
    expect(hosts).toBe(1);
  });

  it('opens a tooltip after the pointer rests on a term, keeps it while hovered, closes on Escape', async () => {
    await open('/english.html');
    const tooltip = page.getByRole('tooltip');
    const box = await termBox(page, 'definition', 'BPO');

    // A quick pass across the term opens nothing.
    await page.mouse.move(box.x - 60, box.y);
    await page.mouse.move(box.x, box.y);
    await page.mouse.move(box.x + 200, box.y + 120);
    await page.waitForTimeout(500);
    expect(await tooltip.count()).toBe(0);

    await page.mouse.move(box.x, box.y);
    await tooltip.waitFor();
    const text = await tooltip.innerText();
    expect(text).toContain(TERM_BY_ID.bpo.definition.en);
    expect(text).toContain('Erinevus BPO ja KPO vahel');

    // Into the tooltip and resting there: it stays.
    const tip = await tooltip.boundingBox();
    if (tip === null) throw new Error('tooltip has no box');
    await page.mouse.move(box.x, tip.y + 4, { steps: 8 });
    await page.mouse.move(tip.x + tip.width / 2, tip.y + tip.height / 2, { steps: 8 });
    await page.waitForTimeout(700);
    expect(await tooltip.count()).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip.count()).toBe(0);

    // Open again, then leave both: it closes by itself.
    await page.mouse.move(box.x, box.y);
    await tooltip.waitFor();
    await page.mouse.move(5, 700);
    await expect.poll(() => tooltip.count(), { timeout: 3000 }).toBe(0);
  });

  it('quotes the Estonian definition verbatim on an Estonian page', async () => {
    await open('/estonian.html');
    const box = await termBox(page, 'bpo:Äriprotsesside sisseostmise', 'Äriprotsesside');
    await page.mouse.move(box.x, box.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.getAttribute('lang')).toBe('et');
    expect(await tooltip.innerText()).toContain(TERM_BY_ID.bpo.definition.et);
  });

  it('opens the tooltip of a term inside an open shadow root', async () => {
    await open('/estonian.html');
    const box = await page.evaluate(() => {
      const host = document.getElementById('shadow-host');
      const p = host?.shadowRoot?.querySelector('p');
      const text = p?.firstChild;
      if (!(text instanceof Text)) return null;
      p?.scrollIntoView({ block: 'center' });
      const at = text.data.indexOf('KPO-d');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 5);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    if (box === null) throw new Error('no shadow text');
    await page.mouse.move(box.x, box.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.getAttribute('data-term')).toBe('kpo');
    expect(await tooltip.innerText()).toContain(TERM_BY_ID.kpo.definition.et);
  });

  it('opens the tooltip for a tapped term but lets links behave as links', async () => {
    const touch = await browser.context.newPage();
    await touch.goto(`${server.origin}/english.html`);
    await expect.poll(async () => (await paintedTerms(touch)).length).toBeGreaterThan(0);
    const cdp = await browser.context.newCDPSession(touch);
    const tap = async (x: number, y: number): Promise<void> => {
      const point = [{ x, y }];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    const box = await termBox(touch, 'long-line', 'KPO');
    await tap(box.x, box.y);
    await touch.getByRole('tooltip').waitFor();
    await tap(5, 5);
    await expect.poll(() => touch.getByRole('tooltip').count()).toBe(0);

    const link = await termBox(touch, 'linked-term', 'KPO');
    await tap(link.x, link.y);
    await expect.poll(() => touch.url()).toContain('#linked');
    expect(await touch.getByRole('tooltip').count()).toBe(0);
    await touch.close();
  });

  it('walks through every occurrence on the next-term command (Alt+Shift+G): in view, tooltip open, announced', async () => {
    await open('/english.html');
    // Document order, from the fixture's own expectations.
    const expected = Object.entries(await expectedTerms(page)).flatMap(([owner, items]) =>
      items.map((item) => ({ owner, termId: item.split(':')[0] ?? '' })),
    );
    expect(expected).toHaveLength(ENGLISH.total);
    const tooltip = page.getByRole('tooltip');
    const live = page.locator('bpo-kpo-glossary [aria-live]');
    for (const [i, { owner, termId }] of [...expected, ...expected.slice(0, 1)].entries()) {
      await runCommand('next-term');
      // A new tooltip each time (one already seen carries a mark), for this occurrence's term.
      await expect
        .poll(() =>
          tooltip.evaluate((el) => {
            const seen = el as HTMLElement & { glossarySeen?: boolean };
            if (seen.glossarySeen === true) return 'the previous tooltip';
            seen.glossarySeen = true;
            return el.getAttribute('data-term');
          }),
        )
        .toBe(termId);
      expect(await ownerInView(page, owner), `press ${i + 1}: ${owner} in view`).toBe(true);
      await expect
        .poll(() => live.innerText())
        .toContain(TERM_BY_ID[termId as keyof typeof TERM_BY_ID].definition.en);
    }
    // The last one is far below the fold, and the walk went down to it and back up.
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip.count()).toBe(0);
  });

  it('switches the site off and back on with the toggle-site command (Alt+Shift+H)', async () => {
    await open('/english.html');
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(ENGLISH.total);
    // As the browser sends it: the command grants activeTab, so the tab carries its URL.
    await runCommand('toggle-site', { withUrl: true });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(0);
    await expect.poll(tabBadge).toBe('');
    expect(await storedSettings()).toMatchObject({ disabledSites: ['127.0.0.1'] });
    // Without the URL (a browser that leaves it out): the background asks the page for it.
    await runCommand('toggle-site', { withUrl: false });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(ENGLISH.total);
    await expect.poll(tabBadge).toBe(String(ENGLISH.total));
    expect(await storedSettings()).toMatchObject({ disabledSites: [] });
  });

  // 240 px: shorter than the tooltip's reading minimum on either side of the term.
  for (const height of [400, 240]) {
    it(`keeps the tooltip inside a ${height} px high viewport, scrolling inside it`, async () => {
      await page.setViewportSize({ width: 900, height });
      await open('/english.html');
      const box = await termBox(page, 'long-line', 'KPO');
      await page.mouse.move(box.x, box.y);
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor({ state: 'visible' });
      const fit = (): Promise<{ inside: boolean; overflows: boolean; scrollTop: number }> =>
        tooltip.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return {
            inside: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth,
            overflows: el.scrollHeight > el.clientHeight,
            scrollTop: el.scrollTop,
          };
        });
      await expect.poll(fit).toEqual({ inside: true, overflows: true, scrollTop: 0 });
      // The wheel over the tooltip scrolls its content, not the page, and the tooltip stays.
      const tip = await tooltip.boundingBox();
      if (tip === null) throw new Error('tooltip has no box');
      await page.mouse.move(tip.x + tip.width / 2, tip.y + tip.height / 2, { steps: 6 });
      const pageScroll = await page.evaluate(() => scrollY);
      await page.mouse.wheel(0, 120);
      await expect.poll(async () => (await fit()).scrollTop).toBeGreaterThan(0);
      expect(await page.evaluate(() => scrollY)).toBe(pageScroll);
      expect((await fit()).inside).toBe(true);
    });
  }

  it('opens the tooltip of a term whose text is selected by double-click', async () => {
    await open('/english.html');
    const box = await termBox(page, 'long-line', 'KPO');
    await page.mouse.dblclick(box.x, box.y);
    await page.mouse.move(5, 700);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.getAttribute('data-term')).toBe('kpo');
  });

  it('shows a readable tooltip under a strict CSP and on a page with hostile CSS', async () => {
    for (const path of ['/csp.html', '/hostile.html']) {
      await open(path);
      const box = await termBox(page, 't', 'KPO');
      await page.mouse.move(box.x, box.y);
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor({ state: 'visible' });
      const look = await tooltip.evaluate((el) => {
        const style = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        return {
          font: style.fontSize,
          bg: style.backgroundColor,
          width: r.width,
          height: r.height,
        };
      });
      expect(look.font).toBe('14px');
      expect(look.bg).not.toBe('rgba(0, 0, 0, 0)');
      expect(look.width).toBeGreaterThan(200);
      expect(look.height).toBeGreaterThan(100);
      expect(await tooltip.innerText()).toContain(TERM_BY_ID.kpo.definition.en);
    }
  });

  it('removes and restores highlights and the badge live when the site is switched off and on', async () => {
    await open('/english.html');
    const count = ENGLISH.total;
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(count);
    await expect.poll(tabBadge).toBe(String(count));

    await setSettings({ enabled: true, disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(0);
    await expect.poll(tabBadge).toBe('');
    expect(await page.evaluate(() => document.querySelectorAll('bpo-kpo-glossary').length)).toBe(0);

    await setSettings({ enabled: true, disabledSites: [] });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(count);
    await expect.poll(tabBadge).toBe(String(count));

    await setSettings({ enabled: false, disabledSites: [] });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(0);
    await setSettings({ enabled: true, disabledSites: [] });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(count);
  });

  it('paints only the first occurrence of each term when asked, still counting them all', async () => {
    await open('/english.html');
    await setSettings({ enabled: true, disabledSites: [], firstOnly: true });
    // Each term's first occurrence in english.html, in document order.
    await expect
      .poll(async () => (await paintedTerms(page)).map((t) => `${t.termId}:${t.text}:${t.owner}`))
      .toEqual([
        'bpo:BPO:bpo:BPO | kpo:KPO',
        'kpo:KPO:bpo:BPO | kpo:KPO',
        'onshore:Onshore:onshore:Onshore | nearshore:nearshore | offshore:offshore',
        'nearshore:nearshore:onshore:Onshore | nearshore:nearshore | offshore:offshore',
        'offshore:offshore:onshore:Onshore | nearshore:nearshore | offshore:offshore',
        'outsourcing:outsource:outsourcing:outsource | outsourcing:outsourced | outsourcing:Outsourcing',
      ]);
    await expect.poll(() => tabBadge()).toBe(String(ENGLISH.total));
    await setSettings({ enabled: true, disabledSites: [], firstOnly: false });
    await expect.poll(async () => (await paintedTerms(page)).length).toBe(ENGLISH.total);
  });

  it('follows a single-page-app navigation: new view, new highlights, badge in step', async () => {
    await open('/spa.html');
    await expect.poll(async () => (await paintedTerms(page)).map((t) => t.text)).toEqual(['BPO']);
    await page.click('#next');
    expect(page.url()).toContain('/spa/kpo');
    await expect
      .poll(async () => (await paintedTerms(page)).map((t) => `${t.termId}:${t.text}`))
      .toEqual(['kpo:KPO', 'offshore:offshoring', 'nearshore:nearshore']);
    await expect.poll(() => tabBadge()).toBe('3');
  });

  it('survives a mutation storm and ends with exactly the settled page highlighted', async () => {
    await page.goto(`${server.origin}/storm.html`);
    // The page's own 40 frames of churn finish: the extension neither hangs nor breaks it.
    await page.waitForFunction(
      () => (window as unknown as { stormOver?: boolean }).stormOver,
      undefined,
      {
        timeout: 30_000,
      },
    );
    await expect
      .poll(async () => (await paintedTerms(page)).map((t) => `${t.owner}:${t.termId}:${t.text}`))
      .toEqual([':offshore:offshore', ':bpo:BPO']);
    expect((await paintedTerms(page)).filter((t) => !t.connected)).toEqual([]);
  });

  it('paints every occurrence in view on a term-dense page, wherever it is scrolled to and back', async () => {
    await open('/dense.html');
    await expect.poll(async () => (await countsInTab()).total).toBe(DENSE_OCCURRENCES);
    // Past the first 2,000 only those near the viewport are painted: lazy mode is in play.
    expect((await paintedTerms(page)).length).toBeLessThan(DENSE_OCCURRENCES);
    for (const at of [0.3, 0.62, 0.97, 0.5, 0.08, 0.8]) {
      await page.evaluate((at) => {
        scrollTo(0, at * (document.documentElement.scrollHeight - innerHeight));
      }, at);
      await expect
        .poll(() => unpaintedInView(page, '.dense', DENSE_WORDS), { timeout: 5000 })
        .toEqual({ inView: true, unpainted: [] });
    }
  });

  it('leaves the highlights alone through a fling, and paints where it stops', async () => {
    await open('/dense.html');
    await expect.poll(async () => (await countsInTab()).total).toBe(DENSE_OCCURRENCES);
    await expect
      .poll(() => unpaintedInView(page, '.dense', DENSE_WORDS))
      .toEqual({ inView: true, unpainted: [] });
    // A third of a screen a frame (20 a second) down to 80% of the page, through the lazy text:
    // nobody reads that. Each change of the highlights would cost the page a repaint of its whole
    // tree; none is made.
    const fling = await page.evaluate(async () => {
      const sizes = new Set<string>();
      const size = (): string =>
        [...CSS.highlights]
          .filter(([name]) => name.startsWith('glossary-'))
          .map(([, h]) => h.size)
          .join();
      const end = 0.8 * (document.documentElement.scrollHeight - innerHeight);
      while (scrollY < end) {
        scrollBy(0, innerHeight / 3);
        await new Promise((done) => requestAnimationFrame(done));
        sizes.add(size());
      }
      return { sizes: [...sizes], screens: end / innerHeight };
    });
    expect(fling.screens).toBeGreaterThan(40);
    expect(fling.sizes).toHaveLength(1);
    await expect
      .poll(() => unpaintedInView(page, '.dense', DENSE_WORDS), { timeout: 5000 })
      .toEqual({ inView: true, unpainted: [] });
  });

  it('counts every occurrence in a multi-megabyte text node and paints the ones in view as it scrolls, not the far ones', async () => {
    const sentence =
      'Plain words about nothing in particular, then one BPO-d and one allhanke here. ';
    const repeats = 60_000; // about 4.7 MB in one text node
    await page.goto(`${server.origin}/spa.html`);
    await page.evaluate(
      ({ sentence, repeats }) => {
        const p = document.createElement('p');
        p.id = 'huge';
        p.className = 'huge';
        p.textContent = sentence.repeat(repeats);
        document.body.append(p);
      },
      { sentence, repeats },
    );
    const expected = 2 * repeats + 1; // BPO-d and allhanke in each sentence, plus the view's BPO
    await expect.poll(async () => (await countsInTab()).total, { timeout: 30_000 }).toBe(expected);
    for (const at of [0.02, 0.5, 0.93, 0.25, 0.7]) {
      await page.evaluate((at) => {
        scrollTo(0, at * (document.documentElement.scrollHeight - innerHeight));
      }, at);
      await expect
        .poll(() => unpaintedInView(page, '.huge', ['BPO-d', 'allhanke']), { timeout: 5000 })
        .toEqual({ inView: true, unpainted: [] });
      // Windowed: what is painted in the node lies in a band around the viewport, a few screens tall.
      expect(await paintedFarFromView(page, 'huge')).toEqual([]);
    }
    const painted = await paintedTerms(page);
    expect(
      painted.every((t) => t.text === 'BPO-d' || t.text === 'allhanke' || t.text === 'BPO'),
    ).toBe(true);
  });

  const tabBadge = (): Promise<string> => activeTabBadge(browser);
  const countsInTab = (): Promise<{ total: number }> => activeTabCounts(browser);

  function storedSettings(): Promise<unknown> {
    return browser.worker.evaluate(
      async () => (await chrome.storage.local.get('settings')).settings,
    );
  }

  /**
   * Runs a keyboard command the way the browser does when its shortcut is pressed: fires
   * `commands.onCommand` in the service worker with the active tab, so the background's own
   * listener handles it. (Headless Chromium has no browser window to press a shortcut in; a key
   * sent to the page never reaches the browser's accelerators.)
   */
  async function runCommand(
    command: 'next-term' | 'toggle-site',
    { withUrl = false }: { withUrl?: boolean } = {},
  ): Promise<void> {
    await page.bringToFront();
    const url = withUrl ? page.url() : undefined;
    await browser.worker.evaluate(
      async ({ command, url }) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab === undefined) throw new Error('no active tab');
        const onCommand = chrome.commands.onCommand as unknown as {
          hasListeners(): boolean;
          dispatch(name: string, tab: unknown): void;
        };
        if (!onCommand.hasListeners()) throw new Error('the background listens to no command');
        onCommand.dispatch(command, url === undefined ? tab : { ...tab, url });
      },
      { command, url },
    );
  }
});

// A term-dense page: 1,500 paragraphs of three occurrences each, well past the 2,000 painted at once.
const DENSE_WORDS = ['BPO', 'KPO', 'offshore'];
const DENSE_PARAGRAPHS = 1500;
const DENSE_OCCURRENCES = DENSE_PARAGRAPHS * DENSE_WORDS.length;
function densePage(): string {
  const paragraphs = Array.from(
    { length: DENSE_PARAGRAPHS },
    (_, i) => `<p class="dense" id="p${i}">Paragraph ${i}: BPO and KPO teams work offshore.</p>`,
  );
  return `<!doctype html><html lang="en"><body>${paragraphs.join('\n')}</body></html>`;
}

/**
 * Occurrences of `words` in the text of `selector` elements that are inside the viewport but not
 * painted (a `glossary-*` highlight range starting there), and whether any was in view at all.
 */
function unpaintedInView(
  page: Page,
  selector: string,
  words: readonly string[],
): Promise<{ inView: boolean; unpainted: string[] }> {
  return page.evaluate(
    ({ selector, words }) => {
      const painted = new Map<Node, Set<number>>();
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('glossary-')) continue;
        for (const range of highlight as Iterable<AbstractRange>) {
          let starts = painted.get(range.startContainer);
          if (starts === undefined) painted.set(range.startContainer, (starts = new Set()));
          starts.add(range.startOffset);
        }
      }
      const range = document.createRange();
      const visible = (): boolean => {
        const r = range.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight && r.height > 0;
      };
      let inView = 0;
      const unpainted: string[] = [];
      for (const el of document.querySelectorAll(selector)) {
        const box = el.getBoundingClientRect();
        if (box.bottom <= 0 || box.top >= innerHeight) continue;
        const text = el.firstChild;
        if (!(text instanceof Text)) continue;
        // In a huge text node, only the stretch between the viewport's first and last caret.
        const first = document.caretPositionFromPoint(innerWidth / 2, 1);
        const last = document.caretPositionFromPoint(innerWidth / 2, innerHeight - 1);
        const from = first?.offsetNode === text ? Math.max(0, first.offset - 500) : 0;
        const to = last?.offsetNode === text ? last.offset + 500 : text.data.length;
        for (const word of words) {
          for (let at = text.data.indexOf(word, from); at >= 0 && at < to;) {
            range.setStart(text, at);
            range.setEnd(text, at + word.length);
            if (visible()) {
              inView++;
              if (painted.get(text)?.has(at) !== true) unpainted.push(`${el.id}@${at}:${word}`);
            }
            at = text.data.indexOf(word, at + word.length);
          }
        }
      }
      return { inView: inView > 0, unpainted: unpainted.slice(0, 20) };
    },
    { selector, words },
  );
}

/** Painted ranges in the element's text lying more than three viewport heights from the viewport. */
function paintedFarFromView(page: Page, id: string): Promise<string[]> {
  return page.evaluate((id) => {
    const text = document.getElementById(id)?.firstChild;
    const far: string[] = [];
    const range = document.createRange();
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossary-')) continue;
      for (const r of highlight as Iterable<AbstractRange>) {
        if (r.startContainer !== text) continue;
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getBoundingClientRect();
        if (box.bottom < -3 * innerHeight || box.top > 4 * innerHeight)
          far.push(`${r.startOffset} at y=${Math.round(box.top)}`);
      }
    }
    return far.slice(0, 20);
  }, id);
}

/** Whether the element with this id (or data-expect) is inside the viewport now. */
function ownerInView(page: Page, owner: string): Promise<boolean> {
  return page.evaluate((owner) => {
    const el =
      document.getElementById(owner) ??
      document.querySelector(`[data-expect="${CSS.escape(owner)}"]`);
    if (el === null) return false;
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.height > 0;
  }, owner);
}

/** The centre of the first `word` inside the element with this id (or data-expect), in viewport px. */
async function termBox(page: Page, owner: string, word: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(
    ({ owner, word }) => {
      const el =
        document.getElementById(owner) ??
        document.querySelector(`[data-expect="${CSS.escape(owner)}"]`);
      if (el === null) return null;
      el.scrollIntoView({ block: 'center' });
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    { owner, word },
  );
  if (box === null) throw new Error(`"${word}" not found in #${owner}`);
  return box;
}
