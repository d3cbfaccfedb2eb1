import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { findTerms } from '../glossary/matcher.ts';
import { findTerms as findTermsBefore } from './matcher-before-tables.ts';

// Throughput of `findTerms` on ~20 MB of ordinary prose. Sizes are UTF-8 bytes (what a page
// weighs on the wire); MB/s is UTF-8 bytes / 1e6 per second. Estonian diacritics make the UTF-8
// size a few percent larger than the UTF-16 length.

/** Sentences with terms: from the article, plus English prose about outsourcing. */
const SENTENCES_WITH_TERMS = [
  'Äriprotsesside sisseostmine (BPO) on aja jooksul muutunud oluliseks, pakkudes turunduse, inimressursside, klienditoe, tehnilise toe jms teenuseid.',
  'Teadmusprotsessi sisseostmine (KPO) on BPO allüksus, kus need protsessid, mis hõlmavad teadmistega seotud tööd, antakse üle väljastpoolt.',
  'Praegu ei ole peaaegu mingit rahvusvahelist ettevõtet, mis jääb äritegevuse allhanke alt puutumata.',
  'Kaldal asuv BPO : äritegevuse allhankimine teisele ettevõttele, kuid samas riigis.',
  'Nearshore BPO : äritegevuse allhankimine lähimas riigis asuvale ettevõttele.',
  'Offshore BPO : äritegevuse allhankimine välismaale asuvale ettevõttele.',
  'BPO on äriprotsesside sisseostmisel kasutatav lühend, samal ajal kui KPO on teadmistepõhise allhanke lühike vorm.',
  'Koostöö ja koordineerimine on BPO-s madal, mis on KPO puhul vastupidine.',
  'Erinevalt KPO-st, kus on vaja ainult professionaalselt kvalifitseeritud ja kõrgelt kvalifitseeritud töötajaid.',
  'Äritegevuse allhangete peamine põhjus on kulude vähendamine ja efektiivsuse suurendamine.',
  'Many companies outsource their payroll and customer support to specialised BPOs.',
  'Knowledge process outsourcing requires analysts who can interpret data, not just process it.',
  'Offshoring moved the call centre abroad, while nearshoring kept the developers in a neighbouring time zone.',
  'The firm outsourced its bookkeeping last year and is now looking at onshore options for support.',
  'Business process outsourcing is usually priced per transaction or per full-time employee.',
];

/** Ordinary prose without any term (some words share an anchor prefix, as real text does). */
const SENTENCES_WITHOUT_TERMS = [
  'Ettevõte kasvatas eelmisel aastal käivet ja palkas juurde mitu uut töötajat Tallinnas ja Tartus.',
  'Meie klienditugi vastab küsimustele kiiresti ning pakub abi ka nädalavahetustel ja pühade ajal.',
  'Tehniline tugi, raamatupidamine ja palgaarvestus on tähtsad osad igas organisatsioonis.',
  'Teadmiste jagamine meeskonnas aitab vältida vigu ja kiirendab uute inimeste sisseelamist.',
  'Võrdluse alus oli selge: kulud, kvaliteet, tähtajad ning töötajate rahulolu.',
  'Koolitus ja paigutamine võtavad aega, kuid head suhtlemisoskused tasuvad end kiiresti ära.',
  'The quarterly report describes how the team improved customer satisfaction across all regions.',
  'Knowledge of the local market helps small businesses avoid common mistakes early on.',
  'Near the river there is an old office building that was renovated last spring.',
  'Our support staff answer most tickets within an hour, even during the busy holiday season.',
  'Business travel fell sharply, so the budget was moved to training and new equipment.',
  'The shoreline walk starts at the harbour and ends at the lighthouse on the northern cape.',
];

const TARGET_UTF16_LENGTH = 20_000_000;

/** Deterministic pseudo-random order, so the text is varied but identical on every run. */
function buildText(sentences: readonly string[], targetLength: number): string {
  const parts: string[] = [];
  let length = 0;
  let seed = 12345;
  while (length < targetLength) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const sentence = sentences[seed % sentences.length] ?? '';
    parts.push(sentence);
    length += sentence.length + 1;
    // A paragraph break now and then, like text nodes joined from a page.
    parts.push(seed % 7 === 0 ? '\n\n' : ' ');
  }
  return parts.join('');
}

function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

interface Timing {
  readonly medianMBps: number;
  readonly bestMBps: number;
  readonly matches: number;
}

type FindTerms = (text: string) => readonly unknown[];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timingOf(seconds: readonly number[], bytes: number, matches: number): Timing {
  const best = Math.min(...seconds);
  return { medianMBps: bytes / 1e6 / median(seconds), bestMBps: bytes / 1e6 / best, matches };
}

/** Seconds one `find(text)` takes, and what it found. */
function timeOnce(find: FindTerms, text: string): { seconds: number; matches: number } {
  const started = performance.now();
  const matches = find(text).length;
  return { seconds: (performance.now() - started) / 1000, matches };
}

/** One warm-up pass (regex tier-up, JIT), then timed passes; MB/s from the median and best. */
function timeFindTerms(text: string, bytes: number, passes = 7): Timing {
  let matches = findTerms(text).length;
  const seconds: number[] = [];
  for (let i = 0; i < passes; i++) {
    const pass = timeOnce(findTerms, text);
    seconds.push(pass.seconds);
    matches = pass.matches;
  }
  return timingOf(seconds, bytes, matches);
}

interface BenchRun {
  readonly mixed: Timing;
  readonly noTerms: Timing;
  readonly mixedBytes: number;
  readonly noTermsBytes: number;
}

function benchTexts(): { mixed: string; noTerms: string } {
  return {
    mixed: buildText([...SENTENCES_WITH_TERMS, ...SENTENCES_WITHOUT_TERMS], TARGET_UTF16_LENGTH),
    noTerms: buildText(SENTENCES_WITHOUT_TERMS, TARGET_UTF16_LENGTH),
  };
}

function runBench(): BenchRun {
  const { mixed, noTerms } = benchTexts();
  const mixedBytes = utf8Bytes(mixed);
  const noTermsBytes = utf8Bytes(noTerms);
  const mixedTiming = timeFindTerms(mixed, mixedBytes);
  const noTermsTiming = timeFindTerms(noTerms, noTermsBytes);
  // A benchmark of a matcher that finds nothing (or something where nothing is) measures nothing.
  if (mixedTiming.matches === 0 || noTermsTiming.matches !== 0) {
    throw new Error(
      `bench texts are wrong: ${mixedTiming.matches}/${noTermsTiming.matches} matches`,
    );
  }
  return { mixed: mixedTiming, noTerms: noTermsTiming, mixedBytes, noTermsBytes };
}

/** Measures `findTerms` throughput (median of timed passes, UTF-8 MB/s) on ~20 MB texts. */
export function benchMatcher(): {
  mixedMBps: number;
  noTermsMBps: number;
  mixedBytes: number;
  noTermsBytes: number;
} {
  const run = runBench();
  return {
    mixedMBps: run.mixed.medianMBps,
    noTermsMBps: run.noTerms.medianMBps,
    mixedBytes: run.mixedBytes,
    noTermsBytes: run.noTermsBytes,
  };
}

/**
 * The current matcher against the one that compiled its tables at load (a frozen copy in
 * `matcher-before-tables.ts`), on the same texts in one process, alternating which goes first
 * each round so that drift on a noisy machine hits both alike.
 */
function compareWithBefore(rounds = 9): { text: string; now: Timing; before: Timing }[] {
  const texts = benchTexts();
  return [
    { text: 'mixed', value: texts.mixed },
    { text: 'no terms', value: texts.noTerms },
  ].map(({ text, value }) => {
    const bytes = utf8Bytes(value);
    const seconds = { now: [] as number[], before: [] as number[] };
    const found = { now: findTerms(value).length, before: findTermsBefore(value).length };
    if (found.now !== found.before) throw new Error(`matchers disagree on ${text}`);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['now', 'before'] as const) : (['before', 'now'] as const);
      for (const which of order) {
        seconds[which].push(timeOnce(which === 'now' ? findTerms : findTermsBefore, value).seconds);
      }
    }
    return {
      text,
      now: timingOf(seconds.now, bytes, found.now),
      before: timingOf(seconds.before, bytes, found.before),
    };
  });
}

const REPO = resolve(import.meta.dirname, '..');

/** The modules the two matchers load, transpiled to plain ES modules (no tsx in the timing). */
const LOADED_MODULES = [
  'glossary/matcher.ts',
  'glossary/matcher-tables.generated.ts',
  'glossary/term-forms.ts',
  'bench/matcher-before-tables.ts',
];

/**
 * Loads one module graph in a fresh Node (`--experimental-vm-modules`) and reports, as JSON, the
 * time to parse and compile its modules and, apart, the time to evaluate them, with the heap that
 * evaluation used. Files are read before any timing, so the figures are V8's work alone.
 */
const LOAD_PROBE = `
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import vm from 'node:vm';
const [entry] = process.argv.slice(1);
// Warm up vm modules on an empty one, so their one-time set-up is not timed.
const warmUp = new vm.SourceTextModule('export {};');
await warmUp.link(() => {});
await warmUp.evaluate();
// What evaluating a module that does nothing costs: the floor under the figure below.
const empty = new vm.SourceTextModule('export {};');
await empty.link(() => {});
const emptyStarted = performance.now();
await empty.evaluate();
const emptyModuleMs = performance.now() - emptyStarted;
const sources = new Map();
const read = (file) => {
  if (!sources.has(file)) sources.set(file, readFileSync(file, 'utf8'));
  return sources.get(file);
};
const modules = new Map();
let compileMs = 0;
const load = (file) => {
  if (!modules.has(file)) {
    const source = read(file);
    const started = performance.now();
    modules.set(file, new vm.SourceTextModule(source, { identifier: file }));
    compileMs += performance.now() - started;
  }
  return modules.get(file);
};
// Read the graph first (import specifiers are plain relative paths here).
const pending = [entry];
while (pending.length > 0) {
  const file = pending.pop();
  for (const [, spec] of read(file).matchAll(/from '(\\.[^']+)'/g)) {
    pending.push(resolve(dirname(file), spec));
  }
}
const root = load(entry);
await root.link((spec, from) => load(resolve(dirname(from.identifier), spec)));
globalThis.gc();
const before = process.memoryUsage();
const started = performance.now();
await root.evaluate();
const evaluateMs = performance.now() - started;
const allocated = process.memoryUsage();
globalThis.gc();
const retained = process.memoryUsage();
console.log(JSON.stringify({
  emptyModuleMs,
  compileMs,
  evaluateMs,
  heapAllocatedKB: (allocated.heapUsed - before.heapUsed) / 1024,
  heapRetainedKB: (retained.heapUsed - before.heapUsed) / 1024,
  arrayBuffersKB: (retained.arrayBuffers - before.arrayBuffers) / 1024,
}));
`;

interface LoadCost {
  readonly emptyModuleMs: number;
  readonly compileMs: number;
  readonly evaluateMs: number;
  readonly heapAllocatedKB: number;
  readonly heapRetainedKB: number;
  readonly arrayBuffersKB: number;
}

/**
 * What loading each matcher costs in a fresh Node process (what a frame pays once): parse and
 * compile, and evaluation apart; median of `runs` processes per matcher, alternating the two.
 */
function moduleLoadCost(runs = 15): { now: LoadCost; before: LoadCost } {
  const dir = mkdtempSync(join(tmpdir(), 'matcher-load-'));
  try {
    for (const path of LOADED_MODULES) {
      const { outputText } = ts.transpileModule(readFileSync(join(REPO, path), 'utf8'), {
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          rewriteRelativeImportExtensions: true,
        },
      });
      const out = join(dir, path.replace(/\.ts$/, '.js'));
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, outputText);
    }
    const targets = {
      now: join(dir, 'glossary/matcher.js'),
      before: join(dir, 'bench/matcher-before-tables.js'),
    };
    const samples = { now: [] as LoadCost[], before: [] as LoadCost[] };
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? (['now', 'before'] as const) : (['before', 'now'] as const);
      for (const which of order) {
        const args = [
          ...['--expose-gc', '--experimental-vm-modules', '--no-warnings', '--input-type=module'],
          ...['-e', LOAD_PROBE, targets[which]],
        ];
        const output = execFileSync(process.execPath, args, { encoding: 'utf8' });
        samples[which].push(JSON.parse(output) as LoadCost);
      }
    }
    const medianCost = (costs: readonly LoadCost[]): LoadCost => ({
      emptyModuleMs: median(costs.map((c) => c.emptyModuleMs)),
      compileMs: median(costs.map((c) => c.compileMs)),
      evaluateMs: median(costs.map((c) => c.evaluateMs)),
      heapAllocatedKB: median(costs.map((c) => c.heapAllocatedKB)),
      heapRetainedKB: median(costs.map((c) => c.heapRetainedKB)),
      arrayBuffersKB: median(costs.map((c) => c.arrayBuffersKB)),
    });
    return { now: medianCost(samples.now), before: medianCost(samples.before) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const run = runBench();
  const line = (name: string, timing: Timing, bytes: number) =>
    `  ${name} ${timing.medianMBps.toFixed(0)} MB/s median, ${timing.bestMBps.toFixed(0)} MB/s ` +
    `best, on ${(bytes / 1e6).toFixed(1)} MB (${timing.matches} matches)`;
  console.log('findTerms, 7 timed passes after a warm-up (MB = UTF-8 bytes / 1e6):');
  console.log(line('mixed:   ', run.mixed, run.mixedBytes));
  console.log(line('no terms:', run.noTerms, run.noTermsBytes));

  console.log(
    '\nAgainst the matcher that compiled its tables at load, alternating, 9 passes each:',
  );
  for (const { text, now, before } of compareWithBefore()) {
    console.log(
      `  ${`${text}:`.padEnd(9)} now ${now.medianMBps.toFixed(0)} MB/s, before ` +
        `${before.medianMBps.toFixed(0)} MB/s median (now/before ` +
        `${(now.medianMBps / before.medianMBps).toFixed(2)})`,
    );
  }

  const load = moduleLoadCost();
  const cost = (name: string, c: LoadCost) =>
    `  ${name} evaluate ${c.evaluateMs.toFixed(2)} ms (parse and compile ` +
    `${c.compileMs.toFixed(2)} ms); heap ${c.heapAllocatedKB.toFixed(0)} KB allocated, ` +
    `${c.heapRetainedKB.toFixed(0)} KB retained after GC; ${c.arrayBuffersKB.toFixed(0)} KB ` +
    `typed arrays`;
  console.log('\nLoading the matcher in a fresh Node, files already read, median of 15:');
  console.log(cost('now:   ', load.now));
  console.log(cost('before:', load.before));
  console.log(`  (evaluating an empty module: ${load.now.emptyModuleMs.toFixed(2)} ms)`);
}
