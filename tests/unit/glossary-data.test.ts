// @vitest-environment node
// Pure data, no DOM; and happy-dom's URL would resolve `new URL(path, import.meta.url)` against
// its page address (http://localhost:3000/) instead of this file.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as article from '../../glossary/article.ts';
import {
  BPO_KINDS,
  BPO_SERVICES,
  KEY_DIFFERENCES,
  KPO_SERVICES,
  SECTION_TITLES,
} from '../../glossary/article.ts';
import * as chart from '../../glossary/chart.ts';
import { CHART_HEADER, CHART_ROWS, TELLING_ROWS } from '../../glossary/chart.ts';
import * as terms from '../../glossary/terms.ts';
import { TERM_BY_ID, TERM_IDS, TERMS } from '../../glossary/terms.ts';
import type { Bilingual, ChartRow } from '../../glossary/types.ts';

const articleUrl = new URL('../../glossary/bpo-kpo.et.txt', import.meta.url);
const sharedArticleUrl = new URL('../../../shared/article/bpo-kpo.et.txt', import.meta.url);
const articleText = readFileSync(articleUrl, 'utf8');
const articleLines = articleText.split(/\r?\n/);

const normalise = (text: string): string => text.replace(/\s+/g, ' ');
const normalisedArticle = normalise(articleText);

const dataModules = { article, chart, terms };

/** Every `{ et, en }` pair reachable from the value, with a path saying where it sits. */
function collectBilinguals(value: unknown, path: string): { path: string; text: Bilingual }[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: { path: string; text: Bilingual }[] = [];
  if ('et' in value && 'en' in value) {
    const { et, en } = value;
    if (typeof et === 'string' && typeof en === 'string') found.push({ path, text: { et, en } });
  }
  for (const [key, child] of Object.entries(value)) {
    found.push(...collectBilinguals(child, `${path}.${key}`));
  }
  return found;
}

/** Every string stored under an `et` key anywhere in the value. */
function collectEstonian(value: unknown, path: string): { path: string; et: string }[] {
  if (typeof value !== 'object' || value === null) return [];
  const found: { path: string; et: string }[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (key === 'et' && typeof child === 'string') found.push({ path, et: child });
    else found.push(...collectEstonian(child, `${path}.${key}`));
  }
  return found;
}

const bilinguals = collectBilinguals(dataModules, 'glossary');
const estonianStrings = collectEstonian(dataModules, 'glossary');

const joinCells = (row: ChartRow): string => row.basis.et + row.bpo.et + row.kpo.et;

describe('the article copy', () => {
  const sharedExists = existsSync(sharedArticleUrl);
  // CI (`.ci/run`) has ../shared: there a missing article is a broken setup, not a reason to skip.
  const requireAll = process.env.GLOSSARY_REQUIRE_ALL === '1';

  const title = sharedExists
    ? 'is byte-identical to the shared article'
    : requireAll
      ? 'is byte-identical to the shared article (required: GLOSSARY_REQUIRE_ALL=1)'
      : 'is byte-identical to the shared article (skipped: ../shared/article/ is not here)';

  it.skipIf(!sharedExists && !requireAll)(title, () => {
    expect(
      sharedExists,
      `GLOSSARY_REQUIRE_ALL=1, but ${sharedArticleUrl.pathname} is missing`,
    ).toBe(true);
    expect(readFileSync(articleUrl).equals(readFileSync(sharedArticleUrl))).toBe(true);
  });
});

describe('glossary data quotes the article', () => {
  it('finds Estonian strings to check in every data module', () => {
    for (const name of Object.keys(dataModules)) {
      expect(estonianStrings.some(({ path }) => path.startsWith(`glossary.${name}.`))).toBe(true);
    }
  });

  it('quotes every Estonian string verbatim from the article', () => {
    const missing = estonianStrings
      .filter(({ et }) => !normalisedArticle.includes(normalise(et)))
      .map(({ path, et }) => `${path}: ${et}`);
    expect(missing).toEqual([]);
  });

  it('gives every bilingual text in both languages, with English that is not the Estonian', () => {
    const estonianLetters = /[õäöüšžÕÄÖÜŠŽ]/;
    const faulty = bilinguals
      .filter(
        ({ text }) =>
          text.et.trim() === '' ||
          text.en.trim() === '' ||
          (estonianLetters.test(text.et) && text.en === text.et),
      )
      .map(({ path }) => path);
    expect(bilinguals.length).toBeGreaterThan(50);
    expect(faulty).toEqual([]);
  });

  it('uses section headings that stand as whole lines of the article', () => {
    for (const [section, title] of Object.entries(SECTION_TITLES)) {
      expect(articleLines, section).toContain(title.et);
    }
  });
});

describe('comparison chart', () => {
  const basisOrder = [
    'Akronüüm',
    'Tähendus',
    'Põhineb',
    'Keerukuse aste',
    'Nõue',
    'Tugineb',
    'Edasiviiv jõud',
    'Koostöö ja koordineerimine',
    'Töötajad vajavad talente',
    'Keskendu',
  ];

  it("has exactly the article's ten rows, in the article's order", () => {
    expect(CHART_ROWS.map((row) => row.basis.et)).toEqual(basisOrder);
  });

  it("splits each line of the article's chart into cells that join back to it exactly", () => {
    const headerLine = articleLines.indexOf(joinCells(CHART_HEADER));
    expect(headerLine).toBeGreaterThan(-1);
    const chartLines = articleLines.slice(headerLine + 1, headerLine + 1 + CHART_ROWS.length);
    expect(CHART_ROWS.map(joinCells)).toEqual(chartLines);
    expect(articleLines[headerLine + 1 + CHART_ROWS.length]).toBe('');
  });

  it('marks two or three distinct existing rows as the most telling', () => {
    expect(TELLING_ROWS.length).toBeGreaterThanOrEqual(2);
    expect(TELLING_ROWS.length).toBeLessThanOrEqual(3);
    expect(new Set(TELLING_ROWS).size).toBe(TELLING_ROWS.length);
    for (const index of TELLING_ROWS) expect(CHART_ROWS[index]).toBeDefined();
  });
});

describe('terms', () => {
  it('has exactly the six required ids, unique and in order', () => {
    const ids = TERMS.map((term) => term.id);
    expect(ids).toEqual(['bpo', 'kpo', 'onshore', 'nearshore', 'offshore', 'outsourcing']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(TERM_IDS).toEqual(ids);
  });

  it('looks every term up by its own id', () => {
    expect(Object.keys(TERM_BY_ID).sort()).toEqual([...TERM_IDS].sort());
    for (const term of TERMS) expect(TERM_BY_ID[term.id]).toBe(term);
  });

  it('links only to other terms that exist', () => {
    for (const term of TERMS) {
      expect(term.related.length, term.id).toBeGreaterThan(0);
      expect(term.related, term.id).not.toContain(term.id);
      for (const id of term.related) expect(TERM_IDS, `${term.id} → ${id}`).toContain(id);
      expect(new Set(term.related).size, term.id).toBe(term.related.length);
    }
  });

  it('defines the three kinds of BPO exactly as the kinds list does', () => {
    for (const kind of BPO_KINDS) {
      const term = TERM_BY_ID[kind.termId];
      expect(term.definition).toEqual(kind.description);
      expect(term.expansion.et).toBe(kind.name.et);
    }
  });
});

describe('article lists', () => {
  it('has ten key differences, each a numbered point of the article', () => {
    expect(KEY_DIFFERENCES).toHaveLength(10);
    KEY_DIFFERENCES.forEach(({ et }, index) => {
      expect(articleLines).toContain(` ${index + 1}. ${et}`);
    });
  });

  it('has three kinds of BPO, each a "name : description" bullet of the article', () => {
    expect(BPO_KINDS.map((kind) => kind.termId)).toEqual(['onshore', 'nearshore', 'offshore']);
    for (const { name, description } of BPO_KINDS) {
      expect(articleLines).toContain(` • ${name.et} : ${description.et}`);
    }
  });

  it('has six BPO services and five KPO services, each a bullet of the article', () => {
    expect(BPO_SERVICES).toHaveLength(6);
    expect(KPO_SERVICES).toHaveLength(5);
    for (const { et } of [...BPO_SERVICES, ...KPO_SERVICES]) {
      expect(articleLines).toContain(` • ${et}`);
    }
  });
});
