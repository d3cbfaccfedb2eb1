// `npm run bench`: the extension against a bare text walk (the floor) and against mark.js, on a
// generated term-dense page and on real pages from the shared corpus, in one Chromium; plus the
// matcher alone and the content script's gzipped size. Prints one table, writes bench/results.json.
// Budgets (bench/budgets.ts) are reported here; `npm run bench:check` fails when one is missed.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, EXTENSION_DIR } from '../tests/e2e/support/chromium.ts';
import { serve } from '../tests/e2e/support/server.ts';
import { markCall, markOnce, scrollThrough, walkText, type MarkResult } from './in-page.ts';
import { MARK_JS_SOURCE, MARK_KEYWORDS, MARK_REGEXP } from './mark-js.ts';
import { BUDGETS, missedBudgets, type BudgetName } from './budgets.ts';
import { contentScriptSize } from './content-script-size.ts';
import { GENERATED_PARAGRAPHS, generatedPageHtml, matcherOccurrences } from './generated-page.ts';
import { benchMatcher } from './matcher-bench.ts';
import {
  corpusLocation,
  extensionTime,
  findCorpus,
  keepOffTheNetwork,
  NAME_SHIM,
  NO_PAGE_SCRIPTS,
  occurrenceCounts,
  PROJECT_ROOT,
  printTable,
  setGlossaryEnabled,
  startTrace,
  stopTrace,
  waitUntilSettled,
  type HotFunction,
} from './trace.ts';

/** Extension runs per page; the run with the median script time is reported. */
const EXTENSION_RUNS = Number(process.env.BENCH_RUNS ?? 3);

// ---------------------------------------------------------------------------------------------
// In-page measurements

/** Marks the first animation frame with a glossary highlight (main world, before page load). */
const FIRST_HIGHLIGHT_PROBE = `(() => {
  const look = () => {
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('glossary-') && highlight.size > 0) {
        window.__glossaryFirstHighlight = performance.now();
        performance.mark('glossary:first-highlight');
        return;
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

interface FloorResult {
  readonly coldMs: number;
  readonly warmMedianMs: number;
  readonly textNodes: number;
  readonly chars: number;
}

/** The bare walk: every text node under body, its data read; the first (cold) pass and 4 more. */
async function measureFloor(page: Page): Promise<FloorResult> {
  const passes = await page.evaluate(walkText, 5);
  const warm = passes
    .slice(1)
    .map((p) => p.ms)
    .sort((a, b) => a - b);
  const cold = passes[0];
  return {
    coldMs: cold?.ms ?? NaN,
    warmMedianMs: warm[Math.floor(warm.length / 2)] ?? NaN,
    textNodes: cold?.nodes ?? 0,
    chars: cold?.chars ?? 0,
  };
}

/** Injects mark.js (CDP evaluation is not subject to the page's CSP) and times one call. */
async function measureMarkJs(page: Page, mode: 'regexp' | 'array'): Promise<MarkResult> {
  await page.evaluate(MARK_JS_SOURCE);
  return page.evaluate(markOnce, markCall(mode));
}

interface ExtensionRun {
  readonly scriptMs: number;
  readonly sampledMs: number;
  readonly evaluateMs: number;
  readonly forcedLayoutMs: number;
  readonly longestTaskMs: number;
  readonly longestTaskScriptMs: number;
  /** ms from navigation start (performance.now in the page). */
  readonly firstHighlightSinceNavigationMs: number | null;
  /** ms from the content script's first trace event. */
  readonly firstHighlightSinceScriptMs: number | null;
  readonly ranges: number;
  readonly occurrences: number;
  readonly counts: Record<string, number>;
  readonly settled: boolean;
  readonly hotFunctions: readonly HotFunction[];
}

async function measureExtension(
  page: Page,
  url: string,
  bench: Awaited<ReturnType<typeof launchExtension>>,
  scriptSource: string,
): Promise<ExtensionRun> {
  const cdp = await bench.context.newCDPSession(page);
  await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await waitUntilSettled(page, bench.worker);
  await page.evaluate(scrollThrough);
  const settled = await waitUntilSettled(page, bench.worker);
  const events = await stopTrace(cdp);
  await cdp.detach();
  const counts = (await occurrenceCounts(bench.worker))[0];
  const firstHighlight = await page.evaluate(
    () => (window as { __glossaryFirstHighlight?: number }).__glossaryFirstHighlight ?? null,
  );
  const scriptUrl = `chrome-extension://${bench.extensionId}/content-scripts/glossary.js`;
  const time = extensionTime(events, scriptUrl, scriptSource);
  const markTs = time.marks.get('glossary:first-highlight');
  return {
    scriptMs: time.scriptMs,
    sampledMs: time.sampledMs,
    evaluateMs: time.evaluateMs,
    forcedLayoutMs: time.forcedLayoutMs,
    longestTaskMs: time.longestTaskMs,
    longestTaskScriptMs: time.longestTaskScriptMs,
    firstHighlightSinceNavigationMs: firstHighlight,
    firstHighlightSinceScriptMs:
      markTs === undefined || time.startTs === null ? null : (markTs - time.startTs) / 1000,
    ranges: settled.ranges,
    occurrences: counts?.total ?? 0,
    counts: { ...counts?.counts },
    settled: settled.settled,
    hotFunctions: time.hotFunctions.slice(0, 25),
  };
}

// ---------------------------------------------------------------------------------------------
// The run

interface BenchPage {
  readonly name: string;
  readonly path: string;
  readonly bytes: number;
  /** Pages held to the floor budget (big text pages). */
  readonly floorBudget: boolean;
  /** What the matcher finds on a generated page (null for corpus pages). */
  readonly expectedOccurrences: number | null;
}

const corpus = findCorpus();
const generatedHtml = generatedPageHtml(GENERATED_PARAGRAPHS);
const pages: BenchPage[] = [
  {
    name: `generated (${GENERATED_PARAGRAPHS / 1000}k ¶)`,
    path: '/generated.html',
    bytes: Buffer.byteLength(generatedHtml),
    floorBudget: true,
    expectedOccurrences: matcherOccurrences(generatedHtml),
  },
];
if (corpus === null) {
  console.log(
    `No corpus at ${corpusLocation()} (set GLOSSARY_CORPUS): the real pages are skipped, ` +
      'the generated page is measured.',
  );
} else {
  for (const [name, floorBudget] of [
    ['large/ecma262-es6-draft-2015.html', true],
    ['pages/wikipedia-2.html', false],
  ] as const) {
    try {
      pages.push({
        name,
        path: `/${name}`,
        bytes: statSync(join(corpus, name)).size,
        floorBudget,
        expectedOccurrences: null,
      });
    } catch {
      console.log(`Corpus page ${name} is missing: skipped.`);
    }
  }
}

const scriptPath = join(EXTENSION_DIR, 'content-scripts/glossary.js');
const scriptSource = readFileSync(scriptPath, 'utf8');
const { gzipBytes } = contentScriptSize();

console.log('Matcher alone (findTerms on ~20 MB in Node)…');
const matcher = benchMatcher();

const server = await serve({
  pages: { '/generated.html': { body: generatedHtml, headers: NO_PAGE_SCRIPTS } },
  ...(corpus === null ? {} : { root: corpus }),
  htmlHeaders: NO_PAGE_SCRIPTS,
});

interface PageResult {
  readonly page: string;
  readonly url: string;
  readonly bytes: number;
  readonly floorBudget: boolean;
  readonly expectedOccurrences: number | null;
  readonly floor: FloorResult;
  readonly markRegExp: MarkResult;
  readonly markArray: MarkResult;
  readonly extension: ExtensionRun;
  readonly extensionRuns: readonly Pick<
    ExtensionRun,
    'scriptMs' | 'longestTaskMs' | 'firstHighlightSinceScriptMs'
  >[];
  readonly ratios: {
    readonly markRegExpOverExtension: number;
    readonly markArrayOverExtension: number;
    readonly extensionOverFloor: number;
  };
}

const bench = await launchExtension();
const results: PageResult[] = [];
try {
  await keepOffTheNetwork(bench.context);
  const page = bench.context.pages()[0] ?? (await bench.context.newPage());
  for (const other of bench.context.pages()) if (other !== page) await other.close();
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(FIRST_HIGHLIGHT_PROBE);
  const userAgent = await page.evaluate(() => navigator.userAgent);

  for (const benchPage of pages) {
    const url = server.origin + benchPage.path;
    console.log(`${benchPage.name}: floor and mark.js with the glossary off…`);
    await setGlossaryEnabled(bench.worker, false);
    const load = async (): Promise<void> => {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      // The switched-off content script still starts at document_idle; let it finish first.
      await page.waitForTimeout(500);
      const registered = await page.evaluate(() => CSS.highlights.size);
      if (registered !== 0) throw new Error('the glossary is still on during a baseline run');
    };
    await load();
    const floor = await measureFloor(page);
    await load();
    const markRegExp = await measureMarkJs(page, 'regexp');
    await load();
    const markArray = await measureMarkJs(page, 'array');

    console.log(`${benchPage.name}: the extension, ${EXTENSION_RUNS} traced load(s)…`);
    await setGlossaryEnabled(bench.worker, true);
    const runs: ExtensionRun[] = [];
    for (let i = 0; i < EXTENSION_RUNS; i++) {
      runs.push(await measureExtension(page, url, bench, scriptSource));
    }
    runs.sort((a, b) => a.scriptMs - b.scriptMs);
    const extension = runs[Math.floor(runs.length / 2)];
    if (extension === undefined) throw new Error('no extension run');
    results.push({
      page: benchPage.name,
      url,
      bytes: benchPage.bytes,
      floorBudget: benchPage.floorBudget,
      expectedOccurrences: benchPage.expectedOccurrences,
      floor,
      markRegExp,
      markArray,
      extension,
      extensionRuns: runs.map((r) => ({
        scriptMs: r.scriptMs,
        longestTaskMs: r.longestTaskMs,
        firstHighlightSinceScriptMs: r.firstHighlightSinceScriptMs,
      })),
      ratios: {
        markRegExpOverExtension: markRegExp.ms / extension.scriptMs,
        markArrayOverExtension: markArray.ms / extension.scriptMs,
        extensionOverFloor: extension.scriptMs / floor.coldMs,
      },
    });
  }
  report(userAgent);
} finally {
  await bench.close();
  await server.close();
}

// ---------------------------------------------------------------------------------------------
// Report

function report(userAgent: string): void {
  const misses = missedBudgets(results, gzipBytes);
  const missed = misses.map((m) => m.message);
  const fmt = (n: number | null, digits = 0): string => (n === null ? '–' : n.toFixed(digits));
  const rows = results.map((r) => {
    const { floor, extension: ext, markRegExp: regexp, markArray: array, ratios } = r;
    const flag = (...budgets: BudgetName[]): string =>
      misses.some((m) => m.page === r.page && budgets.includes(m.budget)) ? ' ✗' : '';
    return [
      r.page,
      fmt(floor.coldMs, 1),
      fmt(regexp.ms),
      fmt(array.ms),
      fmt(ext.scriptMs, 1),
      fmt(ext.longestTaskMs, 1) + flag('longestTaskMs'),
      (ext.firstHighlightSinceScriptMs === null
        ? '–'
        : `${fmt(ext.firstHighlightSinceScriptMs)} (${fmt(ext.firstHighlightSinceNavigationMs)})`) +
        flag('firstHighlightMs'),
      fmt(ratios.markRegExpOverExtension, 1) + flag('markRegExpOverExtension'),
      fmt(ratios.extensionOverFloor, 1) + flag('extensionOverFloor'),
      `${ext.occurrences} (${ext.ranges} painted)` + flag('occurrences', 'minPainted'),
    ];
  });
  const header = [
    'page',
    'floor ms',
    'mark.js RegExp ms',
    'mark.js array ms',
    'ext script ms',
    'longest task ms',
    '1st highlight ms (since nav)',
    'mark.js÷ext',
    'ext÷floor',
    'occurrences',
  ];
  console.log('');
  printTable(header, rows);
  console.log(
    '  floor: bare TreeWalker pass over body text, first pass after load. mark.js: one synchronous\n' +
      '  call, RegExp = one Unicode regex of the vocabulary, array = 14 stems/phrases, accuracy\n' +
      '  complementary. ext script: main-thread wall time in the content script from navigation\n' +
      '  until settled after a scroll to the bottom and back (trace events + CPU samples, median of\n' +
      `  ${EXTENSION_RUNS}). 1st highlight: from the content script's evaluation to the first frame with one.`,
  );
  const gzipKB = gzipBytes / 1024;
  const sizeFlag =
    gzipKB > BUDGETS.gzipKB
      ? ' ✗ over budget'
      : gzipKB > BUDGETS.gzipAimKB
        ? ' (over the aim)'
        : '';
  console.log('');
  console.log(
    `Matcher alone: ${matcher.mixedMBps.toFixed(0)} MB/s on mixed text, ` +
      `${matcher.noTermsMBps.toFixed(0)} MB/s on text without terms (median, UTF-8 MB).`,
  );
  console.log(
    `Content script: ${(scriptSource.length / 1024).toFixed(1)} KB, ${gzipKB.toFixed(1)} KB gzipped ` +
      `(level 9; budget ${BUDGETS.gzipKB} KB, aim ${BUDGETS.gzipAimKB} KB)${sizeFlag}.`,
  );
  console.log('');
  console.log("The extension's script time, broken down (ms; median run):");
  printTable(
    [
      'page',
      'script',
      'evaluate bundle',
      'forced style/layout',
      'rest',
      'CPU-sampled',
      'longest task (own)',
    ],
    results.map((r) => {
      const ext = r.extension;
      return [
        r.page,
        ext.scriptMs.toFixed(1),
        ext.evaluateMs.toFixed(1),
        ext.forcedLayoutMs.toFixed(1),
        (ext.scriptMs - ext.evaluateMs - ext.forcedLayoutMs).toFixed(1),
        ext.sampledMs.toFixed(1),
        `${ext.longestTaskMs.toFixed(1)} (${ext.longestTaskScriptMs.toFixed(1)})`,
      ];
    }),
  );
  for (const r of results) {
    const ext = r.extension;
    console.log('');
    console.log(`Hot functions of the content script on ${r.page} (CPU samples):`);
    printTable(
      ['function (minified: name @line:col "code there")', 'self ms', 'total ms'],
      ext.hotFunctions
        .slice(0, 8)
        .map((f) => [f.where.slice(0, 100), f.selfMs.toFixed(1), f.totalMs.toFixed(1)]),
    );
  }
  console.log('');
  if (missed.length === 0) console.log('All budgets met.');
  else {
    console.log(`BUDGETS MISSED (${missed.length}):`);
    for (const line of missed) console.log(`  ✗ ${line}`);
  }
  const out = resolve(PROJECT_ROOT, 'bench/results.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        userAgent,
        cpus: cpus().length,
        budgets: BUDGETS,
        missed,
        contentScript: { bytes: scriptSource.length, gzipBytes },
        matcher,
        markJs: { regexp: MARK_REGEXP, keywords: MARK_KEYWORDS },
        pages: results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Wrote ${out}`);
}
