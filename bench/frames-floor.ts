import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launchChromium } from '../tests/e2e/support/chromium.ts';
import { serve } from '../tests/e2e/support/server.ts';
import {
  extensionScripts,
  extensionScriptUrls,
  ISOLATED_WORLD_SCRIPT,
  PAGE_WORLD_SCRIPT,
} from './content-script-size.ts';
import {
  emptyExtension,
  emptyScriptUrls,
  FRAME_COUNT,
  framesPages,
  measureFrames,
  withoutMain,
} from './frames.ts';
import { keepOffTheNetwork, NO_PAGE_SCRIPTS, printTable, waitUntilSettled } from './trace.ts';

// What the frames page's budget (the extension's script time at most 15× an empty content
// script's) leaves room for. The built extension is measured against variants of itself, each in
// a Chromium of its own, loads interleaved:
// - its manifest with both content scripts emptied: the price of two scripts in two worlds;
// - the same, but the isolated script reads the settings (one `storage.local.get`, no polyfill):
//   the least a frame must do to know whether it may highlight;
// - its two bundles evaluated, with WXT's wrapper not calling `main`: nothing captured, scanned,
//   read or sent, only the code set up;
// - the extension as built.
// Run with `npm run bench:frames-floor` (builds first).

const ROUNDS = Number(process.env.BENCH_RUNS ?? 5);

/** The built extension copied to a temporary folder, its content scripts rewritten by `change`. */
function variant(change: (file: string, source: string) => string): {
  dir: string;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'glossary-frames-floor-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  for (const file of [PAGE_WORLD_SCRIPT, ISOLATED_WORLD_SCRIPT]) {
    const path = join(dir, file);
    writeFileSync(path, change(file, readFileSync(path, 'utf8')));
  }
  return {
    dir,
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface Setup {
  readonly name: string;
  readonly dir: string;
  readonly ours: boolean;
  readonly cpuMs: number[];
}

const server = await serve({ pages: framesPages(NO_PAGE_SCRIPTS) });
const empty = emptyExtension();
const emptied = variant(() => 'void 0;\n');
const settingsOnly = variant((file) =>
  file === ISOLATED_WORLD_SCRIPT ? 'chrome.storage.local.get("settings");\n' : 'void 0;\n',
);
const noMain = variant(withoutMain);
const setups: Setup[] = [
  { name: 'an empty content script', dir: empty.dir, ours: false, cpuMs: [] },
  { name: 'both content scripts emptied', dir: emptied.dir, ours: true, cpuMs: [] },
  { name: 'emptied, but the settings read', dir: settingsOnly.dir, ours: true, cpuMs: [] },
  { name: 'both bundles, main not called', dir: noMain.dir, ours: true, cpuMs: [] },
  { name: 'the extension', dir: EXTENSION_DIR, ours: true, cpuMs: [] },
];
// Each browser as it is launched, so that a failed launch still closes those before it.
const launchedAll: Awaited<ReturnType<typeof launchChromium>>[] = [];
try {
  const browsers = await Promise.all(
    setups.map(async (setup) => {
      const launched = await launchChromium({ extensionDir: setup.dir });
      launchedAll.push(launched);
      await keepOffTheNetwork(launched.context);
      const page = launched.context.pages()[0] ?? (await launched.context.newPage());
      if (!setup.ours) return { launched, page, worker: null, urls: null };
      const worker =
        launched.context.serviceWorkers()[0] ??
        (await launched.context.waitForEvent('serviceworker'));
      const urls = extensionScriptUrls(new URL(worker.url()).host, extensionScripts(setup.dir));
      return { launched, page, worker, urls };
    }),
  );
  console.log(`Frames page (${FRAME_COUNT} iframes + top), ${ROUNDS} interleaved rounds…`);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < setups.length; i++) {
      const setup = setups[i] as Setup;
      const { launched, page, worker, urls } = browsers[i] as (typeof browsers)[number];
      const run = await measureFrames(
        launched.context,
        `${server.origin}/frames.html`,
        (events) => urls ?? emptyScriptUrls(events),
        () =>
          setup.dir === EXTENSION_DIR && worker !== null
            ? waitUntilSettled(page, worker)
            : page.waitForTimeout(1000),
      );
      setup.cpuMs.push(run.scriptCpuMs);
      await page.goto('about:blank');
    }
  }
} finally {
  await Promise.all(launchedAll.map((b) => b.close()));
  empty.remove();
  emptied.remove();
  settingsOnly.remove();
  noMain.remove();
  await server.close();
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const base = median((setups[0] as Setup).cpuMs);
printTable(
  ['content scripts', 'CPU, median (ms)', 'runs (ms)', '× empty'],
  setups.map((s) => [
    s.name,
    median(s.cpuMs).toFixed(1),
    s.cpuMs.map((ms) => ms.toFixed(1)).join(' '),
    `${(median(s.cpuMs) / base).toFixed(1)}×`,
  ]),
);
