// Recall and precision of the highlights on labelled corpus pages. The labels (`labels.json`) say
// what a reader of each page wants explained; they were written by reading the pages, so they
// are the yardstick for the matcher, not a copy of its output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TermId } from '../../glossary/types.ts';

/** One occurrence a reader expects explained: term id, covered text, and why when debatable. */
export type LabelledOccurrence = readonly [termId: TermId, text: string, reason?: string];

export interface PageLabels {
  readonly expected: readonly LabelledOccurrence[];
  /** Visible text deliberately not expected, each with its reason (documentation only). */
  readonly 'left out'?: readonly (readonly [text: string, reason: string])[];
}

/** The labels, by page path relative to the corpus root (`outsourcing/…`, `estonian/…`). */
export function readLabels(): ReadonlyMap<string, PageLabels> {
  const file = join(import.meta.dirname, 'labels.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, PageLabels> };
  return new Map(Object.entries(parsed.pages));
}

/** One painted occurrence, as the page shows it: its term and the text it covers. */
export interface Occurrence {
  readonly termId: string;
  readonly text: string;
}

export interface Score {
  readonly expected: number;
  readonly found: number;
  /** Occurrences that are both expected and found, in order (a longest common subsequence). */
  readonly agreed: number;
  readonly missed: readonly Occurrence[];
  readonly unexpected: readonly Occurrence[];
}

/**
 * Aligns what was painted with what was expected, both in reading order, by their longest common
 * subsequence; an occurrence agrees when term and text are the same.
 */
export function scoreOccurrences(
  expected: readonly Occurrence[],
  found: readonly Occurrence[],
): Score {
  const same = (a: Occurrence, b: Occurrence) => a.termId === b.termId && a.text === b.text;
  const n = expected.length;
  const m = found.length;
  // lcs[i][j]: the alignment of expected[i…] with found[j…].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as number[];
      const below = lcs[i + 1] as number[];
      row[j] = same(expected[i] as Occurrence, found[j] as Occurrence)
        ? (below[j + 1] as number) + 1
        : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const missed: Occurrence[] = [];
  const unexpected: Occurrence[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const e = expected[i] as Occurrence;
    const f = found[j] as Occurrence;
    if (same(e, f)) {
      i++;
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0)) {
      missed.push(e);
      i++;
    } else {
      unexpected.push(f);
      j++;
    }
  }
  missed.push(...expected.slice(i));
  unexpected.push(...found.slice(j));
  return { expected: n, found: m, agreed: lcs[0]?.[0] ?? 0, missed, unexpected };
}

/** Recall: the share of expected occurrences found (1 when nothing is expected). */
export function recall(score: Pick<Score, 'expected' | 'agreed'>): number {
  return score.expected === 0 ? 1 : score.agreed / score.expected;
}

/** Precision: the share of found occurrences that were expected (1 when nothing is found). */
export function precision(score: Pick<Score, 'found' | 'agreed'>): number {
  return score.found === 0 ? 1 : score.agreed / score.found;
}
