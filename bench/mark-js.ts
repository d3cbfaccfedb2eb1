// mark.js as both benches (run.ts in Chromium, firefox.ts in Firefox) run it: its source and the
// vocabulary it is given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './trace.ts';

// The matcher's vocabulary, close but not identical: stems with \p{L}*
// instead of written-out paradigms, acronyms case-insensitive, `allhankija` not excluded.

/** The vocabulary as one Unicode regexp, for `markRegExp`. */
export const MARK_REGEXP = {
  source:
    "(?<![\\p{L}\\p{N}\\p{M}])(?:(?:BPO|KPO)(?:[-\\u2011]\\p{L}+|['\\u2019]?s)?" +
    '|business\\s+process\\s+outsourcing|knowledge\\s+process\\s+outsourcing' +
    '|äriprotsesside\\s+sisseostmi\\p{L}*|teadmusprotsessi\\s+sisseostmi\\p{L}*' +
    '|teadmiste\\s+protsessi\\s+sisseostmi\\p{L}*|teadmistepõhi\\p{L}*\\s+allhan\\p{L}*' +
    '|kaldal\\s+asuv\\s+BPO|onshor\\p{L}*|nearshor\\p{L}*|offshor\\p{L}*|outsourc\\p{L}*' +
    '|allhan\\p{L}*)(?![\\p{L}\\p{N}\\p{M}])',
  flags: 'giu',
};

/** Stems and phrases for mark(array); `complementary` extends each hit to the whole word. */
export const MARK_KEYWORDS = [
  'BPO',
  'KPO',
  'business process outsourcing',
  'knowledge process outsourcing',
  'äriprotsesside sisseost',
  'teadmusprotsessi sisseost',
  'teadmiste protsessi sisseost',
  'teadmistepõhi',
  'kaldal asuv BPO',
  'onshor',
  'nearshor',
  'offshor',
  'outsourc',
  'allhan',
];

/** mark.js itself, to evaluate in a page before `markOnce`. */
export const MARK_JS_SOURCE = readFileSync(
  join(PROJECT_ROOT, 'node_modules/mark.js/dist/mark.min.js'),
  'utf8',
);
