// `npm run bench:firefox`: Firefox's figures for the pages `npm run bench` measures in Chromium
// (the generated page, two corpus pages). Firefox has no trace of the content script's CPU time
// and no longtask API, so everything here is wall-clock time taken in the page: the bare walk and
// one mark.js call with the add-on not installed yet; then, with it installed, the time to the
// first highlighted frame and until its counts settle, and the longest gap between animation
// frames (the main thread's longest stall) against the same figure without the add-on.
// Prints one table, writes bench/results-firefox.json.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { COUNTS_EVENT } from '../entrypoints/shared/bridge.ts';
import { serve } from '../tests/e2e/support/server.ts';
import {
  badgeText,
  installAddon,
  launchBareFirefox,
  shouldSkip,
  tabCounts,
  tabIdOf,
  type FirefoxSession,
} from '../tests/firefox/support/firefox.ts';
import { benchPages } from './generated-page.ts';
import { markCall, markOnce, scrollThrough, walkText, type MarkResult } from './in-page.ts';
import { MARK_JS_SOURCE, MARK_REGEXP } from './mark-js.ts';
import { findCorpus, NAME_SHIM, NO_PAGE_SCRIPTS, PROJECT_ROOT, printTable } from './trace.ts';

/** Loads per page with the add-on (and without, for the frame gaps); the median is reported. */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Counts unchanged for this long (in the page's clock) count as settled. */
const QUIET_MS = 1000;
/** Give up waiting for quiet after this long; the run is then reported as not settled. */
const SETTLE_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------------------------
// The probe: evaluated in the page's own world before any of its scripts (a BiDi preload script),
// with or without the add-on. Every animation frame it notes the time and the number of ranges in
// the `glossary-*` highlights; it notes every total the page-world part reports to the isolated
// part (COUNTS_EVENT, which the page can see). Cheap: a few highlights' sizes per frame.

interface ProbeState {
  /** performance.now() at each animation frame callback. */
  readonly frames: number[];
  /** [time, ranges] whenever the painted range count changed. */
  readonly ranges: [number, number][];
  /** [time, total] whenever the reported total changed. */
  readonly totals: [number, number][];
}

const PROBE = `(() => {
  if (window.__glossaryBench !== undefined) return;
  const state = { frames: [], ranges: [], totals: [] };
  window.__glossaryBench = state;
  let ranges = 0;
  const frame = () => {
    const now = performance.now();
    state.frames.push(now);
    let n = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('glossary-')) n += highlight.size;
    }
    if (n !== ranges) {
      ranges = n;
      state.ranges.push([now, n]);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let total = -1;
  document.addEventListener(${JSON.stringify(COUNTS_EVENT)}, (event) => {
    const reported = Number(String(event.detail).split(' ')[0]);
    if (reported !== total) {
      total = reported;
      state.totals.push([performance.now(), reported]);
    }
  });
})();`;

/** What a page's probe holds now, with the page's clock and its DOMContentLoaded end. */
interface ProbeReading extends ProbeState {
  readonly now: number;
  readonly domContentLoadedEnd: number;
  readonly loadEnd: number;
}

function readProbe(page: Page): Promise<ProbeReading> {
  return page.evaluate(() => {
    const state = (window as unknown as { __glossaryBench?: ProbeState }).__glossaryBench;
    if (state === undefined) throw new Error('the probe did not run (no preload script?)');
    const nav = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    return {
      ...state,
      now: performance.now(),
      domContentLoadedEnd: nav?.domContentLoadedEventEnd ?? NaN,
      loadEnd: nav?.loadEventEnd ?? 0,
    };
  });
}

/** The time of the probe's last change of ranges or total (0 when nothing changed yet). */
function lastChange(probe: ProbeState): number {
  return Math.max(probe.ranges.at(-1)?.[0] ?? 0, probe.totals.at(-1)?.[0] ?? 0);
}

/**
 * Polls until neither the painted ranges nor the reported total changed for QUIET_MS, counted from
 * the load event at the earliest (the add-on may start a little after it); returns the last
 * reading and whether it settled. A page without occurrences never changes either: the add-on's
 * scan of it cannot be seen from the page, only its frame gaps.
 */
async function waitUntilQuiet(page: Page): Promise<{ probe: ProbeReading; settled: boolean }> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const probe = await readProbe(page);
    if (probe.now - Math.max(lastChange(probe), probe.loadEnd) >= QUIET_MS) {
      return { probe, settled: true };
    }
    if (Date.now() > deadline) return { probe, settled: false };
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** The longest gap between consecutive animation frames up to `until` (page clock). */
function longestFrameGap(frames: readonly number[], until: number): number {
  let longest = 0;
  for (let i = 1; i < frames.length; i++) {
    const at = frames[i] ?? 0;
    if (at > until) break;
    longest = Math.max(longest, at - (frames[i - 1] ?? at));
  }
  return longest;
}

// ---------------------------------------------------------------------------------------------
// One load: navigate, wait for quiet, scroll to the end and back, wait for quiet again.

interface LoadRun {
  /** domContentLoadedEventEnd → the first frame with a glossary range (null: none). */
  readonly firstHighlightMs: number | null;
  /** domContentLoadedEventEnd → the last change before the scroll (null: nothing changed). */
  readonly settledMs: number | null;
  /** domContentLoadedEventEnd → the last change after the scroll (includes the scroll itself). */
  readonly settledAfterScrollMs: number | null;
  /** The longest gap between animation frames from the first frame until quiet before the scroll. */
  readonly longestFrameGapMs: number;
  /** The same until quiet after the scroll (scrolling a big page has long frames of its own). */
  readonly longestFrameGapWithScrollMs: number;
  readonly ranges: number;
  readonly rangesBeforeScroll: number;
  /** The last total the page-world part reported (null without the add-on). */
  readonly reportedTotal: number | null;
  readonly settled: boolean;
}

async function load(page: Page, url: string): Promise<LoadRun> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const before = await waitUntilQuiet(page);
  await page.evaluate(scrollThrough);
  const after = await waitUntilQuiet(page);
  const { probe } = after;
  const dcl = probe.domContentLoadedEnd;
  const first = probe.ranges.find(([, n]) => n > 0)?.[0];
  const sinceDcl = (at: number): number | null => (at === 0 ? null : Math.max(at, dcl) - dcl);
  return {
    firstHighlightMs: first === undefined ? null : first - dcl,
    settledMs: sinceDcl(lastChange(before.probe)),
    settledAfterScrollMs: sinceDcl(lastChange(probe)),
    longestFrameGapMs: longestFrameGap(before.probe.frames, before.probe.now),
    longestFrameGapWithScrollMs: longestFrameGap(probe.frames, probe.now),
    ranges: probe.ranges.at(-1)?.[1] ?? 0,
    rangesBeforeScroll: before.probe.ranges.at(-1)?.[1] ?? 0,
    reportedTotal: probe.totals.at(-1)?.[1] ?? null,
    settled: before.settled && after.settled,
  };
}

/** The first (cold) bare walk over a freshly loaded page. */
async function measureWalk(page: Page, url: string): Promise<{ ms: number; nodes: number }> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const [cold] = await page.evaluate(walkText, 1);
  if (cold === undefined) throw new Error('no walk');
  return { ms: cold.ms, nodes: cold.nodes };
}

/** One markRegExp call over a freshly loaded page (BiDi evaluation is not subject to its CSP). */
async function measureMarkJs(page: Page, url: string): Promise<MarkResult> {
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.evaluate(MARK_JS_SOURCE);
  return page.evaluate(markOnce, markCall('regexp'));
}

/** A fresh tab with the name shim and the probe installed before any page script. */
async function benchTab(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(NAME_SHIM);
  await page.evaluateOnNewDocument(PROBE);
  return page;
}

// ---------------------------------------------------------------------------------------------
// The run

interface PageResult {
  readonly page: string;
  readonly url: string;
  readonly bytes: number;
  readonly expectedOccurrences: number | null;
  readonly walk: { readonly ms: number; readonly nodes: number };
  readonly markRegExp: MarkResult;
  /** Without the add-on: the median run by longest frame gap, and every run's gap. */
  readonly bare: LoadRun;
  readonly bareFrameGapsMs: readonly number[];
  /** With the add-on: the median run by settle time, and every run. */
  readonly extension: LoadRun;
  readonly extensionRuns: readonly LoadRun[];
  /** What the isolated part counted (get-counts) and the badge shows, after the median run. */
  readonly occurrences: number | null;
  readonly badge: string;
  readonly ratios: {
    /** Null where nothing settled (a page without occurrences). */
    readonly settledOverWalk: number | null;
    readonly markRegExpOverSettled: number | null;
  };
}

if (shouldSkip()) process.exit(0);

const corpus = findCorpus();
const { generatedHtml, pages } = benchPages(corpus);

const server = await serve({
  pages: { '/generated.html': { body: generatedHtml, headers: NO_PAGE_SCRIPTS } },
  ...(corpus === null ? {} : { root: corpus }),
  htmlHeaders: NO_PAGE_SCRIPTS,
});

const browser = await launchBareFirefox();
let session: FirefoxSession | undefined;
try {
  const version = await browser.version();
  const userAgent = await browser.userAgent();
  console.log(`Firefox: ${version}`);

  // Without the add-on: it is installed only after every page's baselines are taken.
  type Baseline = Pick<PageResult, 'walk' | 'markRegExp' | 'bare' | 'bareFrameGapsMs'>;
  const baselines: Baseline[] = [];
  let page = await benchTab(browser);
  for (const benchPage of pages) {
    const url = server.origin + benchPage.path;
    console.log(`${benchPage.name}: bare walk, mark.js and ${RUNS} load(s), no add-on…`);
    const walk = await measureWalk(page, url);
    const markRegExp = await measureMarkJs(page, url);
    const runs: LoadRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await load(page, url));
    runs.sort((a, b) => a.longestFrameGapMs - b.longestFrameGapMs);
    const bare = runs[Math.floor(runs.length / 2)];
    if (bare === undefined) throw new Error('no run without the add-on');
    baselines.push({
      walk,
      markRegExp,
      bare,
      bareFrameGapsMs: runs.map((r) => r.longestFrameGapMs),
    });
  }
  await page.close();

  session = await installAddon(browser);
  page = await benchTab(browser);
  const tabId = await tabIdOf(session, page);
  const results: PageResult[] = [];
  for (const [i, benchPage] of pages.entries()) {
    const baseline = baselines[i];
    if (baseline === undefined) throw new Error('no baseline');
    const url = server.origin + benchPage.path;
    console.log(`${benchPage.name}: ${RUNS} load(s) with the add-on…`);
    const runs: { run: LoadRun; occurrences: number | null; badge: string }[] = [];
    for (let r = 0; r < RUNS; r++) {
      const run = await load(page, url);
      const counts = await tabCounts(session, tabId).catch(() => null);
      runs.push({
        run,
        occurrences: counts?.total ?? null,
        badge: await badgeText(session, tabId),
      });
    }
    // By settle time; on a page without occurrences (nothing to settle) by frame gap.
    runs.sort(
      (a, b) =>
        (a.run.settledMs ?? a.run.longestFrameGapMs) - (b.run.settledMs ?? b.run.longestFrameGapMs),
    );
    const picked = runs[Math.floor(runs.length / 2)];
    if (picked === undefined) throw new Error('no run with the add-on');
    const { run: extension } = picked;
    results.push({
      page: benchPage.name,
      url,
      bytes: benchPage.bytes,
      expectedOccurrences: benchPage.expectedOccurrences,
      ...baseline,
      extension,
      extensionRuns: runs.map((r) => r.run),
      occurrences: picked.occurrences,
      badge: picked.badge,
      ratios: {
        settledOverWalk:
          extension.settledMs === null ? null : extension.settledMs / baseline.walk.ms,
        markRegExpOverSettled:
          extension.settledMs === null ? null : baseline.markRegExp.ms / extension.settledMs,
      },
    });
  }
  report(results, version, userAgent);
} finally {
  await (session?.close() ?? browser.close());
  await server.close();
}

// ---------------------------------------------------------------------------------------------
// Report

function report(results: readonly PageResult[], version: string, userAgent: string): void {
  const fmt = (n: number | null, digits = 0): string =>
    n === null || Number.isNaN(n) ? '–' : n.toFixed(digits);
  console.log('');
  printTable(
    [
      'page',
      'walk ms',
      'mark.js ms',
      '1st highlight ms',
      'settled ms',
      'settled after scroll ms',
      'longest frame gap ms (no add-on)',
      'settled÷walk',
      'mark.js÷settled',
      'ranges painted',
      'occurrences (badge)',
    ],
    results.map((r) => {
      const ext = r.extension;
      const expected =
        r.expectedOccurrences === null ? '' : `, matcher ${String(r.expectedOccurrences)}`;
      return [
        r.page,
        fmt(r.walk.ms, 1),
        fmt(r.markRegExp.ms),
        fmt(ext.firstHighlightMs),
        fmt(ext.settledMs) + (ext.settled ? '' : ' (timed out)'),
        fmt(ext.settledAfterScrollMs),
        `${fmt(ext.longestFrameGapMs)} (${fmt(r.bare.longestFrameGapMs)})`,
        fmt(r.ratios.settledOverWalk, 1),
        fmt(r.ratios.markRegExpOverSettled, 2),
        `${String(ext.ranges)} (${String(ext.rangesBeforeScroll)} before scroll)`,
        `${r.occurrences === null ? '–' : String(r.occurrences)} (${r.badge === '' ? 'none' : r.badge}${expected})`,
      ];
    }),
  );
  console.log(
    `  ${version}, headless, ${RUNS} load(s) per page with the add-on (median by settle time) and\n` +
      '  without (median by frame gap). WALL-CLOCK times taken in the page, not trace CPU time:\n' +
      '  they include whatever else the main thread did meanwhile (parsing, style, layout, paint,\n' +
      '  other tasks), so they are not comparable 1:1 with the Chromium table of `npm run bench`.\n' +
      '  walk: bare TreeWalker pass over body text, first pass after load, add-on not installed.\n' +
      '  mark.js: one synchronous markRegExp call (the regexp of bench/run.ts), add-on not installed.\n' +
      '  1st highlight / settled: from domContentLoadedEventEnd to the first animation frame with a\n' +
      `  glossary range / to the last change of painted ranges or reported total before ${QUIET_MS} ms\n` +
      '  of quiet; "after scroll" the same after scrolling to the end and back (includes the scroll).\n' +
      '  A page without occurrences shows no change at all: its scan is not visible from the page (–).\n' +
      '  longest frame gap: between consecutive requestAnimationFrame callbacks from the first frame\n' +
      '  until quiet before the scroll (Firefox has no longtask API); in brackets without the add-on.\n' +
      "  Both include the page's own parsing and first layout; results-firefox.json also has the gap\n" +
      '  with the scroll.\n' +
      '  occurrences: what the isolated part counted (get-counts), the badge in brackets.',
  );
  const out = resolve(PROJECT_ROOT, 'bench/results-firefox.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        when: new Date().toISOString(),
        browser: version,
        userAgent,
        cpus: cpus().length,
        note: 'wall-clock in-page timings (ms), not trace CPU time; not comparable 1:1 with results.json',
        quietMs: QUIET_MS,
        markJs: { regexp: MARK_REGEXP },
        pages: results,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`Wrote ${out}`);
}
