// `npm run test:size` (part of `npm test`, after the build): fails when the always-loaded content
// script code (glossary-page.js, where built, plus glossary.js; each gzipped, summed) is over its
// budget. Deterministic, unlike the timings `npm run bench:check` holds.
import { BUDGETS, sizeMiss } from './budgets.ts';
import { contentScriptSize } from './content-script-size.ts';

const size = contentScriptSize();
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
for (const f of size.files) console.log(`  ${f.file}: ${kb(f.gzipBytes)} gzipped`);
if (size.tooltip !== null) {
  console.log(
    `  ${size.tooltip.file} (loaded on demand, not budgeted): ${kb(size.tooltip.gzipBytes)} gzipped`,
  );
}
const miss = sizeMiss(size.gzipBytes);
if (miss !== null) {
  console.error(`Size budget missed: ${miss.message}.`);
  process.exit(1);
}
console.log(
  `Always-loaded content script ${kb(size.gzipBytes)} gzipped: within the ${BUDGETS.gzipKB} KB budget.`,
);
