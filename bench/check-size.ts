// `npm run test:size` (part of `npm test`, after the build): fails when the built content script
// is over its gzip budget. Deterministic, unlike the timings `npm run bench:check` holds.
import { BUDGETS, sizeMiss } from './budgets.ts';
import { contentScriptSize } from './content-script-size.ts';

const { gzipBytes } = contentScriptSize();
const miss = sizeMiss(gzipBytes);
if (miss !== null) {
  console.error(`Size budget missed: ${miss.message}.`);
  process.exit(1);
}
console.log(
  `Content script ${(gzipBytes / 1024).toFixed(1)} KB gzipped: within the ${BUDGETS.gzipKB} KB budget.`,
);
