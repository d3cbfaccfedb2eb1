// `npm run demo:firefox` (also run by `npm run demo`): the demo page in headless Firefox with the
// built Firefox add-on (.output/firefox-mv2); rests the pointer on a term and saves the page with
// its tooltip open to demo-shots/firefox-tooltip.png. Says so and exits when there is no Firefox.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchFirefox, firefoxOrSkipReason, waitFor } from '../tests/firefox/support/firefox.ts';
import { openTooltip, paintedCount } from '../tests/firefox/support/page.ts';
import { serve } from '../tests/e2e/support/server.ts';
import { demoPageHtml, introductionKpoCentre } from './demo-page.ts';

const SHOTS = resolve(import.meta.dirname, '../demo-shots');

const { skip } = firefoxOrSkipReason();
if (skip !== null) {
  console.log(`Firefox screenshot skipped: ${skip}`);
} else {
  const server = await serve({ pages: { '/': { body: demoPageHtml() } } });
  const session = await launchFirefox();
  try {
    const page = await session.browser.newPage();
    await page.goto(`${server.origin}/`);
    await waitFor(
      () => paintedCount(page),
      (n) => n > 0,
      'highlights',
    );
    // Rest the pointer on the first KPO of the introduction: its tooltip opens.
    const box = await page.evaluate(introductionKpoCentre);
    if (box === null) throw new Error('No introduction paragraph');
    await page.mouse.move(box.x - 30, box.y);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await waitFor(
      () => openTooltip(page),
      (tip) => tip !== null,
      'the tooltip',
    );
    // Two frames, so the tooltip's final position is painted.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    mkdirSync(SHOTS, { recursive: true });
    const path = resolve(SHOTS, 'firefox-tooltip.png');
    await page.screenshot({ path });
    console.log(`Saved ${path} (${session.version})`);
  } finally {
    await session.close();
    await server.close();
  }
}
