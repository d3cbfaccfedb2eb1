// `npm run test:corpus`: the built extension on every page of the shared corpus (real saved web
// pages, two very large ones, Estonian texts, short real texts about outsourcing), served from
// 127.0.0.1 with their own scripts blocked. Fails on any DOM change other than the extension's UI host, any error from the
// extension, a highlight whose text the matcher does not recognize on its own, a tooltip that does
// not open on hover, a page that does not settle, and, on the pages `labels.json` labels, recall
// or precision below 100%. Needs `npm run build` first; without the corpus or Chromium it says so
// and passes, unless GLOSSARY_REQUIRE_ALL=1 (set by `.ci/run`), where it fails. Arguments, if
// any, name the corpus folders to run (`npm run test:corpus -- outsourcing estonian`).
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { findTerms } from '../../glossary/matcher.ts';
import {
  corpusLocation,
  extensionTime,
  findCorpus,
  keepOffTheNetwork,
  NAME_SHIM,
  NO_PAGE_SCRIPTS,
  occurrenceCounts,
  printTable,
  setGlossaryEnabled,
  startTrace,
  stopTrace,
  waitUntilSettled,
} from '../../bench/trace.ts';
import { extensionScriptUrls, extensionScripts } from '../../bench/content-script-size.ts';
import { chromiumPath, launchExtension, type ExtensionBrowser } from '../e2e/support/chromium.ts';
import {
  precision,
  readLabels,
  recall,
  scoreOccurrences,
  type PageLabels,
  type Score,
} from './labels.ts';
import { serve } from '../e2e/support/server.ts';

/** The extension's one element in a page (see entrypoints/glossary.content/tooltip/ui-host.ts). */
const UI_HOST_TAG = 'bpo-kpo-glossary';
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.xml', '.md', '.txt']);
const CORPUS_FOLDERS = ['pages', 'large', 'estonian', 'outsourcing'];
/** CI sets this (`.ci/run`): there the corpus and Chromium exist, so their absence is a failure. */
const REQUIRE_ALL = process.env.GLOSSARY_REQUIRE_ALL === '1';

/** One DOM change seen by the page's own MutationObserver. */
interface MutationNote {
  readonly type: string;
  readonly target: string;
  readonly targetIsRoot: boolean;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly attribute: string | null;
}

/** One range of a `glossary-*` highlight, as the page sees it. */
interface PaintedRange {
  readonly name: string;
  /** The covered text, or null when the range does not sit inside one text node. */
  readonly text: string | null;
}

/**
 * Installed in the page's main world before it loads: records every DOM change from
 * DOMContentLoaded on (before that the parser builds the page, which is not a change), with
 * `__glossaryMutations()` flushing and returning the log.
 */
const MUTATION_LOG = `(() => {
  const log = [];
  let observer = null;
  const describe = (node) =>
    node.nodeType === 1
      ? node.localName + (node.id ? '#' + node.id : '')
      : node.nodeName + (node.nodeType === 3 ? ' "' + node.data.slice(0, 30) + '"' : '');
  const note = (records) => {
    for (const m of records) {
      log.push({
        type: m.type,
        target: describe(m.target),
        targetIsRoot: m.target === document.documentElement,
        added: [...m.addedNodes].map(describe),
        removed: [...m.removedNodes].map(describe),
        attribute: m.attributeName,
      });
    }
  };
  const start = () => {
    observer = new MutationObserver(note);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
  window.__glossaryMutations = () => {
    if (observer !== null) note(observer.takeRecords());
    return log;
  };
})();`;

/** Whether a change is the extension's UI host coming or going, the one change allowed. */
const isUiHostChange = (m: MutationNote): boolean =>
  m.type === 'childList' &&
  m.targetIsRoot &&
  [...m.added, ...m.removed].length === 1 &&
  [...m.added, ...m.removed].every((n) => n === UI_HOST_TAG);

/** Why the matcher alone does not confirm a painted range, or null when it does. */
function unrecognized(range: PaintedRange): string | null {
  const termId = range.name.slice('glossary-'.length);
  if (range.text === null) return `${range.name}: range not within one text node`;
  const matches = findTerms(range.text);
  const whole = matches[0];
  if (
    matches.length === 1 &&
    whole?.start === 0 &&
    whole.end === range.text.length &&
    whole.termId === termId
  ) {
    return null;
  }
  return `${range.name}: ${JSON.stringify(range.text)} → ${JSON.stringify(matches)}`;
}

interface PageReport {
  readonly page: string;
  readonly bytes: number;
  readonly ranges: number;
  readonly counted: number | null;
  /** DOM changes other than the UI host's, less those the browser makes without the extension. */
  readonly mutations: readonly MutationNote[];
  /** DOM changes the browser made itself (seen again with the glossary off), discounted. */
  readonly browserMutations: number;
  readonly errors: readonly string[];
  readonly unrecognized: readonly string[];
  /** Whether hovering the first highlight brought up the UI host; null when nothing to hover. */
  readonly hostOnHover: boolean | null;
  readonly extensionMs: number;
  readonly settled: boolean;
  /** Against the page's labels; null when the page is not labelled. */
  readonly score: Score | null;
}

/** Whether a labelled page's highlights are exactly what its labels expect. */
const scoreIsPerfect = (score: Score | null): boolean =>
  score === null || (recall(score) === 1 && precision(score) === 1);

/** Why a page failed; empty when it passed. */
function failures(r: PageReport): string[] {
  const out: string[] = [];
  if (!r.settled) out.push('the extension did not settle');
  if (r.hostOnHover === false) out.push('hovering a highlight did not open the tooltip');
  if (!scoreIsPerfect(r.score)) out.push('recall or precision below 100% against the labels');
  return out;
}

/** Errors the extension causes in a page, told apart by execution context and script URL. */
class ExtensionErrors {
  private readonly ownContexts = new Set<number>();
  private current: string[] = [];

  constructor(
    cdp: CDPSession,
    private readonly origin: string,
  ) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin === origin) this.ownContexts.add(context.id);
    });
    cdp.on('Runtime.consoleAPICalled', (event) => {
      if (!this.ownContexts.has(event.executionContextId)) return;
      if (event.type !== 'error' && event.type !== 'assert') return;
      const text = event.args.map((a) => String(a.value ?? a.description ?? '')).join(' ');
      this.current.push(`console.${event.type}: ${text}`);
    });
    cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
      const url = d.url ?? d.stackTrace?.callFrames[0]?.url ?? '';
      const ours =
        (d.executionContextId !== undefined && this.ownContexts.has(d.executionContextId)) ||
        url.startsWith(origin);
      if (ours) this.current.push(`uncaught: ${d.exception?.description ?? d.text}`);
    });
    cdp.on('Log.entryAdded', ({ entry }) => {
      const mentionsUs = (entry.url ?? '').startsWith(origin) || entry.text.includes(origin);
      if (entry.level === 'error' && mentionsUs) this.current.push(`log: ${entry.text}`);
    });
  }

  /** Adds an error reported elsewhere (the service worker) to the page being loaded. */
  add(error: string): void {
    this.current.push(error);
  }

  /** The errors since the last call. */
  take(): string[] {
    const taken = this.current;
    this.current = [];
    return taken;
  }
}

/** Rests the pointer on the first painted term, so the tooltip's host is created. */
async function hoverFirstTerm(page: Page): Promise<boolean | null> {
  const point = await page.evaluate(() => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('glossary-')) continue;
      for (const range of highlight) {
        if (!(range instanceof Range)) continue;
        // Scroll the range itself to the middle: its element may be far taller than the window.
        const before = range.getBoundingClientRect();
        scrollBy(0, before.top - innerHeight / 2);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && rect.height > 0) {
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
    }
    return null;
  });
  if (point === null) return null;
  await page.mouse.move(point.x, point.y);
  const appeared = await page
    .waitForFunction(
      (tag) => document.documentElement.querySelector(`:scope > ${tag}`) !== null,
      UI_HOST_TAG,
      { timeout: 3000 },
    )
    .then(() => true)
    .catch(() => false);
  await page.mouse.move(0, 0);
  return appeared;
}

async function mutationLog(page: Page): Promise<MutationNote[]> {
  return page.evaluate(
    () =>
      (
        window as unknown as { __glossaryMutations?: () => MutationNote[] }
      ).__glossaryMutations?.() ?? [],
  );
}

/**
 * The changes the browser itself makes to a page after DOMContentLoaded, seen with the glossary
 * switched off (Chromium's XML tree viewer builds its view that way).
 */
async function browserMutations(
  browser: ExtensionBrowser,
  page: Page,
  url: string,
): Promise<MutationNote[]> {
  await setGlossaryEnabled(browser.worker, false);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(500);
    return await mutationLog(page);
  } finally {
    await setGlossaryEnabled(browser.worker, true);
  }
}

/** `seen` without one matching entry of `baseline` for each entry there (a multiset difference). */
function withoutBaseline(
  seen: readonly MutationNote[],
  baseline: readonly MutationNote[],
): MutationNote[] {
  const left = new Map<string, number>();
  for (const m of baseline) left.set(JSON.stringify(m), (left.get(JSON.stringify(m)) ?? 0) + 1);
  return seen.filter((m) => {
    const key = JSON.stringify(m);
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}

async function checkPage(
  browser: ExtensionBrowser,
  page: Page,
  cdp: CDPSession,
  errors: ExtensionErrors,
  url: string,
  name: string,
  bytes: number,
  labels: PageLabels | undefined,
): Promise<PageReport> {
  await page.mouse.move(0, 0);
  await startTrace(cdp, { tasks: false });
  const loadError = await page
    .goto(url, { waitUntil: 'load', timeout: 60_000 })
    .then(() => null)
    .catch((e: unknown) => (e instanceof Error ? e.message : String(e)));
  const settled = await waitUntilSettled(page, browser.worker, 400, 15_000);
  const events = await stopTrace(cdp);
  const hostOnHover = settled.ranges > 0 ? await hoverFirstTerm(page) : null;
  // Errors (CDP events) arrive asynchronously; the mutation log is flushed when read.
  await page.waitForTimeout(hostOnHover === null ? 50 : 300);
  const painted = await page.evaluate(() => {
    const all: { name: string; range: AbstractRange }[] = [];
    for (const [highlightName, highlight] of CSS.highlights) {
      if (!highlightName.startsWith('glossary-')) continue;
      for (const range of highlight) all.push({ name: highlightName, range });
    }
    // Reading order, for the labels; ranges in different trees (shadow roots) keep their order.
    all.sort((a, b) => {
      if (!(a.range instanceof Range) || !(b.range instanceof Range)) return 0;
      try {
        return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
      } catch {
        return 0;
      }
    });
    return all.map(({ name, range }): PaintedRange => {
      const node = range.startContainer;
      return {
        name,
        text:
          node === range.endContainer && node instanceof Text
            ? node.data.slice(range.startOffset, range.endOffset)
            : null,
      };
    });
  });
  const counts = await occurrenceCounts(browser.worker);
  const errorsSeen = errors.take();
  let mutations = (await mutationLog(page)).filter((m) => !isUiHostChange(m));
  let browserMade = 0;
  if (mutations.length > 0) {
    const baseline = await browserMutations(browser, page, url);
    // The switched-off reload is still this page's: so are any errors it brought.
    errorsSeen.push(...errors.take());
    const ours = withoutBaseline(mutations, baseline);
    browserMade = mutations.length - ours.length;
    mutations = ours;
  }
  const scriptUrls = extensionScriptUrls(browser.extensionId, extensionScripts());
  return {
    page: name,
    bytes,
    ranges: painted.length,
    counted: counts[0]?.total ?? null,
    mutations,
    browserMutations: browserMade,
    errors: [...(loadError === null ? [] : [`load: ${loadError}`]), ...errorsSeen],
    unrecognized: painted.map(unrecognized).filter((u): u is string => u !== null),
    hostOnHover,
    extensionMs: extensionTime(events, scriptUrls).scriptMs,
    settled: settled.settled,
    score:
      labels === undefined
        ? null
        : scoreOccurrences(
            labels.expected.map(([termId, text]) => ({ termId, text })),
            painted.map((p) => ({ termId: p.name.slice('glossary-'.length), text: p.text ?? '' })),
          ),
  };
}

function corpusPages(corpus: string, only: readonly string[]): string[] {
  const wanted = only.length > 0 ? CORPUS_FOLDERS.filter((f) => only.includes(f)) : CORPUS_FOLDERS;
  const folders = wanted
    .map((f) => join(corpus, f))
    .filter((dir) => {
      try {
        return statSync(dir).isDirectory();
      } catch {
        return false;
      }
    });
  const files: string[] = [];
  for (const dir of folders.length > 0 ? folders : [corpus]) {
    for (const file of readdirSync(dir).sort()) {
      // SOURCE.md files describe where a folder's pages come from; they are not pages.
      if (file === 'SOURCE.md' || !PAGE_EXTENSIONS.has(extname(file).toLowerCase())) continue;
      files.push(join(dir, file));
    }
  }
  return files;
}

/** Says why the run cannot happen: a skip (exit 0), or a failure (exit 1) when CI requires it. */
function cannotRun(why: string): number {
  if (REQUIRE_ALL) {
    console.log(`Corpus run FAILED: ${why}, and GLOSSARY_REQUIRE_ALL=1 requires the run.`);
    return 1;
  }
  console.log(`Corpus run skipped: ${why}.`);
  return 0;
}

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const unknown = only.filter((f) => !CORPUS_FOLDERS.includes(f));
  if (unknown.length > 0) {
    console.log(
      `Unknown corpus folder(s) ${unknown.join(', ')}; known: ${CORPUS_FOLDERS.join(', ')}.`,
    );
    return 1;
  }
  const corpus = findCorpus();
  if (corpus === null) {
    return cannotRun(
      `no corpus at ${corpusLocation()} (set GLOSSARY_CORPUS to a folder with ` +
        `${CORPUS_FOLDERS.join('/, ')}/ to run it)`,
    );
  }
  const files = corpusPages(corpus, only);
  if (files.length === 0) return cannotRun(`no pages in ${corpus}`);
  try {
    chromiumPath();
  } catch (e) {
    return cannotRun(e instanceof Error ? e.message.replace(/\.$/, '') : String(e));
  }
  const labels = readLabels();
  const pageNames = new Set(files.map((file) => relative(corpus, file)));
  // A labelled page that is not there would silently drop out of recall and precision.
  const missingLabelled = [...labels.keys()].filter(
    (name) =>
      !pageNames.has(name) && (only.length === 0 || only.includes(name.split('/')[0] ?? '')),
  );
  const started = Date.now();
  const server = await serve({ root: corpus, htmlHeaders: NO_PAGE_SCRIPTS });
  const browser = await launchExtension();
  const reports: PageReport[] = [];
  try {
    await keepOffTheNetwork(browser.context);
    await setGlossaryEnabled(browser.worker, true);
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    for (const other of browser.context.pages()) if (other !== page) await other.close();
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(MUTATION_LOG);
    const cdp = await browser.context.newCDPSession(page);
    const errors = new ExtensionErrors(cdp, `chrome-extension://${browser.extensionId}`);
    await cdp.send('Runtime.enable');
    await cdp.send('Log.enable');
    browser.worker.on('console', (message) => {
      if (message.type() === 'error') errors.add(`service worker: ${message.text()}`);
    });
    for (const file of files) {
      const name = relative(corpus, file);
      const url = `${server.origin}/${name.split('/').map(encodeURIComponent).join('/')}`;
      reports.push(
        await checkPage(
          browser,
          page,
          cdp,
          errors,
          url,
          name,
          statSync(file).size,
          labels.get(name),
        ),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const failed = reports.filter(
    (r) =>
      r.mutations.length > 0 ||
      r.errors.length > 0 ||
      r.unrecognized.length > 0 ||
      failures(r).length > 0,
  );
  printTable(
    [
      'page',
      'KB',
      'highlights',
      'counted',
      'mutations',
      'errors',
      'unrecognized',
      'host on hover',
      'ext ms',
    ],
    reports.map((r) => [
      r.page + (r.settled ? '' : ' (not settled)'),
      (r.bytes / 1024).toFixed(0),
      String(r.ranges),
      r.counted === null ? '–' : String(r.counted),
      String(r.mutations.length),
      String(r.errors.length),
      String(r.unrecognized.length),
      r.hostOnHover === null ? '–' : r.hostOnHover ? 'yes' : 'NO',
      r.extensionMs.toFixed(1),
    ]),
  );
  const totalMs = reports.reduce((sum, r) => sum + r.extensionMs, 0);
  console.log(
    `${reports.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s; the extension's ` +
      `main-thread time (trace, load until settled) ${totalMs.toFixed(0)} ms in all.`,
  );
  for (const r of failed) {
    console.log(`\n✗ ${basename(r.page)}`);
    for (const m of r.mutations.slice(0, 10)) console.log(`  mutation: ${JSON.stringify(m)}`);
    for (const e of r.errors.slice(0, 10)) console.log(`  error: ${e}`);
    for (const u of r.unrecognized.slice(0, 10)) console.log(`  unrecognized: ${u}`);
    for (const f of failures(r)) console.log(`  ${f}`);
    for (const o of r.score?.missed ?? [])
      console.log(`  missed: ${o.termId} ${JSON.stringify(o.text)}`);
    for (const o of r.score?.unexpected ?? []) {
      console.log(`  unexpected: ${o.termId} ${JSON.stringify(o.text)}`);
    }
  }
  const byBrowser = reports.filter((r) => r.browserMutations > 0);
  if (byBrowser.length > 0) {
    console.log(
      `\nDiscounted DOM changes the browser makes itself (also seen with the glossary off): ${byBrowser
        .map((r) => `${r.page} ${r.browserMutations}`)
        .join(', ')}.`,
    );
  }
  printRecallPrecision(reports);
  for (const name of missingLabelled) console.log(`\n✗ ${name}: labelled, but not in the corpus`);
  const ok = failed.length === 0 && missingLabelled.length === 0;
  console.log(
    ok
      ? '\nCorpus run passed.'
      : `\nCorpus run FAILED on ${failed.length + missingLabelled.length} page(s).`,
  );
  return ok ? 0 : 1;
}

/** Recall and precision against the labels, per labelled page and over all of them. */
function printRecallPrecision(reports: readonly PageReport[]): void {
  const scored = reports.filter((r): r is PageReport & { score: Score } => r.score !== null);
  if (scored.length === 0) return;
  const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
  const total = {
    expected: scored.reduce((sum, r) => sum + r.score.expected, 0),
    found: scored.reduce((sum, r) => sum + r.score.found, 0),
    agreed: scored.reduce((sum, r) => sum + r.score.agreed, 0),
  };
  console.log('\nAgainst the labels (tests/corpus/labels.json):');
  printTable(
    ['labelled page', 'expected', 'highlighted', 'agreed', 'recall', 'precision'],
    [
      ...scored.map((r) => [
        r.page,
        String(r.score.expected),
        String(r.score.found),
        String(r.score.agreed),
        percent(recall(r.score)),
        percent(precision(r.score)),
      ]),
      [
        'all labelled pages',
        String(total.expected),
        String(total.found),
        String(total.agreed),
        percent(recall(total)),
        percent(precision(total)),
      ],
    ],
  );
}

process.exitCode = await main();
