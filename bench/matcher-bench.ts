import { pathToFileURL } from 'node:url';
import { findTerms } from '../glossary/matcher.ts';

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

/** One warm-up pass (regex tier-up, JIT), then timed passes; MB/s from the median and best. */
function timeFindTerms(text: string, bytes: number, passes = 7): Timing {
  let matches = findTerms(text).length;
  const seconds: number[] = [];
  for (let i = 0; i < passes; i++) {
    const started = performance.now();
    matches = findTerms(text).length;
    seconds.push((performance.now() - started) / 1000);
  }
  seconds.sort((a, b) => a - b);
  const median = seconds[Math.floor(seconds.length / 2)] ?? Infinity;
  const best = seconds[0] ?? Infinity;
  return { medianMBps: bytes / 1e6 / median, bestMBps: bytes / 1e6 / best, matches };
}

interface BenchRun {
  readonly mixed: Timing;
  readonly noTerms: Timing;
  readonly mixedBytes: number;
  readonly noTermsBytes: number;
}

function runBench(): BenchRun {
  const mixed = buildText(
    [...SENTENCES_WITH_TERMS, ...SENTENCES_WITHOUT_TERMS],
    TARGET_UTF16_LENGTH,
  );
  const noTerms = buildText(SENTENCES_WITHOUT_TERMS, TARGET_UTF16_LENGTH);
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

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const run = runBench();
  const line = (name: string, timing: Timing, bytes: number) =>
    `  ${name} ${timing.medianMBps.toFixed(0)} MB/s median, ${timing.bestMBps.toFixed(0)} MB/s ` +
    `best, on ${(bytes / 1e6).toFixed(1)} MB (${timing.matches} matches)`;
  console.log('findTerms, 7 timed passes after a warm-up (MB = UTF-8 bytes / 1e6):');
  console.log(line('mixed:   ', run.mixed, run.mixedBytes));
  console.log(line('no terms:', run.noTerms, run.noTermsBytes));
}
