// Renders scripts/icon.svg to the PNG sizes the manifest names (public/icon/N.png) with Chromium.
// The PNGs are committed; run `npm run icons` after changing the SVG.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../tests/e2e/support/chromium.ts';

const svg = readFileSync(resolve(import.meta.dirname, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  const out = resolve(import.meta.dirname, `../public/icon/${size}.png`);
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`Wrote ${out}`);
  await page.close();
}
await browser.close();
