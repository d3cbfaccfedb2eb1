// `npm run bench:style`, also run by `npm run bench`: what the stylesheet the browser injects for
// the extension costs the page's own style recalculation. Each corpus page is loaded and scrolled
// in three Chromiums of one run: without the extension, with it switched off (the injected sheet
// alone: the content script starts, reads its settings and stops) and with it on. The figures are
// the sums over the page's `UpdateLayoutTree` trace events of their thread CPU time (`tdur`: less
// swayed than wall time by other processes on a shared machine) and of the elements they restyled
// (deterministic); the least of several loads is kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { BUDGETS } from './budgets.ts';
import { launchChromium, launchExtension } from '../tests/e2e/support/chromium.ts';
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

type Condition = 'without extension' | 'extension off' | 'extension on';

interface StyleRecalc {
  /** Thread CPU time in ms. */
  readonly cpuMs: number;
  /** Elements whose style was recalculated. */
  readonly elements: number;
}

/** Style recalculation for one load, scroll to the end and back. */
async function styleRecalc(context: BrowserContext, url: string): Promise<StyleRecalc> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: { name?: unknown; ph?: unknown; tdur?: unknown; args?: unknown }[] = [];
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
  let cpuMs = 0;
  let elements = 0;
  for (const e of events) {
    if (e.name !== 'UpdateLayoutTree' || e.ph !== 'X') continue;
    cpuMs += typeof e.tdur === 'number' ? e.tdur / 1000 : 0;
    const count = (e.args as { elementCount?: unknown } | undefined)?.elementCount;
    elements += typeof count === 'number' ? count : 0;
  }
  return { cpuMs, elements };
}

/** Measures every page in every condition; returns the least style recalculation of each. */
export async function benchStyleRecalc(
  corpus: string,
): Promise<Map<string, Map<Condition, StyleRecalc>>> {
  const server = await serve({
    pages: Object.fromEntries(
      PAGES.map((p) => [
        `/${p}`,
        { body: readFileSync(join(corpus, p), 'utf8'), headers: NO_PAGE_SCRIPTS },
      ]),
    ),
  });
  const plain = await launchChromium({ extensionDir: null });
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
  const results = new Map<string, Map<Condition, StyleRecalc>>();
  try {
    for (let load = 0; load < LOADS; load++) {
      for (const path of PAGES) {
        for (const [condition, context] of Object.entries(contexts) as [
          Condition,
          BrowserContext,
        ][]) {
          const measured = await styleRecalc(context, `${server.origin}/${path}`);
          const byCondition = results.get(path) ?? new Map<Condition, StyleRecalc>();
          const least = byCondition.get(condition);
          byCondition.set(condition, {
            cpuMs: Math.min(least?.cpuMs ?? Infinity, measured.cpuMs),
            elements: Math.min(least?.elements ?? Infinity, measured.elements),
          });
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
export function reportStyleRecalc(results: Map<string, Map<Condition, StyleRecalc>>): boolean {
  let withinBudget = true;
  const rows = [...results].map(([path, byCondition]) => {
    const own = byCondition.get('without extension');
    const off = byCondition.get('extension off');
    const on = byCondition.get('extension on');
    if (own === undefined || off === undefined || on === undefined) {
      throw new Error(`${path} was not measured in every condition`);
    }
    const sheetCost = off.cpuMs / own.cpuMs - 1;
    if (!(sheetCost <= BUDGETS.styleRecalcSheetCost)) withinBudget = false;
    const cell = (r: StyleRecalc): string => `${r.cpuMs.toFixed(0)} ms / ${r.elements}`;
    return [
      path,
      cell(own),
      cell(off),
      percent(sheetCost),
      cell(on),
      percent(on.cpuMs / own.cpuMs - 1),
    ];
  });
  console.log(
    `\nStyle recalculation (UpdateLayoutTree: CPU ms / elements restyled, least of ${LOADS} loads); the injected sheet's budget is +${BUDGETS.styleRecalcSheetCost * 100}% CPU`,
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
