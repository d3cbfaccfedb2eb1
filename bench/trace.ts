import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { browser as extensionApi } from 'wxt/browser';
import type { TermId } from '../glossary/types.ts';

// What the benchmark and the corpus run share: where the corpus is, how a page is kept off the
// network, how the extension is switched and asked for its counts, and how its main-thread time is
// read from a Chromium trace.

// Code passed to worker.evaluate() runs in the extension's service worker, where `chrome` exists.
declare const chrome: typeof extensionApi;

/** The project root (this file lives in bench/). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** Where the shared corpus should be: GLOSSARY_CORPUS, else ../shared/corpus next to the project. */
export function corpusLocation(): string {
  const fromEnv = process.env.GLOSSARY_CORPUS;
  return fromEnv !== undefined && fromEnv !== ''
    ? resolve(fromEnv)
    : resolve(PROJECT_ROOT, '../shared/corpus');
}

/** The shared corpus folder, or null when it is absent (a fresh clone without ../shared). */
export function findCorpus(): string | null {
  const dir = corpusLocation();
  return existsSync(dir) ? dir : null;
}

/** The CSP every corpus HTML page is served with: their own scripts expect the internet. */
export const NO_PAGE_SCRIPTS = { 'content-security-policy': "script-src 'none'" } as const;

/**
 * tsx compiles with esbuild's keepNames, which wraps named inner functions in `__name(…)`; code
 * handed to evaluate() runs where that helper does not exist, so an identity stands in for it.
 */
export const NAME_SHIM = 'globalThis.__name ??= (fn) => fn;';

/**
 * Aborts every request that does not go to 127.0.0.1: corpus pages link images, fonts, frames.
 * The extension's own files (the tooltip chunk it imports) are not the network.
 */
export async function keepOffTheNetwork(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'chrome-extension:',
    (route) => route.abort('blockedbyclient'),
  );
}

/** Switches highlighting on or off everywhere through the stored settings (as the popup would). */
export async function setGlossaryEnabled(worker: Worker, enabled: boolean): Promise<void> {
  await worker.evaluate(NAME_SHIM);
  await worker.evaluate(async (on) => {
    await chrome.storage.local.set({
      settings: {
        enabled: on,
        disabledSites: [],
        language: 'auto',
        highlightStyle: 'both',
        firstOnly: false,
      },
    });
  }, enabled);
}

/** What the content script of a tab's top frame counted: every occurrence, painted or not. */
export interface OccurrenceCounts {
  readonly total: number;
  readonly counts: Partial<Record<TermId, number>>;
}

/**
 * Asks the top frame of every open tab for its counts (`get-counts`) and returns the answers. The
 * manifest has no `tabs` permission, so tabs cannot be told apart by URL: keep one tab open.
 */
export async function occurrenceCounts(worker: Worker): Promise<OccurrenceCounts[]> {
  return failAfter(
    30_000,
    "the service worker's answer with the tabs' counts",
    worker.evaluate(async () => {
      const tabs = await chrome.tabs.query({});
      const answers = await Promise.all(
        tabs.map(async (tab) =>
          tab.id === undefined
            ? null
            : ((await chrome.tabs
                .sendMessage(tab.id, { type: 'get-counts' }, { frameId: 0 })
                .catch(() => null)) as OccurrenceCounts | null),
        ),
      );
      return answers.filter((a): a is OccurrenceCounts => a !== null && typeof a === 'object');
    }),
  );
}

/**
 * `promise`, or a rejection that names `what` once `ms` have passed: a step of a run that never
 * answers (a recycled service worker, a page that stopped producing frames) fails it, loudly,
 * instead of holding it forever.
 */
export function failAfter<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`${what}: nothing after ${ms / 1000} s`));
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => {
    clearTimeout(timer);
  });
}

/** Sum of the sizes of every `glossary-*` highlight registered in the page (the painted ranges). */
export async function paintedRanges(page: Page): Promise<number> {
  return failAfter(
    30_000,
    'the painted ranges read in the page',
    page.evaluate(() => {
      let ranges = 0;
      for (const [name, highlight] of CSS.highlights) {
        if (name.startsWith('glossary-')) ranges += highlight.size;
      }
      return ranges;
    }),
  );
}

/**
 * Waits until both the painted ranges and the counted occurrences stay the same for `quietMs`
 * (polled every 100 ms, each poll a `get-counts` message the content script answers), or `timeoutMs`.
 */
export async function waitUntilSettled(
  page: Page,
  worker: Worker,
  quietMs = 500,
  timeoutMs = 30_000,
): Promise<{ ranges: number; total: number; settled: boolean }> {
  const started = Date.now();
  let last = '';
  let since = Date.now();
  let ranges = 0;
  let total = 0;
  while (Date.now() - started < timeoutMs) {
    ranges = await paintedRanges(page);
    total = (await occurrenceCounts(worker)).reduce((sum, c) => sum + c.total, 0);
    const now = `${ranges}/${total}`;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return { ranges, total, settled: true };
    }
    await page.waitForTimeout(100);
  }
  return { ranges, total, settled: false };
}

// ---------------------------------------------------------------------------------------------
// Chromium traces

/**
 * Categories: `devtools.timeline` gives the script events with their URL (EvaluateScript,
 * FunctionCall, compile) and style/layout; `v8.execute` the microtask checkpoints;
 * `blink.user_timing` the marks the page sets; the CPU profiler samples the stacks, which is how
 * microtask work (invisible by URL) is attributed. Tasks (RunTask) come from `toplevel` and
 * `disabled-by-default-devtools.timeline`, which make up most of a trace's bulk.
 */
const SCRIPT_CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];
const TASK_CATEGORIES = ['toplevel', 'disabled-by-default-devtools.timeline'];

/**
 * When the top frame's DOMContentLoaded fired (trace µs), or null: the scan proper starts then
 * (before it, the page-world part only previews the text that has arrived).
 */
export function domContentLoadedTs(events: readonly TraceEvent[]): number | null {
  let ts: number | null = null;
  for (const e of events) {
    if (e.name !== 'MarkDOMContent' || e.args?.data?.isMainFrame !== true) continue;
    if (ts === null || e.ts < ts) ts = e.ts;
  }
  return ts;
}

/**
 * When the parser had read a document's source up to zero-based `line` (trace µs): the end of the
 * `ParseHTML` chunk, for a URL starting with `url`, that holds that line; null if none does.
 */
export function parsedLineTs(
  events: readonly TraceEvent[],
  url: string,
  line: number,
): number | null {
  let ts: number | null = null;
  for (const e of events) {
    if (e.name !== 'ParseHTML' || e.ph !== 'X' || e.dur === undefined) continue;
    const args = e.args as
      | { beginData?: { url?: string; startLine?: number }; endData?: { endLine?: number } }
      | undefined;
    const start = args?.beginData?.startLine;
    const end = args?.endData?.endLine;
    if (args?.beginData?.url?.startsWith(url) !== true || start === undefined) continue;
    if (start <= line && line <= (end ?? start) && (ts === null || e.ts + e.dur < ts)) {
      ts = e.ts + e.dur;
    }
  }
  return ts;
}

/**
 * When the top frame first painted content (trace µs), or null: before it nothing on the page, a
 * highlight included, can be seen.
 */
export function firstContentfulPaintTs(events: readonly TraceEvent[]): number | null {
  const frames = new Set<string>();
  for (const e of events) {
    const frame = e.args?.data?.frame;
    if (
      e.name === 'MarkDOMContent' &&
      e.args?.data?.isMainFrame === true &&
      typeof frame === 'string'
    )
      frames.add(frame);
  }
  let ts: number | null = null;
  for (const e of events) {
    if (e.name !== 'firstContentfulPaint' || !frames.has(String(e.args?.frame))) continue;
    if (ts === null || e.ts < ts) ts = e.ts;
  }
  return ts;
}

/** One event of Chromium's JSON trace format (only the fields read here). */
export interface TraceEvent {
  readonly name: string;
  readonly cat: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread CPU time, where the event records it. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly id?: string;
  readonly args?: {
    readonly frame?: string;
    readonly data?: {
      readonly url?: string;
      readonly frame?: string;
      readonly isMainFrame?: boolean;
      readonly startTime?: number;
      readonly cpuProfile?: { readonly nodes?: ProfileNode[]; readonly samples?: number[] };
      readonly timeDeltas?: number[];
    };
  };
}

/** A node of a CPU profile: one function on a sampled stack. */
export interface ProfileNode {
  readonly id: number;
  readonly parent?: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url?: string;
    readonly lineNumber?: number;
    readonly columnNumber?: number;
  };
}

/**
 * Starts recording a trace of the whole browser (the page's renderer included); without `tasks`
 * the trace is lighter and `longestTaskMs` reads 0.
 */
export async function startTrace(cdp: CDPSession, { tasks = true } = {}): Promise<void> {
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: tasks ? [...SCRIPT_CATEGORIES, ...TASK_CATEGORIES] : SCRIPT_CATEGORIES,
    },
    transferMode: 'ReturnAsStream',
  });
}

/** Stops the trace and reads it back through the IO stream Chromium hands out. */
export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string | undefined>((done) => {
    cdp.once('Tracing.tracingComplete', (event) => {
      done(event.stream);
    });
  });
  await cdp.send('Tracing.end');
  const stream = await complete;
  if (stream === undefined) throw new Error('the trace came back without a stream');
  const parts: Buffer[] = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 4 << 20 });
    parts.push(Buffer.from(chunk.data, chunk.base64Encoded === true ? 'base64' : 'utf8'));
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(Buffer.concat(parts).toString('utf8')) as
    TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** The extension's share of the page's main thread, read from a trace. */
export interface ExtensionTime {
  /** Wall time on the main threads running the extension's scripts (overlaps counted once). */
  readonly scriptMs: number;
  /**
   * The thread CPU time of the same: the `tdur` of each event counted (one not nested in another),
   * plus the sampled slices no such event covers. Below `scriptMs` by the time the thread was
   * not running: on this 2-core machine, during a page load, that is up to half of our slices'
   * wall time (the page's raster and compositor threads and the browser's processes compete).
   */
  readonly scriptCpuMs: number;
  /** The same from the CPU samples alone (a cross-check of `scriptMs`). */
  readonly sampledMs: number;
  /** Part of `scriptMs`: evaluating the always-loaded scripts (EvaluateScript, v8.compile). */
  readonly evaluateMs: number;
  /** Part of `scriptMs`: style and layout the script forced (e.g. by reading `scrollY`). */
  readonly forcedLayoutMs: number;
  /** The longest task (RunTask) at least half of which is the extension's own time, whole. */
  readonly longestTaskMs: number;
  /** The content script's own time inside that task. */
  readonly longestTaskScriptMs: number;
  /** Trace time (µs) of the first event of any of the scripts (the first evaluation), or null. */
  readonly startTs: number | null;
  /** Trace time (µs) of each `performance.mark()` by name (first occurrence). */
  readonly marks: ReadonlyMap<string, number>;
  /** The CPU samples with one of the scripts on the stack. */
  readonly samples: readonly Sample[];
  /** Whether a profile node is a function of one of the scripts. */
  readonly isOurs: (node: ProfileNode) => boolean;
}

type Interval = [start: number, end: number];

/** Rendering work that shows up inside a script event only when the script forced it. */
const LAYOUT_EVENTS = new Set(['Layout', 'UpdateLayoutTree', 'RecalculateStyles', 'HitTest']);

/** Merges intervals into disjoint ones, sorted. */
function union(intervals: Interval[]): Interval[] {
  const sorted = intervals.filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Length of the part of `intervals` (disjoint, sorted) inside [from, to). */
function coveredWithin(intervals: readonly Interval[], from: number, to: number): number {
  let sum = 0;
  for (const [s, e] of intervals) {
    if (e <= from) continue;
    if (s >= to) break;
    sum += Math.min(e, to) - Math.max(s, from);
  }
  return sum;
}

const threadKey = (e: { pid: number; tid: number }): string => `${e.pid}:${e.tid}`;

/** One CPU sample: when, how long it stands for, on which thread, and its stack (leaf first). */
export interface Sample {
  readonly ts: number;
  readonly dur: number;
  readonly thread: string;
  readonly stack: readonly ProfileNode[];
}

// Longest span one sample may stand for: the sampler runs every ~0.25 ms, and a longer gap means
// the sampler was starved or the thread idle, which is not evidence of script running.
const MAX_SAMPLE_US = 2_000;

/** CPU samples of every profiled thread, each with its stack (leaf first) and duration. */
function samplesOf(events: readonly TraceEvent[]): Sample[] {
  const profiles = new Map<
    string,
    { thread: string; start: number; nodes: Map<number, ProfileNode>; raw: [number, number][] }
  >();
  for (const e of events) {
    if (e.name !== 'Profile' || e.id === undefined) continue;
    profiles.set(`${e.pid}:${e.id}`, {
      thread: threadKey(e),
      start: e.args?.data?.startTime ?? e.ts,
      nodes: new Map(),
      raw: [],
    });
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id === undefined) continue;
    const profile = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args?.data;
    if (profile === undefined || data === undefined) continue;
    for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let ts = profile.raw.at(-1)?.[1] ?? profile.start;
    ids.forEach((id, i) => {
      ts += deltas[i] ?? 0;
      profile.raw.push([id, ts]);
    });
  }
  const samples: Sample[] = [];
  for (const profile of profiles.values()) {
    const raw = [...profile.raw].sort((a, b) => a[1] - b[1]);
    raw.forEach(([id, ts], i) => {
      const next = raw[i + 1]?.[1] ?? ts;
      const stack: ProfileNode[] = [];
      for (let n = profile.nodes.get(id); n !== undefined;) {
        stack.push(n);
        n = n.parent === undefined ? undefined : profile.nodes.get(n.parent);
      }
      samples.push({ ts, dur: Math.min(next - ts, MAX_SAMPLE_US), thread: profile.thread, stack });
    });
  }
  return samples;
}

/**
 * Thread CPU time (µs) of trace events, each counted once: an event that starts inside another on
 * its thread is nested in it (trace events of a thread nest) and left out. `dur` stands in where
 * an event has no `tdur`; with `measure` 'dur', wall time is summed instead.
 */
export function threadTime(
  events: readonly TraceEvent[],
  measure: 'tdur' | 'dur' = 'tdur',
): number {
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const outerEnd = new Map<string, number>();
  let us = 0;
  for (const e of sorted) {
    const thread = threadKey(e);
    if (e.ts < (outerEnd.get(thread) ?? -Infinity)) continue;
    outerEnd.set(thread, e.ts + (e.dur ?? 0));
    us += (measure === 'tdur' ? e.tdur : undefined) ?? e.dur ?? 0;
  }
  return us;
}

/**
 * The share of its wall time that the longest task (`RunTask`) of a trace ran on its thread's CPU
 * (`tdur ÷ dur`; 1 where not recorded): for one synchronous call made in a traced page, the part
 * of the call's own measured time that was CPU time.
 */
export function cpuShareOfLongestTask(events: readonly TraceEvent[]): number {
  let longest: TraceEvent | null = null;
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > (longest?.dur ?? 0)) longest = e;
  }
  if (longest?.dur === undefined || longest.tdur === undefined || longest.dur === 0) return 1;
  return Math.min(1, longest.tdur / longest.dur);
}

/** Trace events of a script's evaluation (compilation is nested in it, or stands alone). */
const EVALUATION_EVENTS = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule']);

/**
 * How much of the page's main threads went to the scripts at `scriptUrls` (every frame's, every
 * world's). Counted, with overlaps once: events naming a script (its evaluation, compile, every
 * callback the browser calls into it), microtask checkpoints in which a CPU sample saw a script
 * on the stack (promise and MutationObserver callbacks carry no URL), and the sampled slices
 * themselves. `evaluatedUrls` (all of them by default) are those whose evaluation is reported.
 */
export function extensionTime(
  events: readonly TraceEvent[],
  scriptUrls: readonly string[],
  evaluatedUrls: readonly string[] = scriptUrls,
): ExtensionTime {
  const urls = new Set(scriptUrls);
  const evaluated = new Set(evaluatedUrls);
  const samples = samplesOf(events);
  const isOurs = (node: ProfileNode): boolean => urls.has(node.callFrame.url ?? '');
  const ourSamples = samples.filter((s) => s.stack.some(isOurs));
  const threads = new Set<string>();
  const scriptEvents: Interval[] = [];
  /** The events counted, for their thread CPU time. */
  const counted: TraceEvent[] = [];
  const evaluation: Interval[] = [];
  let startTs: number | null = null;
  for (const e of events) {
    const url = e.args?.data?.url;
    if (e.ph !== 'X' || e.dur === undefined || url === undefined || !urls.has(url)) continue;
    threads.add(threadKey(e));
    scriptEvents.push([e.ts, e.ts + e.dur]);
    counted.push(e);
    if (EVALUATION_EVENTS.has(e.name) && evaluated.has(url)) evaluation.push([e.ts, e.ts + e.dur]);
    if (startTs === null || e.ts < startTs) startTs = e.ts;
  }
  const intervals: Interval[] = [...scriptEvents];
  for (const s of ourSamples) {
    threads.add(s.thread);
    intervals.push([s.ts, s.ts + s.dur]);
  }
  const sampleTimes = ourSamples.map((s) => s.ts).sort((a, b) => a - b);
  const hasSampleWithin = (from: number, to: number): boolean => {
    let lo = 0;
    let hi = sampleTimes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sampleTimes[mid] ?? Infinity) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < sampleTimes.length && (sampleTimes[lo] ?? Infinity) < to;
  };
  const tasks: TraceEvent[] = [];
  const layouts: Interval[] = [];
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined || !threads.has(threadKey(e))) continue;
    if (e.name === 'RunTask') tasks.push(e);
    else if (LAYOUT_EVENTS.has(e.name)) layouts.push([e.ts, e.ts + e.dur]);
    else if (e.name === 'RunMicrotasks' && hasSampleWithin(e.ts, e.ts + e.dur)) {
      intervals.push([e.ts, e.ts + e.dur]);
      counted.push(e);
    }
  }
  const cpu = threadTime(counted);
  // Samples outside every counted event (rare): their wall time, as the CPU's is not known.
  const eventSpans = union(counted.map((e): Interval => [e.ts, e.ts + (e.dur ?? 0)]));
  const uncoveredSamplesUs = ourSamples.reduce(
    (sum, s) => sum + s.dur - coveredWithin(eventSpans, s.ts, s.ts + s.dur),
    0,
  );
  const ours = union(intervals);
  const scriptUs = ours.reduce((sum, [s, e]) => sum + (e - s), 0);
  const within = (parts: Interval[]): number =>
    union(parts).reduce((sum, [s, e]) => sum + coveredWithin(ours, s, e), 0) / 1000;
  // A task is the extension's when at least half of it is the extension's own time (script
  // events and CPU samples, forced layout included). A document_start script is evaluated inside
  // the parser's task, and an observer callback may run inside the page's rendering task: such a
  // task, a second long with our 2 ms in it, is the page's, not ours.
  let longest: TraceEvent | null = null;
  for (const task of tasks) {
    const dur = task.dur ?? 0;
    if (dur <= (longest?.dur ?? -1)) continue;
    const end = task.ts + dur;
    if (coveredWithin(ours, task.ts, end) * 2 >= dur) longest = task;
  }
  const marks = new Map<string, number>();
  for (const e of events) {
    if (e.cat.includes('blink.user_timing') && !marks.has(e.name)) marks.set(e.name, e.ts);
  }
  return {
    scriptMs: scriptUs / 1000,
    scriptCpuMs: (cpu + uncoveredSamplesUs) / 1000,
    sampledMs: ourSamples.reduce((sum, s) => sum + s.dur, 0) / 1000,
    evaluateMs: within(evaluation),
    forcedLayoutMs: within(layouts),
    longestTaskMs: (longest?.dur ?? 0) / 1000,
    longestTaskScriptMs:
      longest === null
        ? 0
        : coveredWithin(ours, longest.ts, longest.ts + (longest.dur ?? 0)) / 1000,
    startTs,
    marks,
    samples: ourSamples,
    isOurs,
  };
}

/** The page's own rendering work on its main thread(s), from a trace. */
export interface RenderingWork {
  readonly ms: number;
  /** `tdur`: thread CPU time (every event had it); `dur`: wall time (some lacked it). */
  readonly measure: 'tdur' | 'dur';
}

/** The rendering steps counted as the page's own rendering cost. */
const RENDERING_EVENTS = new Set(['UpdateLayoutTree', 'PrePaint', 'Paint', 'Commit']);

/**
 * UpdateLayoutTree + PrePaint + Paint + Commit on the renderer main threads that parsed a page
 * of `origin` (other renderers, the browser's own compositor commits, are left out); events
 * nested in a counted one are not counted again. Thread CPU time where every event has it.
 */
export function renderingWork(events: readonly TraceEvent[], origin: string): RenderingWork {
  const pageThreads = new Set<string>();
  for (const e of events) {
    const begin = (e.args as { beginData?: { url?: string } } | undefined)?.beginData;
    if (e.name === 'ParseHTML' && begin?.url?.startsWith(origin) === true) {
      pageThreads.add(threadKey(e));
    }
  }
  const counted = events.filter(
    (e) => e.ph === 'X' && RENDERING_EVENTS.has(e.name) && pageThreads.has(threadKey(e)),
  );
  const measure = counted.every((e) => e.tdur !== undefined) ? 'tdur' : 'dur';
  const us = threadTime(counted, measure);
  return { ms: us / 1000, measure };
}

/** Prints a Markdown table: the first column left-aligned, figures right-aligned. */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (cell: string, i: number): string =>
    i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0);
  const line = (cells: readonly string[]): string => `| ${cells.map(pad).join(' | ')} |`;
  console.log(line(header));
  console.log(
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
  );
  for (const row of rows) console.log(line(row));
}
