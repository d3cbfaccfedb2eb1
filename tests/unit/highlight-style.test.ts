import { describe, expect, it } from 'vitest';
import {
  HighlightLook,
  highlightSheetCss,
  lookHighlightName,
} from '../../entrypoints/glossary-page.content/highlight-style.ts';
import { TERM_IDS } from '../../glossary/terms.ts';
import type { TermId } from '../../glossary/types.ts';

// A registry stand-in: happy-dom has no CSS.highlights; HighlightRegistry is a maplike.
const fakeRegistry = (): HighlightRegistry => new Map();
const fakeHighlights = (): Map<TermId, Highlight> =>
  new Map(TERM_IDS.map((id) => [id, { id } as unknown as Highlight]));

describe('the injected highlight stylesheet', () => {
  it('styles every term in every look, and no public glossary- name', () => {
    const css = highlightSheetCss(':root');
    for (const look of ['underline', 'tint', 'both'] as const) {
      for (const id of TERM_IDS)
        expect(css).toContain(`:root::highlight(${lookHighlightName(look, id)})`);
    }
    expect(css).not.toMatch(/::highlight\(glossary-/);
    expect(css.match(/::highlight\(/g)).toHaveLength(3 * TERM_IDS.length);
  });

  it('gives each look only properties both browsers paint', () => {
    const rules = highlightSheetCss('')
      .split('}')
      .filter((r) => r.includes('{'));
    const body = (look: string): string =>
      rules.find((r) => r.includes(`-${look}-bpo)`))?.split('{')[1] ?? '';
    expect(body('underline')).toContain('text-decoration: underline');
    expect(body('underline')).not.toContain('background-color');
    expect(body('tint')).toContain('background-color');
    expect(body('tint')).not.toContain('text-decoration');
    expect(body('both')).toContain('text-decoration: underline');
    expect(body('both')).toContain('background-color');
  });

  it('uses the universal form without a scope (Firefox has no highlight inheritance)', () => {
    expect(highlightSheetCss('')).toMatch(/^::highlight\(bpo-kpo-glossary-underline-bpo\)/);
  });
});

describe('HighlightLook', () => {
  it('registers each term highlight under the look name too', () => {
    const registry = fakeRegistry();
    const highlights = fakeHighlights();
    new HighlightLook(registry, highlights, 'tint');
    expect([...registry.keys()].sort()).toEqual(
      TERM_IDS.map((id) => lookHighlightName('tint', id)).sort(),
    );
    expect(registry.get(lookHighlightName('tint', 'kpo'))).toBe(highlights.get('kpo'));
  });

  it('switches looks by swapping names, and takes its names back on dispose', () => {
    const registry = fakeRegistry();
    const highlights = fakeHighlights();
    registry.set('glossary-kpo', highlights.get('kpo') as Highlight);
    const look = new HighlightLook(registry, highlights, 'underline');
    look.set('both');
    expect(registry.has(lookHighlightName('underline', 'kpo'))).toBe(false);
    expect(registry.get(lookHighlightName('both', 'kpo'))).toBe(highlights.get('kpo'));
    look.dispose();
    expect([...registry.keys()]).toEqual(['glossary-kpo']);
  });

  it('does nothing without a registry', () => {
    const look = new HighlightLook(undefined, fakeHighlights(), 'underline');
    expect(() => {
      look.set('tint');
      look.dispose();
    }).not.toThrow();
  });
});
