// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { TermMatch } from '../../glossary/types.ts';

// The matcher runs in the page's own JS world, where a page may have patched built-ins. Each
// patch below throws or answers wrongly if the matcher touches it; results are gathered while
// the patches are in place and compared once they are gone (the test runner needs the built-ins).

const TEXTS = [
  'Erinevus BPO ja KPO vahel',
  'Business process outsourcing (BPO) and Knowledge Processing Outsourcing',
  'Kaldal asuv BPO : äritegevuse allhankimine teisele ettevõttele, kuid samas riigis.',
  'teadmistepõhise allhankega, near-shoring ja OFFSHORED',
  'xBPO BPO-dega 😀offshore😀 \ud800 ДBPO',
  'BPO, KPO, offshore, nearshore and onshore outsourcing: five terms and more in one text.',
  'The quarterly report was published on time.',
];

type Patch = readonly [target: object, key: PropertyKey, value: unknown];

function hostile(): never {
  throw new Error('the matcher called a built-in the page replaced');
}

const PATCHES: readonly Patch[] = [
  [Array.prototype, 'reduce', hostile],
  [Array.prototype, 'map', hostile],
  [Array.prototype, 'filter', hostile],
  [Array.prototype, 'forEach', hostile],
  [Array.prototype, Symbol.iterator, hostile],
  [Array.prototype, 'toJSON', hostile],
  [String, 'fromCharCode', hostile],
  [String, 'fromCodePoint', hostile],
  [globalThis, 'Uint8Array', hostile],
  [globalThis, 'Array', hostile],
  [globalThis, 'RegExp', hostile],
  [globalThis, 'JSON', { parse: hostile, stringify: hostile }],
];

/** Runs `body` with the page's patches and enumerable pollutants on `Object.prototype`. */
function inHostilePage(body: () => void): void {
  const saved = PATCHES.map(([target, key]) => Object.getOwnPropertyDescriptor(target, key));
  const pollutants = ['terminal', 'units', 'children', 'bpo', 'termId', 'anchorSource'];
  // Synchronous from patch to restore, so nothing else (the runner, timers) sees the patches;
  // indexed loops without destructuring, which would use the patched array iterator.
  try {
    for (let i = 0; i < PATCHES.length; i++) {
      const patch = PATCHES[i] as Patch;
      Object.defineProperty(patch[0], patch[1], {
        value: patch[2],
        configurable: true,
        writable: true,
      });
    }
    for (let i = 0; i < pollutants.length; i++) {
      Object.defineProperty(Object.prototype, pollutants[i] as string, {
        value: 7,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    }
    body();
  } finally {
    for (let i = 0; i < pollutants.length; i++) {
      Reflect.deleteProperty(Object.prototype, pollutants[i] as string);
    }
    for (let i = 0; i < PATCHES.length; i++) {
      const patch = PATCHES[i] as Patch;
      const descriptor = saved[i];
      if (descriptor === undefined) Reflect.deleteProperty(patch[0], patch[1]);
      else Object.defineProperty(patch[0], patch[1], descriptor);
    }
  }
}

describe('the matcher in a page that patched built-ins', () => {
  it('finds the same terms as in a clean world', async () => {
    // A fresh module, so its lazily made word cache is first needed inside the hostile page.
    vi.resetModules();
    const { findTerms, mightContainTerm } = await import('../../glossary/matcher.ts');
    const results: TermMatch[][] = [];
    const might: boolean[] = [];
    inHostilePage(() => {
      for (let i = 0; i < TEXTS.length; i++) {
        const text = TEXTS[i] as string;
        results.push(findTerms(text));
        might.push(mightContainTerm(text));
      }
    });
    expect(results.flat().length).toBeGreaterThan(10);
    expect(results).toEqual(TEXTS.map((text) => findTerms(text)));
    expect(might).toEqual(TEXTS.map((text) => mightContainTerm(text)));
  });
});
