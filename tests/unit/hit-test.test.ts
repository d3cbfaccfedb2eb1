import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TermMatch } from '../../glossary/types.ts';
import { findTerms } from '../../glossary/matcher.ts';
import {
  caretAt,
  occurrenceAtPoint,
  occurrencesAtOffset,
  rangeContainsPoint,
  termsAround,
  type Occurrence,
} from '../../entrypoints/glossary-tooltip/hit-test.ts';
import { random as seededRandom } from './support/random.ts';

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A range stand-in whose line boxes are given. */
const rangeWithRects = (...rects: Box[]): Range =>
  ({ getClientRects: () => rects }) as unknown as Range;

const occurrence = (text: Text, start: number, end: number): Occurrence => ({
  text,
  start,
  end,
  termId: 'bpo',
});

type CaretPositionFromPoint = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => { offsetNode: Node; offset: number } | null;

/** Gives `document` a caret API happy-dom lacks; removed again after each test. */
function stubDocument(name: 'caretPositionFromPoint' | 'caretRangeFromPoint', fn: unknown): void {
  Object.defineProperty(document, name, { value: fn, configurable: true, writable: true });
}

afterEach(() => {
  Reflect.deleteProperty(document, 'caretPositionFromPoint');
  Reflect.deleteProperty(document, 'caretRangeFromPoint');
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('occurrencesAtOffset', () => {
  const text = document.createTextNode('BPO and KPO');
  const bpo = occurrence(text, 0, 3);
  const kpo = occurrence(text, 8, 11);
  const list = [bpo, kpo];

  it('finds the occurrence a caret sits inside', () => {
    expect(occurrencesAtOffset(list, 1)).toEqual([bpo]);
    expect(occurrencesAtOffset(list, 9)).toEqual([kpo]);
  });

  it('counts a caret on either edge of an occurrence', () => {
    expect(occurrencesAtOffset(list, 0)).toEqual([bpo]);
    expect(occurrencesAtOffset(list, 3)).toEqual([bpo]);
    expect(occurrencesAtOffset(list, 8)).toEqual([kpo]);
    expect(occurrencesAtOffset(list, 11)).toEqual([kpo]);
  });

  it('finds nothing between or beyond occurrences', () => {
    for (const offset of [4, 5, 7, 12, -1]) expect(occurrencesAtOffset(list, offset)).toEqual([]);
  });

  it('returns both occurrences when a caret sits where one ends and the next starts', () => {
    const left = occurrence(text, 0, 3);
    const right = occurrence(text, 3, 6);
    expect(occurrencesAtOffset([left, right], 3)).toEqual([left, right]);
  });

  it('finds nothing in an empty list', () => {
    expect(occurrencesAtOffset([], 0)).toEqual([]);
  });
});

describe('rangeContainsPoint', () => {
  const word = { left: 10, right: 40, top: 100, bottom: 120 };

  it('is true for a point inside a line box', () => {
    expect(rangeContainsPoint(rangeWithRects(word), 25, 110)).toBe(true);
  });

  it('is true on the edges and within the default one pixel of slack', () => {
    expect(rangeContainsPoint(rangeWithRects(word), 10, 100)).toBe(true);
    expect(rangeContainsPoint(rangeWithRects(word), 9, 121)).toBe(true);
    expect(rangeContainsPoint(rangeWithRects(word), 41, 99)).toBe(true);
  });

  it('is false just beyond the slack', () => {
    expect(rangeContainsPoint(rangeWithRects(word), 8.9, 110)).toBe(false);
    expect(rangeContainsPoint(rangeWithRects(word), 41.1, 110)).toBe(false);
    expect(rangeContainsPoint(rangeWithRects(word), 25, 98.9)).toBe(false);
    expect(rangeContainsPoint(rangeWithRects(word), 25, 121.1)).toBe(false);
  });

  it('takes a custom slack', () => {
    expect(rangeContainsPoint(rangeWithRects(word), 5, 110, 5)).toBe(true);
    expect(rangeContainsPoint(rangeWithRects(word), 10, 110, 0)).toBe(true);
    expect(rangeContainsPoint(rangeWithRects(word), 9.5, 110, 0)).toBe(false);
  });

  it('checks every line box of a term that wraps', () => {
    const wrapped = rangeWithRects(
      { left: 300, right: 380, top: 100, bottom: 120 },
      { left: 0, right: 60, top: 120, bottom: 140 },
    );
    expect(rangeContainsPoint(wrapped, 350, 110)).toBe(true);
    expect(rangeContainsPoint(wrapped, 30, 130)).toBe(true);
    // Inside the bounding box of both lines, but on neither line.
    expect(rangeContainsPoint(wrapped, 200, 115)).toBe(false);
  });

  it('is false for a range without line boxes', () => {
    expect(rangeContainsPoint(rangeWithRects(), 0, 0)).toBe(false);
  });
});

describe('caretAt', () => {
  it('uses caretPositionFromPoint and passes the shadow roots along', () => {
    const text = document.createTextNode('BPO');
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const positionAt = vi.fn<CaretPositionFromPoint>(() => ({ offsetNode: text, offset: 2 }));
    const rangeAt = vi.fn();
    stubDocument('caretPositionFromPoint', positionAt);
    stubDocument('caretRangeFromPoint', rangeAt);

    expect(caretAt(document, 12, 34, new Set([shadow]))).toEqual({ node: text, offset: 2 });
    expect(positionAt).toHaveBeenCalledWith(12, 34, { shadowRoots: [shadow] });
    expect(rangeAt).not.toHaveBeenCalled();
  });

  it('is null when caretPositionFromPoint finds nothing', () => {
    stubDocument('caretPositionFromPoint', () => null);
    expect(caretAt(document, 1, 1, [])).toBeNull();
  });

  it('falls back to caretRangeFromPoint where caretPositionFromPoint is missing', () => {
    const text = document.createTextNode('KPO here');
    const range = document.createRange();
    range.setStart(text, 5);
    const rangeAt = vi.fn(() => range);
    stubDocument('caretRangeFromPoint', rangeAt);

    expect(caretAt(document, 7, 8, [])).toEqual({ node: text, offset: 5 });
    expect(rangeAt).toHaveBeenCalledWith(7, 8);
  });

  it('is null when caretRangeFromPoint finds nothing', () => {
    stubDocument('caretRangeFromPoint', () => null);
    expect(caretAt(document, 1, 1, [])).toBeNull();
  });
});

describe('occurrenceAtPoint', () => {
  // Every character is drawn 10px wide on one line from y=0 to y=20.
  beforeEach(() => {
    vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
      const box = { left: this.startOffset * 10, right: this.endOffset * 10, top: 0, bottom: 20 };
      return [box] as unknown as DOMRectList;
    });
  });

  /** A matcher that finds exactly `matches` (the test texts have no cut characters). */
  const finder =
    (matches: TermMatch[]) =>
    (text: string): TermMatch[] =>
      matches.filter((m) => m.end <= text.length);
  const nothingExcluded = (): boolean => false;

  function caretOn(node: Node, offset: number): void {
    stubDocument('caretPositionFromPoint', () => ({ offsetNode: node, offset }));
  }

  it('finds the occurrence drawn under the point', () => {
    const text = document.body.appendChild(document.createTextNode('The BPO and KPO'));
    const find = finder([
      { start: 4, end: 7, termId: 'bpo' },
      { start: 12, end: 15, termId: 'kpo' },
    ]);
    caretOn(text, 13);
    expect(occurrenceAtPoint(document, 135, 10, find, nothingExcluded)).toMatchObject({
      text,
      start: 12,
      end: 15,
      termId: 'kpo',
    });
  });

  it('matches the text under the caret with the real matcher', () => {
    const text = document.body.appendChild(document.createTextNode('Meie KPO-partner'));
    caretOn(text, 6);
    expect(occurrenceAtPoint(document, 65, 10, findTerms, nothingExcluded)).toMatchObject({
      start: 5,
      end: 8,
      termId: 'kpo',
    });
  });

  it('ignores a caret that snapped to a term from a point beside it', () => {
    const text = document.body.appendChild(document.createTextNode('The BPO'));
    const find = finder([{ start: 4, end: 7, termId: 'bpo' }]);
    caretOn(text, 7);
    // The caret lands at the end of the line, but the pointer is far to its right.
    expect(occurrenceAtPoint(document, 300, 10, find, nothingExcluded)).toBeNull();
    // Or below the line.
    expect(occurrenceAtPoint(document, 55, 60, find, nothingExcluded)).toBeNull();
  });

  it('tells touching occurrences apart by where the point is', () => {
    const text = document.body.appendChild(document.createTextNode('BPOKPO'));
    const find = finder([
      { start: 0, end: 3, termId: 'bpo' },
      { start: 3, end: 6, termId: 'kpo' },
    ]);
    caretOn(text, 3);
    expect(occurrenceAtPoint(document, 25, 10, find, nothingExcluded)?.termId).toBe('bpo');
    expect(occurrenceAtPoint(document, 45, 10, find, nothingExcluded)?.termId).toBe('kpo');
  });

  it('finds nothing in a text node without occurrences', () => {
    const other = document.body.appendChild(document.createTextNode('plain words'));
    caretOn(other, 5);
    expect(occurrenceAtPoint(document, 55, 10, findTerms, nothingExcluded)).toBeNull();
  });

  it('finds nothing in text the page world skips (excluded subtrees)', () => {
    const text = document.body.appendChild(document.createTextNode('The BPO'));
    caretOn(text, 5);
    expect(occurrenceAtPoint(document, 55, 10, findTerms, () => true)).toBeNull();
    expect(occurrenceAtPoint(document, 55, 10, findTerms, nothingExcluded)?.termId).toBe('bpo');
  });

  it('finds nothing when the caret is on an element', () => {
    caretOn(document.body, 0);
    expect(occurrenceAtPoint(document, 55, 10, findTerms, nothingExcluded)).toBeNull();
  });

  it('finds nothing when there is no caret under the point', () => {
    stubDocument('caretPositionFromPoint', () => null);
    expect(occurrenceAtPoint(document, 55, 10, findTerms, nothingExcluded)).toBeNull();
  });
});

describe('termsAround', () => {
  const PIECES = [
    'BPO',
    'KPO-d',
    'offshore',
    'near-shoring',
    'teadmusprotsessi',
    'sisseostmine',
    'business',
    'process',
    'outsourcing',
    ' ',
    '   ',
    '\n',
    '.',
    ', ',
    '(',
    ')',
    '\u{1D400}',
    'ä',
    'x',
    '’s',
    '-',
  ];

  it('finds around any offset exactly what the whole text has there', () => {
    const random = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      let data = '';
      const length = 1 + Math.floor(random() * 30);
      for (let i = 0; i < length; i++) data += PIECES[Math.floor(random() * PIECES.length)] ?? '';
      const all = findTerms(data);
      for (let at = 0; at <= data.length; at++) {
        const expected = all.filter((m) => m.start <= at && m.end >= at);
        expect(termsAround(data, at, at, findTerms), `${JSON.stringify(data)} @${at}`).toEqual(
          expected,
        );
      }
    }
  });

  it('matches only the stretch between cut characters, not a whole huge text', () => {
    const data = 'Plain words. '.repeat(50_000) + 'Our BPO team. ' + 'More words. '.repeat(50_000);
    const at = data.indexOf('BPO') + 1;
    const seen: number[] = [];
    const spy = (text: string): TermMatch[] => {
      seen.push(text.length);
      return findTerms(text);
    };
    expect(termsAround(data, at, at, spy)).toEqual([{ start: at - 1, end: at + 2, termId: 'bpo' }]);
    expect(seen.every((n) => n < 40)).toBe(true);
  });
});
