// `npm run bench`: the extension against a bare text walk (the floor) and against mark.js, on a
// generated term-dense page and on real pages from the shared corpus, in one Chromium; the page's
// own rendering with and without the extension; a page of iframes against an empty content
// script; plus the matcher alone and the content script's gzipped size. Prints one set of tables,
// writes bench/results.json.
// Budgets (bench/budgets.ts) are reported here; `npm run bench:check` fails when one is missed.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import {
  EXTENSION_DIR,
  launchChromium,
  launchExtension,
  type ExtensionBrowser,
} from '../tests/e2e/support/chromium.ts';
import { serve } from '../tests/e2e/support/server.ts';
import {
  markCall,
  markOnce,
  scrollThrough as scrollThroughPage,
  walkText,
  type MarkResult,
} from './in-page.ts';
import { MARK_JS_SOURCE, MARK_KEYWORDS, MARK_REGEXP } from './mark-js.ts';
import { benchPages, type BenchPage } from './generated-page.ts';
import {
  BUDGETS,
  floorMsOf,
  missedBudgets,
  renderBudgetMs,
  type BudgetName,
  type FramesFigures,
  type PageFigures,
} from './budgets.ts';
import { contentScriptSize, extensionScriptUrls, extensionScripts } from './content-script-size.ts';
import {
  emptyExtension,
  emptyScriptUrls,
  FRAME_COUNT,
  framesPages,
  measureFrames,
  type FramesRun,
} from './frames.ts';
import { benchMatcher } from './matcher-bench.ts';
import { attributeSamples, SourceResolver, type Breakdown } from './source-attribution.ts';
import {
  cpuShareOfLongestTask,
  domContentLoadedTs,
  extensionTime,
  failAfter,
  findCorpus,
  firstContentfulPaintTs,
  keepOffTheNetwork,
  NAME_SHIM,
  NO_PAGE_SCRIPTS,
  occurrenceCounts,
  paintedRanges,
  parsedLineTs,
  PROJECT_ROOT,
  printTable,
  renderingWork,
  setGlossaryEnabled,
  startTrace,
  stopTrace,
  waitUntilSettled,
  type RenderingWork,
  type TraceEvent,
} from './trace.ts';

/** Extension runs per page; the run with the median script time is reported. */
const EXTENSION_RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Loads per page whose rendering is compared, with and without the extension (the least kept). */
const RENDER_RUNS = Math.min(Number(process.env.BENCH_RENDER_RUNS ?? 2), EXTENSION_RUNS);

// ---------------------------------------------------------------------------------------------
// In-page measurements

/**
 * Marks the first animation frame that paints a glossary highlight (main world, before page load).
 * The highlights are looked at in each frame's ResizeObserver step, after every animation-frame
 * callback (the extension's preview included: a look from a callback of our own could run before
 * its callback in the frame that paints the first highlight, and see it a frame late) and before
 * the paint. What is marked is when that frame's callbacks ran, just before it laid out and painted
 * (not the frame's nominal start, which can lie long before, while the parser held the thread).
 */
const FIRST_HIGHLIGHT_PROBE = `(() => {
  let callbacksRan = 0;
  const observer = new ResizeObserver(() => {
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('glossary-') && highlight.size > 0) {
        window.__glossaryFirstHighlight = callbacksRan;
        performance.mark('glossary:first-highlight', { startTime: callbacksRan });
        observer.disconnect();
        return;
      }
    }
    requestAnimationFrame(look);
  });
  // A new observation is reported once, in the frame it was made in.
  const look = () => {
    callbacksRan = performance.now();
    observer.disconnect();
    observer.observe(document.documentElement);
  };
  requestAnimationFrame(look);
})();`;

interface FloorResult {
  readonly coldMs: number;
  /** The cold pass's thread CPU time (its wall time × the CPU share of its task, traced). */
  readonly coldCpuMs: number;
  readonly warmMedianMs: number;
  readonly textNodes: number;
  readonly chars: number;
}

/**
 * One synchronous in-page call, traced like the extension's loads: what it returns, and the share
 * of its wall time that was thread CPU time.
 */
async function tracedCall<T>(page: Page, call: () => Promise<T>): Promise<[T, number]> {
  const cdp = await page.context().newCDPSession(page);
  await startTrace(cdp);
  const result = await call();
  const events = await stopTrace(cdp);
  await cdp.detach();
  return [result, cpuShareOfLongestTask(events)];
}

/** The bare walk: every text node under body, its data read; the first (cold) pass and 4 more. */
async function measureFloor(page: Page): Promise<FloorResult> {
  const [[cold], cpuShare] = await tracedCall(page, () => page.evaluate(walkText, 1));
  const warm = (await page.evaluate(walkText, 4)).map((p) => p.ms).sort((a, b) => a - b);
  return {
    coldMs: cold?.ms ?? NaN,
    coldCpuMs: (cold?.ms ?? NaN) * cpuShare,
    warmMedianMs: warm[Math.floor(warm.length / 2)] ?? NaN,
    textNodes: cold?.nodes ?? 0,
    chars: cold?.chars ?? 0,
  };
}

/** One mark.js call's time, with its thread CPU time (`cpuMs`). */
interface MarkFigures extends MarkResult {
  readonly cpuMs: number;
}

/** Injects mark.js (CDP evaluation is not subject to the page's CSP) and times one call. */
async function measureMarkJs(page: Page, mode: 'regexp' | 'array'): Promise<MarkFigures> {
  await page.evaluate(MARK_JS_SOURCE);
  const [result, cpuShare] = await tracedCall(page, () => page.evaluate(markOnce, markCall(mode)));
  return { ...result, cpuMs: result.ms * cpuShare };
}

/** Scrolls to the bottom in up to 60 steps and back, two frames per step (lazy painting runs). */
function scrollThrough(page: Page): Promise<void> {
  return failAfter(120_000, 'the scroll through the page', page.evaluate(scrollThroughPage));
}

interface ExtensionRun {
  readonly scriptMs: number;
  /** The same in thread CPU time (what the budgets compare). */
  readonly scriptCpuMs: number;
  readonly sampledMs: number;
  /** Evaluating the always-loaded scripts (glossary-page.js, where built, and glossary.js). */
  readonly evaluateMs: number;
  readonly forcedLayoutMs: number;
  readonly longestTaskMs: number;
  readonly longestTaskScriptMs: number;
  /** ms from navigation start (performance.now in the page). */
  readonly firstHighlightSinceNavigationMs: number | null;
  /** ms from the first of the extension's scripts starting. */
  readonly firstHighlightSinceScriptMs: number | null;
  readonly ranges: number;
  readonly occurrences: number;
  readonly counts: Record<string, number>;
  readonly settled: boolean;
  /** The page's own rendering work in the same load and scroll-through. */
  readonly rendering: RenderingWork;
  /** Sampled time by area and original function. */
  readonly breakdown: Breakdown;
}

/** Navigates, waits until settled, scrolls to the bottom and back, waits again: one traced load. */
async function tracedLoad(
  context: BrowserContext,
  page: Page,
  url: string,
  settle: () => Promise<unknown>,
): Promise<TraceEvent[]> {
  const cdp = await context.newCDPSession(page);
  await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settle();
  await scrollThrough(page);
  await settle();
  const events = await stopTrace(cdp);
  await cdp.detach();
  return events;
}

async function measureExtension(
  page: Page,
  benchPage: BenchPage,
  bench: ExtensionBrowser,
): Promise<ExtensionRun> {
  const url = server.origin + benchPage.path;
  let settled = { ranges: 0, total: 0, settled: false };
  const events = await tracedLoad(bench.context, page, url, async () => {
    settled = await waitUntilSettled(page, bench.worker);
  });
  const counts = (await occurrenceCounts(bench.worker))[0];
  const firstHighlight = await page.evaluate(
    () => (window as { __glossaryFirstHighlight?: number }).__glossaryFirstHighlight ?? null,
  );
  const time = extensionTime(events, scriptUrls, alwaysLoadedUrls);
  const markTs = time.marks.get('glossary:first-highlight');
  const breakdown = attributeSamples(time.samples, time.isOurs, resolver);
  return {
    scriptMs: time.scriptMs,
    scriptCpuMs: time.scriptCpuMs,
    sampledMs: time.sampledMs,
    evaluateMs: time.evaluateMs,
    forcedLayoutMs: time.forcedLayoutMs,
    longestTaskMs: time.longestTaskMs,
    longestTaskScriptMs: time.longestTaskScriptMs,
    firstHighlightSinceNavigationMs: firstHighlight,
    // From when a highlight could first be seen: the latest of the first script's start, the
    // page's first contentful paint (the page-world part is injected at document_start, before
    // the document has any content; it paints while the page is parsed) and the parser reading
    // the first term's line.
    firstHighlightSinceScriptMs:
      markTs === undefined || time.startTs === null
        ? null
        : (markTs -
            Math.max(
              time.startTs,
              firstContentfulPaintTs(events) ?? domContentLoadedTs(events) ?? time.startTs,
              benchPage.firstTermLine === null
                ? -Infinity
                : (parsedLineTs(events, url, benchPage.firstTermLine) ?? -Infinity),
            )) /
          1000,
    ranges: settled.ranges,
    occurrences: counts?.total ?? 0,
    counts: { ...counts?.counts },
    settled: settled.settled,
    rendering: renderingWork(events, server.origin),
    breakdown: { areas: breakdown.areas, functions: breakdown.functions.slice(0, 25) },
  };
}

// ---------------------------------------------------------------------------------------------
// The run

interface MeasuredPage extends BenchPage {
  /** Pages held to the floor budget (all of them). */
  readonly floorBudget: boolean;
}

const corpus = findCorpus();
const { generatedHtml, pages: benchPagesFound } = benchPages(corpus);
const pages: MeasuredPage[] = benchPagesFound.map((p) => ({ ...p, floorBudget: true }));

const scripts = extensionScripts();
const size = contentScriptSize();
console.log(
  `Content scripts: ${[...scripts.alwaysLoaded, scripts.tooltip ?? '(no tooltip chunk)'].join(', ')}.`,
);

console.log('Matcher alone (findTerms on ~20 MB in Node)…');
const matcher = benchMatcher();

const server = await serve({
  pages: {
    '/generated.html': { body: generatedHtml, headers: NO_PAGE_SCRIPTS },
    ...framesPages(NO_PAGE_SCRIPTS),
  },
  ...(corpus === null ? {} : { root: corpus }),
  htmlHeaders: NO_PAGE_SCRIPTS,
});

interface PageResult extends PageFigures {
  readonly url: string;
  readonly bytes: number;
  readonly floor: FloorResult;
  readonly markRegExp: MarkFigures;
  readonly markArray: MarkFigures;
  readonly extension: ExtensionRun;
  readonly extensionRuns: readonly Pick<
    ExtensionRun,
    'scriptMs' | 'scriptCpuMs' | 'longestTaskMs' | 'firstHighlightSinceScriptMs'
  >[];
  readonly rendering: {
    readonly withExtensionMs: number;
    readonly withoutExtensionMs: number;
    readonly measure: 'tdur' | 'dur';
    /** Every load's figure (ms), in order. */
    readonly runs: { readonly withExtension: number[]; readonly withoutExtension: number[] };
  };
  /** In thread CPU time, each figure's own (the budgets' ratios). */
  readonly ratios: {
    readonly markRegExpOverExtension: number;
    readonly markArrayOverExtension: number;
    readonly extensionOverFloor: number;
  };
  /** The same in wall time, for comparison. */
  readonly wallRatios: {
    readonly markRegExpOverExtension: number;
    readonly extensionOverFloor: number;
  };
}

interface FramesResult extends FramesFigures {
  readonly extensionRuns: readonly FramesRun[];
  readonly emptyRuns: readonly FramesRun[];
}

const median = <T>(runs: readonly T[], by: (run: T) => number): T => {
  const sorted = [...runs].sort((a, b) => by(a) - by(b));
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no run');
  return middle;
};

const bench = await launchExtension();
// The page's own rendering without any extension: same loads, same scroll-through, same trace,
// in a second Chromium; its loads alternate with the extension's, so both see the same machine.
const plain = await launchChromium({ extensionDir: null });
const withoutExtensionRendering: RenderingWork[][] = [];
const scriptUrls = extensionScriptUrls(bench.extensionId, scripts);
const alwaysLoadedUrls = extensionScriptUrls(bench.extensionId, { ...scripts, tooltip: null });
const resolver = new SourceResolver(
  EXTENSION_DIR,
  new Map(scriptUrls.map((u) => [u, u.slice(`chrome-extension://${bench.extensionId}/`.length)])),
);
if (!resolver.complete) {
  console.log(
    'No source maps beside the scripts (build with GLOSSARY_SOURCEMAP=1, as `npm run bench` does): ' +
      'functions are named by their place in the built files and all count as "other".',
  );
}
const measured: Omit<PageResult, 'rendering'>[] = [];
const withExtensionRendering: RenderingWork[][] = [];
const framesWithExtension: FramesRun[] = [];
let userAgent = '';
try {
  await keepOffTheNetwork(bench.context);
  const page = bench.context.pages()[0] ?? (await bench.context.newPage());
  for (const other of bench.context.pages()) if (other !== page) await other.close();
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(FIRST_HIGHLIGHT_PROBE);
  userAgent = await page.evaluate(() => navigator.userAgent);
  await keepOffTheNetwork(plain.context);
  const plainPage = plain.context.pages()[0] ?? (await plain.context.newPage());
  await plainPage.addInitScript(NAME_SHIM);
  const withoutExtension = async (url: string): Promise<RenderingWork> => {
    const events = await tracedLoad(plain.context, plainPage, url, () =>
      plainPage.waitForTimeout(500),
    );
    await plainPage.goto('about:blank');
    return renderingWork(events, server.origin);
  };

  for (const benchPage of pages) {
    const url = server.origin + benchPage.path;
    console.log(`${benchPage.name}: floor and mark.js with the glossary off…`);
    await setGlossaryEnabled(bench.worker, false);
    const load = async (): Promise<void> => {
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      // The switched-off content script still starts at document_idle; let it finish first.
      await page.waitForTimeout(500);
      // Ranges, not registered highlights: a page-world script may register empty ones early.
      if ((await paintedRanges(page)) !== 0) {
        throw new Error('the glossary is still on during a baseline run');
      }
    };
    await load();
    const floor = await measureFloor(page);
    await load();
    const markRegExp = await measureMarkJs(page, 'regexp');
    await load();
    const markArray = await measureMarkJs(page, 'array');

    console.log(
      `${benchPage.name}: the extension, ${EXTENSION_RUNS} traced load(s), ${RENDER_RUNS} without it…`,
    );
    // Off the page first: switched on over it, the glossary would highlight it (and set the
    // first-highlight mark) while the next run's trace records.
    await page.goto('about:blank');
    await setGlossaryEnabled(bench.worker, true);
    const runs: ExtensionRun[] = [];
    const plainRuns: RenderingWork[] = [];
    for (let i = 0; i < EXTENSION_RUNS; i++) {
      runs.push(await measureExtension(page, benchPage, bench));
      if (i < RENDER_RUNS) plainRuns.push(await withoutExtension(url));
    }
    withExtensionRendering.push(runs.slice(0, RENDER_RUNS).map((r) => r.rendering));
    withoutExtensionRendering.push(plainRuns);
    const extension = median(runs, (r) => r.scriptCpuMs);
    measured.push({
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
        scriptCpuMs: r.scriptCpuMs,
        longestTaskMs: r.longestTaskMs,
        firstHighlightSinceScriptMs: r.firstHighlightSinceScriptMs,
      })),
      ratios: {
        markRegExpOverExtension: markRegExp.cpuMs / extension.scriptCpuMs,
        markArrayOverExtension: markArray.cpuMs / extension.scriptCpuMs,
        extensionOverFloor: extension.scriptCpuMs / floor.coldCpuMs,
      },
      wallRatios: {
        markRegExpOverExtension: markRegExp.ms / extension.scriptMs,
        extensionOverFloor: extension.scriptMs / floor.coldMs,
      },
    });
  }

  console.log(
    `Frames page (${FRAME_COUNT} iframes): the extension, ${EXTENSION_RUNS} traced load(s)…`,
  );
  for (let i = 0; i < EXTENSION_RUNS; i++) {
    framesWithExtension.push(
      await measureFrames(
        bench.context,
        `${server.origin}/frames.html`,
        () => scriptUrls,
        () => waitUntilSettled(page, bench.worker),
      ),
    );
  }
} finally {
  await Promise.all([bench.close(), plain.close()]);
}

// The frames page under an empty content script, in a Chromium of its own.
const empty = emptyExtension();
const emptyBrowser = await launchChromium({ extensionDir: empty.dir });
const framesWithEmpty: FramesRun[] = [];
try {
  await keepOffTheNetwork(emptyBrowser.context);
  const page = emptyBrowser.context.pages()[0] ?? (await emptyBrowser.context.newPage());
  console.log(`Frames page: an empty content script, ${EXTENSION_RUNS} traced load(s)…`);
  for (let i = 0; i < EXTENSION_RUNS; i++) {
    framesWithEmpty.push(
      await measureFrames(
        emptyBrowser.context,
        `${server.origin}/frames.html`,
        emptyScriptUrls,
        () => page.waitForTimeout(1000),
      ),
    );
  }
} finally {
  await emptyBrowser.close();
  empty.remove();
  await server.close();
}

const least = (runs: readonly RenderingWork[]): RenderingWork =>
  runs.reduce((a, b) => (b.ms < a.ms ? b : a));
const results: PageResult[] = measured.map((r, i) => {
  const on = least(withExtensionRendering[i] ?? []);
  const off = least(withoutExtensionRendering[i] ?? []);
  return {
    ...r,
    rendering: {
      withExtensionMs: on.ms,
      withoutExtensionMs: off.ms,
      measure: on.measure === 'tdur' && off.measure === 'tdur' ? 'tdur' : 'dur',
      runs: {
        withExtension: (withExtensionRendering[i] ?? []).map((w) => w.ms),
        withoutExtension: (withoutExtensionRendering[i] ?? []).map((w) => w.ms),
      },
    },
  };
});
const frames: FramesResult = {
  frames: FRAME_COUNT,
  extensionMs: median(framesWithExtension, (r) => r.scriptCpuMs).scriptCpuMs,
  emptyMs: median(framesWithEmpty, (r) => r.scriptCpuMs).scriptCpuMs,
  extensionRuns: framesWithExtension,
  emptyRuns: framesWithEmpty,
};
report();

// ---------------------------------------------------------------------------------------------
// Report

function report(): void {
  const misses = missedBudgets(results, size.gzipBytes, frames);
  const missed = misses.map((m) => m.message);
  const fmt = (n: number | null, digits = 0): string => (n === null ? '–' : n.toFixed(digits));
  const flagOf =
    (page: string) =>
    (...budgets: BudgetName[]): string =>
      misses.some((m) => m.page === page && budgets.includes(m.budget)) ? ' ✗' : '';
  const rows = results.map((r) => {
    const { floor, extension: ext, markRegExp: regexp, markArray: array, ratios, wallRatios } = r;
    const flag = flagOf(r.page);
    const added = r.rendering.withExtensionMs - r.rendering.withoutExtensionMs;
    return [
      r.page,
      `${fmt(floor.coldCpuMs, 1)} (${fmt(floor.coldMs, 1)})`,
      `${fmt(regexp.cpuMs)} (${fmt(regexp.ms)})`,
      fmt(array.ms),
      `${fmt(ext.scriptCpuMs, 1)} (${fmt(ext.scriptMs, 1)})`,
      fmt(ext.longestTaskMs, 1) + flag('longestTaskMs'),
      (ext.firstHighlightSinceScriptMs === null
        ? '–'
        : `${fmt(ext.firstHighlightSinceScriptMs)} (${fmt(ext.firstHighlightSinceNavigationMs)})`) +
        flag('firstHighlightMs'),
      `${fmt(ratios.markRegExpOverExtension, 1)} (${fmt(wallRatios.markRegExpOverExtension, 1)})` +
        flag('markRegExpOverExtension'),
      `${fmt(ratios.extensionOverFloor, 1)} (${fmt(wallRatios.extensionOverFloor, 1)})` +
        flag('extensionOverFloor'),
      `${fmt(added, 1)} / ${fmt(renderBudgetMs(floorMsOf(floor)))}` + flag('renderOverFloor'),
      `${ext.occurrences} (${ext.ranges} painted)` + flag('occurrences', 'minPainted'),
    ];
  });
  console.log('');
  printTable(
    [
      'page',
      'floor ms CPU (wall)',
      'mark.js RegExp ms CPU (wall)',
      'mark.js array ms',
      'ext script ms CPU (wall)',
      'longest task ms',
      '1st highlight ms (since nav)',
      'mark.js÷ext CPU (wall)',
      'ext÷floor CPU (wall)',
      'ext rendering ms / allowed',
      'occurrences',
    ],
    rows,
  );
  const measure = results.every((r) => r.rendering.measure === 'tdur')
    ? 'thread CPU time (tdur)'
    : 'wall time (dur: some events lacked tdur)';
  console.log(
    '  floor: bare TreeWalker pass over body text, first pass after load. mark.js: one synchronous\n' +
      '  call, RegExp = one Unicode regex of the vocabulary, array = 14 stems/phrases, accuracy\n' +
      "  complementary. ext script: main-thread time in the extension's scripts (glossary.js,\n" +
      '  glossary-page.js and the tooltip chunk where built) from navigation until settled after a\n' +
      `  scroll to the bottom and back (trace events + CPU samples, median of ${EXTENSION_RUNS}). Budgets and\n` +
      '  ratios compare thread CPU time (trace tdur; for the floor and mark.js, their time × the CPU\n' +
      '  share of their traced task); wall time in brackets. 1st highlight:\n' +
      "  from when one could be seen (the latest of the first of the extension's scripts starting,\n" +
      "  the page's first contentful paint and the parser reading the source line of the first\n" +
      '  term) to the animation-frame callbacks of the first frame that paints one.\n' +
      `  ext rendering: what the page's main-thread UpdateLayoutTree + PrePaint + Paint + Commit (${measure})\n` +
      `  grows by with the extension on against a Chromium without it (least of ${RENDER_RUNS} loads each);\n` +
      `  allowed ${BUDGETS.renderOverFloor}× the floor, +${BUDGETS.renderSlackMs} ms where the floor is under ${BUDGETS.smallPageFloorMs} ms.`,
  );
  console.log('');
  console.log("The page's own rendering (ms), the same loads and scroll-through:");
  printTable(
    ['page', 'without extension', 'extension on', 'added by the extension', 'allowed'],
    results.map((r) => [
      r.page,
      fmt(r.rendering.withoutExtensionMs, 1),
      fmt(r.rendering.withExtensionMs, 1),
      fmt(r.rendering.withExtensionMs - r.rendering.withoutExtensionMs, 1) +
        flagOf(r.page)('renderOverFloor'),
      fmt(renderBudgetMs(floorMsOf(r.floor))),
    ]),
  );
  console.log('');
  console.log("The extension's script time, broken down (ms; median run):");
  printTable(
    [
      'page',
      'script',
      'evaluate always-loaded',
      'matcher',
      'walk',
      'ranges (native)',
      'other',
      'forced style/layout',
      'CPU-sampled',
      'longest task (own)',
    ],
    results.map((r) => {
      const ext = r.extension;
      const { areas } = ext.breakdown;
      return [
        r.page,
        ext.scriptMs.toFixed(1),
        ext.evaluateMs.toFixed(1),
        areas.matcher.ms.toFixed(1),
        areas.walk.ms.toFixed(1),
        `${areas.ranges.ms.toFixed(1)} (${areas.ranges.nativeMs.toFixed(1)})`,
        areas.other.ms.toFixed(1),
        ext.forcedLayoutMs.toFixed(1),
        ext.sampledMs.toFixed(1),
        `${ext.longestTaskMs.toFixed(1)} (${ext.longestTaskScriptMs.toFixed(1)})`,
      ];
    }),
  );
  console.log(
    '  evaluate: EvaluateScript/v8.compile events of the always-loaded scripts (trace). matcher,\n' +
      '  walk, ranges, other: CPU samples mapped through the source maps to original functions, a\n' +
      '  sample charged to its leaf function, a native leaf (DOM call, RegExp, GC) to the script\n' +
      '  function calling it. matcher = glossary/matcher*.ts, chunked-match.ts; walk = text-walker.ts\n' +
      "  and the page scanner's walking functions (runSlice, step, match, …: self time only);\n" +
      '  ranges = occurrence-store.ts (ranges created, registered in Highlights, painted near the\n' +
      '  viewport; in brackets its native calls: createRange, setStart/setEnd, Highlight add/delete,\n' +
      '  getBoundingClientRect); other = the rest (settings, messaging, tooltip, polyfill, sampled\n' +
      '  evaluation). The areas add up to the CPU-sampled time.',
  );
  for (const r of results) {
    console.log('');
    console.log(`Hot functions on ${r.page} (CPU samples, source-mapped):`);
    printTable(
      ['function (file)', 'area', 'self ms', 'native ms (calls)'],
      r.extension.breakdown.functions
        .slice(0, 8)
        .map((f) => [
          `${f.fn.label} (${f.fn.file.split('/').at(-1) ?? ''}:${f.fn.line})`.slice(0, 80),
          f.fn.area,
          f.selfMs.toFixed(1),
          `${f.nativeMs.toFixed(1)}${f.natives.length > 0 ? ` (${f.natives.join(', ')})` : ''}`.slice(
            0,
            60,
          ),
        ]),
    );
  }
  console.log('');
  const framesRatio = frames.extensionMs / frames.emptyMs;
  const framesFlag = framesRatio > BUDGETS.framesOverEmpty ? ' ✗' : '';
  const evaluated = (runs: readonly FramesRun[]): string =>
    runs.map((r) => r.framesEvaluated).join('/');
  const medianExtension = median(frames.extensionRuns, (r) => r.scriptCpuMs);
  const medianEmpty = median(frames.emptyRuns, (r) => r.scriptCpuMs);
  console.log(
    `Frames page (${frames.frames} same-origin iframes + top), thread CPU time (wall): the extension ` +
      `${fmt(frames.extensionMs, 1)} ms (${fmt(medianExtension.scriptMs, 1)}) over all frames (evaluation ` +
      `${fmt(medianExtension.evaluateMs, 1)} ms wall), an empty content script ${fmt(frames.emptyMs, 1)} ms ` +
      `(${fmt(medianEmpty.scriptMs, 1)}) (medians of ${EXTENSION_RUNS}; ` +
      `frames evaluated ${evaluated(frames.extensionRuns)} and ${evaluated(frames.emptyRuns)}): ` +
      `${fmt(framesRatio, 1)}× (budget ${BUDGETS.framesOverEmpty}×)${framesFlag}.`,
  );
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
  const gzipKB = size.gzipBytes / 1024;
  const sizeFlag =
    gzipKB > BUDGETS.gzipKB
      ? ' ✗ over budget'
      : gzipKB > BUDGETS.gzipAimKB
        ? ' (over the aim)'
        : '';
  console.log(
    `Matcher alone: ${matcher.mixedMBps.toFixed(0)} MB/s on mixed text, ` +
      `${matcher.noTermsMBps.toFixed(0)} MB/s on text without terms (median, UTF-8 MB).`,
  );
  console.log(
    `Always-loaded content script: ${size.files.map((f) => `${f.file} ${kb(f.bytes)} (${kb(f.gzipBytes)} gzipped)`).join(' + ')} = ` +
      `${kb(size.gzipBytes)} gzipped (level 9; budget ${BUDGETS.gzipKB} KB, aim ${BUDGETS.gzipAimKB} KB)${sizeFlag}.`,
  );
  console.log(
    size.tooltip === null
      ? 'Tooltip chunk: none (the tooltip is in the always-loaded script).'
      : `Tooltip chunk (loaded on demand, not budgeted): ${size.tooltip.file} ${kb(size.tooltip.bytes)}, ${kb(size.tooltip.gzipBytes)} gzipped.`,
  );
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
        contentScript: size,
        scripts,
        matcher,
        markJs: { regexp: MARK_REGEXP, keywords: MARK_KEYWORDS },
        pages: results,
        frames,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Wrote ${out}`);
}
