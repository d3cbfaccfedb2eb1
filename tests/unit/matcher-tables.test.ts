// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compileMatcherTables } from '../../glossary/matcher-compile.ts';
import { MATCHER_TABLES } from '../../glossary/matcher-tables.generated.ts';
import { TERM_FORMS } from '../../glossary/term-forms.ts';
import type { TermForm } from '../../glossary/term-forms.ts';
import type { TermId } from '../../glossary/types.ts';

/** Term forms with `forms` as the only forms of `bpo`, and no other term. */
function onlyBpo(forms: readonly TermForm[]): Readonly<Record<TermId, readonly TermForm[]>> {
  return { bpo: forms, kpo: [], onshore: [], nearshore: [], offshore: [], outsourcing: [] };
}

describe('the generated matcher tables', () => {
  it('are what the term forms compile to', () => {
    expect(
      compileMatcherTables(TERM_FORMS),
      'glossary/matcher-tables.generated.ts is out of date: run `npm run gen:matcher`',
    ).toEqual(MATCHER_TABLES);
  });

  it('give a shortest anchor no term form can be shorter than, and one a form starts with', () => {
    const { shortestAnchor } = MATCHER_TABLES;
    const shortestSpelling = (slot: TermForm[number]): number =>
      Math.min(...slot.spellings.map((spelling) => spelling.length));
    const forms = Object.values(TERM_FORMS).flat();
    for (const form of forms) {
      // Words are joined by at least one whitespace character.
      const shortest = form.reduce((sum, slot) => sum + shortestSpelling(slot), form.length - 1);
      expect(shortest).toBeGreaterThanOrEqual(shortestAnchor);
    }
    // Tight: `BPO` is a term and as long as the shortest anchor.
    expect(Math.min(...forms.map((form) => shortestSpelling(form[0] as TermForm[number])))).toBe(
      shortestAnchor,
    );
  });

  it('hold a well-formed trie: every edge leads back to a node inside the table', () => {
    const { trie, slotRoots } = MATCHER_TABLES;
    const nodes = new Set<number>();
    for (let node = 0; node < trie.length; node += 2 + 3 * (trie[node + 1] ?? 0)) nodes.add(node);
    for (const root of slotRoots) expect(nodes).toContain(root);
    for (const node of nodes) {
      expect([0, 1]).toContain(trie[node]);
      for (let edge = 0; edge < (trie[node + 1] ?? 0); edge++) {
        const distance = trie[node + 4 + 3 * edge] ?? 0;
        expect(distance).toBeGreaterThan(0);
        expect(nodes).toContain(node - distance);
      }
    }
  });
});

describe('compileMatcherTables', () => {
  const caseSensitive = (...spellings: string[]) => ({ spellings, caseSensitive: true });
  const anyCase = (...spellings: string[]) => ({ spellings, caseSensitive: false });

  it('rejects spellings the matcher cannot hold', () => {
    expect(() => compileMatcherTables(onlyBpo([[caseSensitive('')]]))).toThrow(/bad spelling/);
    expect(() => compileMatcherTables(onlyBpo([[anyCase('two words')]]))).toThrow(/bad spelling/);
    expect(() => compileMatcherTables(onlyBpo([[anyCase('tab\there')]]))).toThrow(/bad spelling/);
    expect(() => compileMatcherTables(onlyBpo([[anyCase('𝐀bc')]]))).toThrow(/astral char/);
    expect(() => compileMatcherTables(onlyBpo([[]]))).toThrow(/empty form for bpo/);
  });

  it('rejects a first word whose uppercase no anchor covers', () => {
    // `/straße/i` does not match `STRASSE`, so the prefilter would hide that spelling.
    expect(() => compileMatcherTables(onlyBpo([[anyCase('straße')]]))).toThrow(
      /no anchor covers straße/,
    );
  });

  it('stores a slot used by several forms once', () => {
    const shared = anyCase('allhange', 'allhanke');
    const tables = compileMatcherTables(onlyBpo([[shared], [anyCase('kaldal'), shared]]));
    expect(tables.slotRoots[0]).toBe(tables.slotRoots[2]);
  });
});
