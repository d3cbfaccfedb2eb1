// `npm run demo`: serves the demo page on 127.0.0.1 and opens Chromium with the built extension.
// With a display the browser stays open for you; without one it runs headless, saves
// screenshots to demo-shots/ and exits.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/support/chromium.ts';
import { countGlossaryRanges } from '../tests/e2e/support/highlights.ts';
import { serve } from '../tests/e2e/support/server.ts';
import { demoPageHtml, introductionKpoCentre } from './demo-page.ts';
import { captureUiShots } from './demo-ui-shots.ts';

const SHOTS = resolve(import.meta.dirname, '../demo-shots');
const headless = (process.env.DISPLAY ?? '') === '' || process.env.CI === 'true';

const server = await serve({ pages: { '/': { body: demoPageHtml() } } });
const browser = await launchExtension({ headless, viewport: headless ? undefined : null });
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(`${server.origin}/`);
console.log(`Demo page: ${server.origin}/`);

if (headless) {
  mkdirSync(SHOTS, { recursive: true });
  // Let the content script finish painting (its first highlights can come before the rest): the
  // picture is taken once the painted ranges have stayed the same for half a second.
  await highlightsSettled(page);
  const shots: string[] = [];
  const pageShot = resolve(SHOTS, 'page.png');
  await page.screenshot({ path: pageShot });
  shots.push(pageShot);

  // Rest the pointer on the first KPO of the introduction: its tooltip opens.
  const box = await page.evaluate(introductionKpoCentre);
  if (box !== null) {
    await page.mouse.move(box.x, box.y);
    await page.getByRole('tooltip').waitFor({ timeout: 5000 });
    const tooltipShot = resolve(SHOTS, 'tooltip.png');
    await page.screenshot({ path: tooltipShot });
    shots.push(tooltipShot);
  }
  await page.keyboard.press('Escape');
  shots.push(...(await captureUiShots(browser, server.origin, SHOTS)));
  for (const shot of shots) console.log(`Saved ${shot}`);
  await browser.close();
  await server.close();
} else {
  console.log('Chromium is open with the extension loaded; close its window to end the demo.');
  await new Promise<void>((done) => {
    browser.context.on('close', () => {
      done();
    });
  });
  await server.close();
}

/** Resolves once the page holds glossary ranges and their number has not changed for 500 ms. */
async function highlightsSettled(target: Page, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  while (Date.now() < end) {
    const ranges = await target.evaluate(countGlossaryRanges);
    if (ranges !== last) {
      last = ranges;
      since = Date.now();
    } else if (ranges > 0 && Date.now() - since > 500) return;
    await new Promise((done) => setTimeout(done, 100));
  }
}
