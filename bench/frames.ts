import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { VirtualPage } from '../tests/e2e/support/server.ts';
import { PAGE_WORLD_SCRIPT } from './content-script-size.ts';
import { extensionTime, startTrace, stopTrace, type TraceEvent } from './trace.ts';

// The frames page: a page with many small same-origin iframes, as ads and embeds make it, where a
// content script that runs in every frame pays its start-up cost once per frame. The extension's
// script time over all frames is held against that of an empty content script with the same
// manifest settings (all frames, about:blank, document_idle).

/** How many iframes the frames page embeds. */
export const FRAME_COUNT = 20;

const PLAIN = [
  'Sponsored: a new phone with a bigger screen and a longer battery life.',
  'Read more about the weather this weekend in the northern counties.',
  'Subscribe to the newsletter for weekly offers from our partners.',
];
const WITH_TERMS = [
  'Our BPO team handles customer support, while KPO analysts work on research.',
  'Nearshore and offshore outsourcing: which one suits a small company?',
];

/** Every frame's page by path, and the top page (`/frames.html`) embedding them. */
export function framesPages(
  headers: Readonly<Record<string, string>>,
): Record<string, VirtualPage> {
  const pages: Record<string, VirtualPage> = {};
  const frames: string[] = [];
  for (let i = 0; i < FRAME_COUNT; i++) {
    // A few of them (every fifth) mention terms, the rest are plain text.
    const lines = i % 5 === 0 ? [...PLAIN.slice(0, 2), ...WITH_TERMS] : PLAIN;
    pages[`/frames/${i}.html`] = {
      body:
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame</title></head>' +
        `<body>${lines.map((l) => `<p>${l}</p>`).join('')}</body></html>`,
      headers,
    };
    frames.push(`<iframe src="/frames/${i}.html" width="300" height="160"></iframe>`);
  }
  pages['/frames.html'] = {
    body:
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title></head>' +
      '<body><h1>A page of embeds</h1><p>Business process outsourcing (BPO) in brief.</p>' +
      `${frames.join('\n')}</body></html>`,
    headers,
  };
  return pages;
}

/** An unpacked MV3 extension whose one content script does nothing, in a temporary folder. */
export function emptyExtension(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-bench-empty-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty content script (benchmark baseline)',
      version: '1.0',
      content_scripts: [
        {
          matches: ['<all_urls>'],
          js: ['empty.js'],
          all_frames: true,
          match_about_blank: true,
          run_at: 'document_idle',
        },
      ],
    }),
  );
  writeFileSync(join(dir, 'empty.js'), 'void 0;\n');
  return {
    dir,
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The empty extension's script URL, read from a trace (its ID is only known to the browser). */
export function emptyScriptUrls(events: readonly TraceEvent[]): string[] {
  const urls = new Set<string>();
  for (const e of events) {
    const url = e.args?.data?.url;
    if (url !== undefined && /^chrome-extension:\/\/[a-p]{32}\/empty\.js$/.test(url)) urls.add(url);
  }
  return [...urls];
}

export interface FramesRun {
  /** Script time over every frame (ms), wall… */
  readonly scriptMs: number;
  /** …and thread CPU time. */
  readonly scriptCpuMs: number;
  /** Part of it: evaluating (compiling included) the scripts, every frame's. */
  readonly evaluateMs: number;
  /** Frames in which a script was evaluated (its EvaluateScript events). */
  readonly framesEvaluated: number;
}

/**
 * One traced load of the frames page: `settle` waits until the scripts are done; `urlsOf` names
 * the scripts to count (from the trace, for an extension whose ID is not known beforehand).
 */
export async function measureFrames(
  context: BrowserContext,
  url: string,
  urlsOf: (events: readonly TraceEvent[]) => readonly string[],
  settle: () => Promise<unknown>,
): Promise<FramesRun> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await startTrace(cdp);
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await settle();
  const events = await stopTrace(cdp);
  await cdp.detach();
  const urls = new Set(urlsOf(events));
  const frames = new Set(
    events
      .filter((e) => e.name === 'EvaluateScript' && urls.has(e.args?.data?.url ?? ''))
      .map((e) => e.args?.data?.frame),
  );
  const time = extensionTime(events, [...urls]);
  return {
    scriptMs: time.scriptMs,
    scriptCpuMs: time.scriptCpuMs,
    evaluateMs: time.evaluateMs,
    framesEvaluated: frames.size,
  };
}

/**
 * A bundle whose WXT wrapper evaluates everything but does not call `main`: the wrapper's last
 * statement, `return await X.main()` (MAIN world) or `return await main(new Context(…))`
 * (isolated), becomes `return void 0`. Throws where WXT's wrapper no longer reads so.
 */
export function withoutMain(file: string, source: string): string {
  const call =
    file === PAGE_WORLD_SCRIPT
      ? /return await \w+\.main\(\)/g
      : /return await \w+\(new \w+\(`[\w-]+`,\w+\)\)/g;
  const found = source.match(call) ?? [];
  if (found.length !== 1) {
    throw new Error(
      `${file}: expected one call of main in WXT's wrapper, found ${found.length}; ` +
        'update the pattern in bench/frames.ts to the wrapper of this WXT version.',
    );
  }
  return source.replace(call, 'return void 0');
}
