// The generated bench page: 20,000 paragraphs, Estonian and English, most sentences with a term.
// Shared by the Chromium bench (run.ts) and the Firefox one (firefox.ts), so both load one page.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findTerms } from '../glossary/matcher.ts';
import { corpusLocation } from './trace.ts';

/** Paragraphs in the page both benches load. */
export const GENERATED_PARAGRAPHS = 20_000;

const TERM_SENTENCES = [
  'Äriprotsesside sisseostmine (BPO) pakub turunduse, klienditoe ja tehnilise toe teenuseid.',
  'Teadmusprotsessi sisseostmine (KPO) on BPO allüksus, kus antakse üle teadmistega seotud töö.',
  'Kaldal asuv BPO tähendab äritegevuse allhankimist samas riigis asuvale ettevõttele.',
  'Nearshore BPO viib töö naaberriiki, offshore BPO aga kaugele välismaale.',
  'Koostöö on BPO-s madal, KPO-st aga oodatakse kõrget kvalifikatsiooni.',
  'Allhanke peamine põhjus on kulude vähendamine; allhangete juhtimine nõuab oskusi.',
  'Teadmistepõhine allhange eeldab analüütikuid, mitte ainult protsesside täitjaid.',
  'Many firms outsource payroll to specialised BPOs and keep strategy in house.',
  'Knowledge process outsourcing needs analysts; business process outsourcing needs scale.',
  'Offshoring moved the call centre abroad, while nearshoring kept developers close.',
  'The company outsourced its bookkeeping and now looks at onshore options for support.',
  'An onshore team costs more than an offshore one, but outsourcing is rarely only about cost.',
];
const PLAIN_SENTENCES = [
  'Ettevõte kasvatas eelmisel aastal käivet ja palkas juurde mitu uut töötajat.',
  'Tehniline tugi, raamatupidamine ja palgaarvestus on igas organisatsioonis tähtsad.',
  'The quarterly report describes how the team improved customer satisfaction.',
  'Near the river there is an old office building that was renovated last spring.',
];

/** Deterministic: the same page on every run. */
export function generatedPageHtml(paragraphs: number): string {
  let seed = 20_250_501;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const parts: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 100 === 0) parts.push(`<h2>Osa ${i / 100 + 1}: BPO ja KPO</h2>`);
    const sentences: string[] = [];
    const count = 2 + next(3);
    for (let s = 0; s < count; s++) {
      const pool = next(4) === 0 ? PLAIN_SENTENCES : TERM_SENTENCES;
      sentences.push(pool[next(pool.length)] ?? '');
    }
    // Some inline markup, so terms sit in several text nodes per paragraph as on real pages.
    const html = sentences.join(' ').replace(/\bBPO\b/, '<b>BPO</b>');
    parts.push(i % 9 === 0 ? `<p><a href="#p${i}">§${i}</a> ${html}</p>` : `<p>${html}</p>`);
  }
  return (
    '<!doctype html><html lang="et"><head><meta charset="utf-8">' +
    `<title>Generated: ${paragraphs} paragraphs</title></head><body><main>` +
    parts.join('\n') +
    '</main></body></html>'
  );
}

/** What the matcher finds in a generated page's body, text node by text node (no entities used). */
export function matcherOccurrences(html: string): number {
  const body = html.slice(html.indexOf('<body>'));
  let n = 0;
  for (const text of body.split(/<[^>]*>/)) n += findTerms(text).length;
  return n;
}

/** A page a bench loads: the generated one or a corpus page, by its path on the test server. */
export interface BenchPage {
  readonly name: string;
  readonly path: string;
  readonly bytes: number;
  /** What the matcher finds on the generated page (null for corpus pages). */
  readonly expectedOccurrences: number | null;
  /**
   * The zero-based line of the page's HTML source where the matcher first finds a term, markup
   * included (so at or before the first term of its text), or null: no highlight can be seen
   * before the parser has read that far.
   */
  readonly firstTermLine: number | null;
}

/** `firstTermLine` of an HTML source. */
export function firstTermLine(html: string): number | null {
  const first = findTerms(html)[0];
  if (first === undefined) return null;
  let line = 0;
  for (
    let at = html.indexOf('\n');
    at !== -1 && at < first.start;
    at = html.indexOf('\n', at + 1)
  ) {
    line++;
  }
  return line;
}

/** The corpus pages both benches load beside the generated one. */
const CORPUS_PAGES = ['large/ecma262-es6-draft-2015.html', 'pages/wikipedia-2.html'];

/**
 * The pages both benches measure: the generated page (its HTML is served at `/generated.html`)
 * and the corpus pages found in `corpus` (said and skipped when missing).
 */
export function benchPages(corpus: string | null): {
  readonly generatedHtml: string;
  readonly pages: BenchPage[];
} {
  const generatedHtml = generatedPageHtml(GENERATED_PARAGRAPHS);
  const pages: BenchPage[] = [
    {
      name: `generated (${GENERATED_PARAGRAPHS / 1000}k ¶)`,
      path: '/generated.html',
      bytes: Buffer.byteLength(generatedHtml),
      expectedOccurrences: matcherOccurrences(generatedHtml),
      firstTermLine: firstTermLine(generatedHtml),
    },
  ];
  if (corpus === null) {
    console.log(
      `No corpus at ${corpusLocation()} (set GLOSSARY_CORPUS): the real pages are skipped, ` +
        'the generated page is measured.',
    );
    return { generatedHtml, pages };
  }
  for (const name of CORPUS_PAGES) {
    try {
      const file = join(corpus, name);
      pages.push({
        name,
        path: `/${name}`,
        bytes: statSync(file).size,
        expectedOccurrences: null,
        firstTermLine: firstTermLine(readFileSync(file, 'utf8')),
      });
    } catch {
      console.log(`Corpus page ${name} is missing: skipped.`);
    }
  }
  return { generatedHtml, pages };
}
