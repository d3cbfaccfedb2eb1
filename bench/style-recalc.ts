// `npm run bench:style`, also run by `npm run bench`: what the stylesheet the browser injects for
// the extension costs the page's own style recalculation. Each corpus page is loaded and scrolled
// in three Chromiums of one run: without the extension, with it switched off (the injected sheet
// alone: the content script starts, reads its settings and stops) and with it on. The figure is
// the sum of the page's `UpdateLayoutTree` trace events; the least of several loads is kept, the
// machine being shared and noisy.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath, launchExtension } from '../tests/e2e/support/chromium.ts';
import { serve } from '../tests/e2e/support/server.ts';
import {
  findCorpus,
  keepOffTheNetwork,
  NO_PAGE_SCRIPTS,
  printTable,
  setGlossaryEnabled,
} from './trace.ts';

const PAGES = ['large/ecma262-es6-draft-2015.html', 'pages/wikipedia-2.html'] as const;
const LOADS = Number(process.env.BENCH_STYLE_LOADS ?? 5);
/** The budget: the injected sheet may add at most this much to the page's own style recalc. */
export const STYLE_RECALC_BUDGET = 0.05;

type Condition = 'without extension' | 'extension off' | 'extension on';

/** Sum of UpdateLayoutTree durations (ms) for one load, scroll to the end and back. */
async function styleRecalcMs(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: { name?: unknown; ph?: unknown; dur?: unknown }[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...e.value);
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  await page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await page.waitForTimeout(400);
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(400);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return (
    events
      .filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X')
      .reduce((sum, e) => sum + (typeof e.dur === 'number' ? e.dur : 0), 0) / 1000
  );
}

async function plainChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'glossary-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Measures every page in every condition; returns the least style recalc (ms) of each. */
export async function benchStyleRecalc(
  corpus: string,
): Promise<Map<string, Map<Condition, number>>> {
  const server = await serve({
    pages: Object.fromEntries(
      PAGES.map((p) => [
        `/${p}`,
        { body: readFileSync(join(corpus, p), 'utf8'), headers: NO_PAGE_SCRIPTS },
      ]),
    ),
  });
  const plain = await plainChromium();
  const off = await launchExtension();
  const on = await launchExtension();
  await setGlossaryEnabled(off.worker, false);
  await setGlossaryEnabled(on.worker, true);
  const contexts: Record<Condition, BrowserContext> = {
    'without extension': plain.context,
    'extension off': off.context,
    'extension on': on.context,
  };
  for (const context of Object.values(contexts)) await keepOffTheNetwork(context);
  const results = new Map<string, Map<Condition, number>>();
  try {
    for (let load = 0; load < LOADS; load++) {
      for (const path of PAGES) {
        for (const [condition, context] of Object.entries(contexts) as [
          Condition,
          BrowserContext,
        ][]) {
          const ms = await styleRecalcMs(context, `${server.origin}/${path}`);
          const byCondition = results.get(path) ?? new Map<Condition, number>();
          byCondition.set(condition, Math.min(byCondition.get(condition) ?? Infinity, ms));
          results.set(path, byCondition);
        }
      }
    }
  } finally {
    await Promise.all([plain.close(), off.close(), on.close(), server.close()]);
  }
  return results;
}

const percent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;

/** Prints the table; returns false when the injected sheet misses its budget on a page. */
export function reportStyleRecalc(results: Map<string, Map<Condition, number>>): boolean {
  let withinBudget = true;
  const rows = [...results].map(([path, byCondition]) => {
    const own = byCondition.get('without extension') ?? NaN;
    const off = byCondition.get('extension off') ?? NaN;
    const on = byCondition.get('extension on') ?? NaN;
    if (!(off / own - 1 <= STYLE_RECALC_BUDGET)) withinBudget = false;
    return [
      path,
      own.toFixed(0),
      off.toFixed(0),
      percent(off / own - 1),
      on.toFixed(0),
      percent(on / own - 1),
    ];
  });
  console.log(
    `\nStyle recalculation (UpdateLayoutTree, ms, least of ${LOADS} loads): the injected sheet's budget is +${STYLE_RECALC_BUDGET * 100}%`,
  );
  printTable(
    [
      'page',
      'without extension',
      'extension off (sheet only)',
      'sheet cost',
      'extension on',
      'on vs without',
    ],
    rows,
  );
  return withinBudget;
}

if (process.argv[1]?.endsWith('style-recalc.ts') === true) {
  const corpus = findCorpus();
  if (corpus === null) {
    console.error('The shared corpus (../shared/corpus) is missing: nothing to measure.');
    process.exit(1);
  }
  const ok = reportStyleRecalc(await benchStyleRecalc(corpus));
  if (!ok) {
    console.error('The injected stylesheet costs more than its budget on at least one page.');
    process.exitCode = 1;
  }
}
