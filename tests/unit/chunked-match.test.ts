// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import {
  CHUNK_CHARS,
  matchInChunks,
} from '../../entrypoints/glossary-page.content/chunked-match.ts';
import { findTerms } from '../../glossary/matcher.ts';
import { TERM_FORMS } from '../../glossary/term-forms.ts';
import type { TermMatch } from '../../glossary/types.ts';
import { random } from './support/random.ts';

const CHUNKS = [1, 2, 7, 13, 50, 64, 199, 200, 201, 1000];

/** Every match the chunks yield, in order, and how many chunks there were. */
function chunked(text: string, chunk: number): { matches: TermMatch[]; steps: number } {
  const matches: TermMatch[] = [];
  let steps = 0;
  for (const part of matchInChunks(text, findTerms, chunk)) {
    matches.push(...part);
    steps++;
  }
  return { matches, steps };
}

function expectSameAsWhole(text: string, chunks: readonly number[] = CHUNKS): void {
  const whole = findTerms(text);
  for (const chunk of chunks) {
    expect(chunked(text, chunk).matches, `chunk ${chunk}: ${JSON.stringify(text)}`).toEqual(whole);
  }
}

/** Term fragments, near misses and separators, so random text is dense with boundary cases. */
const FRAGMENTS = [
  ...['BPO', 'KPO', 'bpo', 'BP', 'O', '-d', '-st', '-dega', '\u2011de', 's', "'s", '’s', '-'],
  ...['business', 'process', 'outsourcing', 'outsourc', 'ing', 'Outsourced', 'knowledge'],
  ...['äriprotsesside', 'sisseostmine', 'sisseostmisega', 'teadmusprotsessi', 'teadmiste'],
  ...['protsessi', 'teadmistepõhise', 'allhange', 'allhanke', 'allhankega', 'allhankija'],
  ...['allhankimine', 'kaldal', 'asuv', 'Kaldal asuv BPO', 'onshore', 'nearshore', 'offshore'],
  ...['shore', 'near', 'off', 'x', 'ä', '7', '😀', '\u0301', '\ud800', '\udc00'],
  ...[' ', ' ', ' ', '   ', '\n', '\t', '\u00a0', '\u202f', '.', ',', '(', ')', '/', '_'],
];

function randomText(next: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] ?? '';
  return text;
}

describe('matchInChunks', () => {
  it('yields nothing for empty text', () => {
    expect([...matchInChunks('', findTerms, 7)]).toEqual([]);
  });

  it('yields one piece per step, so long text is matched a piece at a time', () => {
    const text = 'BPO. '.repeat(100);
    const { matches, steps } = chunked(text, 50);
    expect(steps).toBeGreaterThanOrEqual(9);
    expect(steps).toBeLessThanOrEqual(10);
    expect(matches).toHaveLength(100);
  });

  it('cuts each piece at least a chunk long, right after the next punctuation', () => {
    const text = 'Offshore BPO, KPO. '.repeat(10_000);
    const spy = vi.fn(findTerms);
    const parts = [...matchInChunks(text, spy, 1000)];
    expect(parts.length).toBeGreaterThan(100);
    const windows = spy.mock.calls.map(([window]) => window);
    expect(windows.join('')).toBe(text);
    for (const window of windows.slice(0, -1)) {
      expect(window.length).toBeGreaterThanOrEqual(1000);
      expect(window.length).toBeLessThan(1000 + 'Offshore BPO, '.length);
      expect(window).toMatch(/[.,]$/);
    }
    expect(parts.flat()).toEqual(findTerms(text));
  });

  it('matches text with nowhere safe to cut in one piece', () => {
    const text = 'BPO ja KPO '.repeat(100);
    const { matches, steps } = chunked(text, 50);
    expect(steps).toBe(1);
    expect(matches).toEqual(findTerms(text));
  });

  it('matches in pieces of at least CHUNK_CHARS by default', () => {
    const text = `${'x. '.repeat(CHUNK_CHARS / 2)}KPO`;
    const parts = [...matchInChunks(text, findTerms)];
    expect(parts).toHaveLength(2);
    expect(parts.flat()).toEqual(findTerms(text));
  });

  it('gives the same matches as one findTerms call for short texts', () => {
    for (const text of [
      'BPO',
      'Erinevus BPO ja KPO vahel',
      'KPO-dega ja BPO-st',
      'business process outsourcing',
      'Kaldal asuv BPO',
      'teadmistepõhise allhankega',
      'nothing here at all',
    ]) {
      expectSameAsWhole(text);
    }
  });

  it('keeps a term that straddles a chunk boundary, at every offset', () => {
    for (const term of ['BPO', 'KPO-dega', 'allhangetega', 'nearshoring', 'outsourcings']) {
      for (let pad = 0; pad < 20; pad++)
        expectSameAsWhole(`${'y '.repeat(pad)}${term} tail`, [7, 13]);
    }
  });

  it('keeps a phrase whose whitespace falls on a chunk boundary', () => {
    const phrases = [
      'business process outsourcing',
      'knowledge\u00a0process\u202foutsourcing',
      'Kaldal \n asuv\tBPO',
      'teadmiste   protsessi sisseostmisega',
      'äriprotsesside\r\nsisseostmine',
      'teadmistepõhise allhankega',
    ];
    for (const phrase of phrases) {
      for (let pad = 0; pad < 40; pad++)
        expectSameAsWhole(`${'.'.repeat(pad)}${phrase}.`, [7, 13, 50, 64]);
    }
  });

  it('keeps a phrase whose words are far apart, beyond the window overlap', () => {
    for (const gap of [150, 199, 200, 201, 300, 1000]) {
      const space = ' '.repeat(gap);
      for (const pad of [0, 3, 40, 63, 64, 65]) {
        expectSameAsWhole(`${'.'.repeat(pad)}business${space}process outsourcing.`, [7, 64]);
        expectSameAsWhole(`${'.'.repeat(pad)}Kaldal asuv${space}BPO`, [7, 64]);
      }
    }
  });

  it('finds every spelling of every term form wherever a boundary falls in it', () => {
    for (const form of Object.values(TERM_FORMS).flat()) {
      form.forEach((slot, index) => {
        for (const spelling of slot.spellings) {
          const words = form.map((other, i) => (i === index ? spelling : other.spellings[0]));
          const phrase = words.join(' ');
          for (let pad = 0; pad < 7; pad++) {
            const text = `${'.'.repeat(pad)}${phrase}.`;
            expect(findTerms(text)).toHaveLength(1);
            expectSameAsWhole(text, [1, 7]);
          }
        }
      });
    }
  });

  it('cuts after punctuation and symbols of any script', () => {
    const text = 'BPO😀KPO。offshore，nearshore«allhange»outsourcing​BPO-dega†onshore';
    expect(findTerms(text)).toHaveLength(8);
    expect(chunked(text, 1).steps).toBeGreaterThanOrEqual(7);
    expectSameAsWhole(text);
  });

  it('does not match a near miss cut at a chunk boundary', () => {
    const nearMisses = [
      'xBPO',
      'BPOx',
      'BPO-teenused',
      'BPO1',
      'allhankija',
      'outsourcer',
      'offshores',
      'bpo',
      'business process',
      'BPO\u0301',
    ];
    for (const miss of nearMisses) {
      for (let pad = 0; pad < 20; pad++) {
        const text = `${'a'.repeat(pad)} ${miss} `;
        expectSameAsWhole(text, [7, 13]);
      }
    }
  });

  it('does not split a surrogate pair into a boundary it is not', () => {
    // 😀 is a symbol (a place to cut), 𝐀 a letter (a word boundary): neither is cut in half.
    for (let pad = 0; pad < 16; pad++) {
      expectSameAsWhole(`${'.'.repeat(pad)}😀BPO 𝐀KPO 😀😀offshore 𝐀𝐀nearshore`, [1, 7, 13]);
    }
  });

  it('treats lone surrogates like any other character that is not a letter', () => {
    for (let pad = 0; pad < 8; pad++) {
      expectSameAsWhole(`${'.'.repeat(pad)}\udc00BPO\ud800 KPO\ud800\ud800offshore`, [1, 7]);
    }
  });

  it('keeps leftmost-longest choices across boundaries', () => {
    for (let pad = 0; pad < 30; pad++) {
      // `BPO-st` over `BPO-s`, `Kaldal asuv BPO` over `BPO`, the phrase over its last word.
      expectSameAsWhole(
        `${' '.repeat(pad)}BPO-st Kaldal asuv BPO business process outsourcing`,
        [7, 13],
      );
    }
  });

  it('gives the same matches as one findTerms call on random text made of term fragments', () => {
    const next = random(7);
    for (let round = 0; round < 400; round++) {
      const text = randomText(next, 5 + Math.floor(next() * 60));
      expectSameAsWhole(text, [1, 7, 13, 50, 64]);
    }
  });

  it('yields ordered, non-overlapping matches', () => {
    const next = random(11);
    for (let round = 0; round < 100; round++) {
      const text = randomText(next, 80);
      let end = 0;
      for (const m of chunked(text, 7).matches) {
        expect(m.start).toBeGreaterThanOrEqual(end);
        expect(m.end).toBeGreaterThan(m.start);
        end = m.end;
      }
    }
  });
});
