// `npm run bench:check`: after `npm run bench`, exits non-zero when bench/results.json misses any
// budget of bench/budgets.ts. Not part of `npm test`: timings on a shared machine are noisy.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { missedBudgets, type FramesFigures, type PageFigures } from './budgets.ts';

const file = resolve(import.meta.dirname, 'results.json');
const results = JSON.parse(readFileSync(file, 'utf8')) as {
  when: string;
  contentScript: { gzipBytes: number };
  pages: PageFigures[];
  /** Absent from runs made before the frames page was measured. */
  frames?: FramesFigures | null;
};
const missed = missedBudgets(
  results.pages,
  results.contentScript.gzipBytes,
  results.frames ?? null,
);
if (missed.length === 0) {
  console.log(`All budgets met (bench run of ${results.when}).`);
} else {
  console.error(`BUDGETS MISSED (${missed.length}, bench run of ${results.when}):`);
  for (const m of missed) console.error(`  ✗ ${m.message}`);
  process.exit(1);
}
