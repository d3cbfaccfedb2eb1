// In-page functions both benches (run.ts in Chromium, firefox.ts in Firefox) evaluate: the bare
// text walk, one mark.js call, the scroll through a page. Each takes at most one argument, so it
// works with Playwright's and Puppeteer's `page.evaluate(fn, arg)` alike.
import { MARK_KEYWORDS, MARK_REGEXP } from './mark-js.ts';

/** One bare walk: how long it took, the text nodes visited and the characters read. */
export interface WalkPass {
  readonly ms: number;
  readonly nodes: number;
  readonly chars: number;
}

/**
 * In-page function: `passes` TreeWalker(SHOW_TEXT) walks over body, each text node's data read;
 * the first pass is the cold one.
 */
export function walkText(passes: number): WalkPass[] {
  const results: WalkPass[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    results.push({ ms: performance.now() - started, nodes, chars });
  }
  return results;
}

/** The part of mark.js's API used here (its own typings pull in jQuery's). */
interface MarkDone {
  done(marks: number): void;
  accuracy?: 'partially' | 'complementary' | 'exactly';
  separateWordSearch?: boolean;
}
type MarkConstructor = new (context: Element) => {
  markRegExp(regexp: RegExp, options: MarkDone): void;
  mark(keywords: string[], options: MarkDone): void;
};

/** One mark.js call: how long it took and how many marks it made. */
export interface MarkResult {
  readonly ms: number;
  readonly marks: number;
}

/** What `markOnce` marks with: the regexp or the keyword list. */
export interface MarkCall {
  readonly mode: 'regexp' | 'array';
  readonly regexp: { readonly source: string; readonly flags: string };
  readonly keywords: readonly string[];
}

/** The argument for `markOnce` in a given mode. */
export function markCall(mode: MarkCall['mode']): MarkCall {
  return { mode, regexp: MARK_REGEXP, keywords: MARK_KEYWORDS };
}

/** In-page function (after MARK_JS_SOURCE): times one mark.js call over body. */
export function markOnce({ mode, regexp, keywords }: MarkCall): Promise<MarkResult> {
  return new Promise<MarkResult>((resolve) => {
    const Mark = (window as unknown as { Mark: MarkConstructor }).Mark;
    const started = performance.now();
    // mark.js calls `done` synchronously (no iframes); timing at `done` is right either way.
    const done = (marks: number): void => {
      resolve({ ms: performance.now() - started, marks });
    };
    const marker = new Mark(document.body);
    if (mode === 'regexp') marker.markRegExp(new RegExp(regexp.source, regexp.flags), { done });
    else marker.mark([...keywords], { done, accuracy: 'complementary', separateWordSearch: false });
  });
}

/** Scrolls to the bottom in up to 60 steps and back, two frames per step (lazy painting runs). */
export async function scrollThrough(): Promise<void> {
  const frame = (): Promise<void> =>
    new Promise((done) => {
      requestAnimationFrame(() => {
        done();
      });
    });
  const height = document.documentElement.scrollHeight - innerHeight;
  const steps = Math.min(60, Math.max(1, Math.ceil(height / innerHeight)));
  const positions = [
    ...Array.from({ length: steps }, (_, i) => ((i + 1) * height) / steps),
    ...Array.from({ length: steps }, (_, i) => ((steps - 1 - i) * height) / steps),
  ];
  for (const y of positions) {
    scrollTo(0, y);
    await frame();
    await frame();
  }
}
