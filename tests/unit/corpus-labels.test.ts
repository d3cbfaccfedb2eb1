import { describe, expect, it } from 'vitest';
import { TERM_FORMS } from '../../glossary/term-forms.ts';
import { precision, readLabels, recall, scoreOccurrences } from '../../tests/corpus/labels.ts';

const o = (termId: string, text: string) => ({ termId, text });

describe('scoreOccurrences', () => {
  it('agrees on identical sequences', () => {
    const seq = [o('bpo', 'BPO'), o('kpo', 'KPO')];
    const score = scoreOccurrences(seq, seq);
    expect([score.agreed, score.missed, score.unexpected]).toEqual([2, [], []]);
    expect([recall(score), precision(score)]).toEqual([1, 1]);
  });

  it('names what was missed and what was not expected, in order', () => {
    const score = scoreOccurrences(
      [o('bpo', 'BPO'), o('offshore', 'off-shore'), o('kpo', 'KPO')],
      [o('bpo', 'BPO'), o('kpo', 'KPO'), o('outsourcing', 'outsourcer')],
    );
    expect(score.agreed).toBe(2);
    expect(score.missed).toEqual([o('offshore', 'off-shore')]);
    expect(score.unexpected).toEqual([o('outsourcing', 'outsourcer')]);
    expect(recall(score)).toBeCloseTo(2 / 3);
    expect(precision(score)).toBeCloseTo(2 / 3);
  });

  it('counts the same text under another term as both missed and unexpected', () => {
    const score = scoreOccurrences([o('kpo', 'Outsourcing')], [o('outsourcing', 'Outsourcing')]);
    expect([score.agreed, score.missed.length, score.unexpected.length]).toEqual([0, 1, 1]);
  });

  it('scores a page with nothing expected and nothing found as perfect', () => {
    const score = scoreOccurrences([], []);
    expect([recall(score), precision(score)]).toEqual([1, 1]);
  });
});

describe('the corpus labels', () => {
  const labels = readLabels();

  it('label every page of outsourcing/ and estonian/ with known terms and non-empty texts', () => {
    expect(labels.size).toBeGreaterThanOrEqual(13);
    for (const [page, { expected }] of labels) {
      expect(page, page).toMatch(/^(outsourcing|estonian)\/[^/]+$/);
      for (const [termId, text, reason] of expected) {
        expect(Object.keys(TERM_FORMS), `${page}: ${termId}`).toContain(termId);
        expect(text.trim(), page).toBe(text);
        expect(text.length, page).toBeGreaterThan(0);
        if (reason !== undefined) expect(reason.length, page).toBeGreaterThan(10);
      }
    }
  });
});
