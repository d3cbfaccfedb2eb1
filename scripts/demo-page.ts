import { readFileSync } from 'node:fs';
import { CHART_HEADER, CHART_ROWS } from '../glossary/chart.ts';

const ARTICLE = readFileSync(new URL('../glossary/bpo-kpo.et.txt', import.meta.url), 'utf8');
const HEADINGS = new Set([
  'Võrdluskaart',
  'BPO määratlus',
  'KPO määratlus',
  'Peamised erinevused BPO ja KPO vahel',
  'Järeldus',
]);
const SKIPPED = new Set(['Soovitatav, 2022', 'Toimetaja Valik', 'Top']);
const TITLE = 'Erinevus BPO ja KPO vahel';

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function chartTable(): string {
  const head = `<tr><th scope="col">${[CHART_HEADER.basis, CHART_HEADER.bpo, CHART_HEADER.kpo]
    .map((c) => escapeHtml(c.et))
    .join('</th><th scope="col">')}</th></tr>`;
  const rows = CHART_ROWS.map(
    (r) =>
      `<tr><th scope="row">${escapeHtml(r.basis.et)}</th><td>${escapeHtml(r.bpo.et)}</td><td>${escapeHtml(r.kpo.et)}</td></tr>`,
  ).join('\n');
  return `<table><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

/** The article's lines as HTML blocks: headings, the chart as a table, bullet and numbered lists. */
function articleBody(): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  let chartDone = false;
  const closeList = (): void => {
    if (list !== null) out.push(`</${list}>`);
    list = null;
  };
  const lines = ARTICLE.split('\n').map((l) => l.trim());
  const chartLines = new Set(
    [CHART_HEADER, ...CHART_ROWS].map((r) => r.basis.et + r.bpo.et + r.kpo.et),
  );
  for (const line of lines) {
    if (line === '' || SKIPPED.has(line)) continue;
    if (chartLines.has(line)) {
      if (!chartDone) out.push(chartTable());
      chartDone = true;
      continue;
    }
    const bullet = /^•\s*(.*)$/.exec(line);
    const numbered = /^\d+\.\s+(.*)$/.exec(line);
    const kind = bullet ? 'ul' : numbered ? 'ol' : null;
    if (kind !== list) closeList();
    if (kind !== null && list === null) {
      out.push(`<${kind}>`);
      list = kind;
    }
    const item = bullet?.[1] ?? numbered?.[1];
    if (item !== undefined) out.push(`<li>${escapeHtml(item)}</li>`);
    else if (line === TITLE) out.push(`<h1>${escapeHtml(line)}</h1>`);
    else if (HEADINGS.has(line)) out.push(`<h2>${escapeHtml(line)}</h2>`);
    else out.push(`<p>${escapeHtml(line)}</p>`);
  }
  closeList();
  return out.join('\n');
}

const ENGLISH = `
<section lang="en" class="english">
  <h2>The same ideas in English</h2>
  <p>Business process outsourcing (BPO) hands routine work such as payroll, customer support or
  data entry to an outside provider. Knowledge process outsourcing (KPO) goes further: the
  provider is trusted with research, analysis and judgment.</p>
  <p>Where the provider sits matters too. Onshore BPO keeps the work in the same country,
  nearshore providers work from a neighbouring one, and offshore teams may be on another
  continent. Many firms mix all three, and some have outsourced so much that KPOs now do work
  BPOs once could not.</p>
  <p>Nearshoring and offshoring are decisions about distance; outsourcing itself is a decision
  about ownership. A company can outsource a process and still keep its knowledge in house.</p>
</section>`;

/** The demo page: the article laid out as a web page, followed by English paragraphs using the terms. */
export function demoPageHtml(): string {
  return `<!doctype html>
<html lang="et">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}</title>
<style>
  body { font: 17px/1.6 Georgia, 'DejaVu Serif', serif; color: #1d232a; background: #fbfaf7;
         max-width: 46rem; margin: 2.5rem auto; padding: 0 1.25rem; }
  h1 { font: 700 2rem/1.2 system-ui, sans-serif; margin-bottom: 1.5rem; }
  h2 { font: 600 1.3rem/1.3 system-ui, sans-serif; margin-top: 2.2rem; }
  table { border-collapse: collapse; width: 100%; font: 14px/1.45 system-ui, sans-serif; }
  th, td { border: 1px solid #d9d4c7; padding: 0.45rem 0.6rem; vertical-align: top; text-align: left; }
  thead th { background: #efe9dc; }
  tbody th { background: #f6f2e9; font-weight: 600; }
  .english { border-top: 1px solid #d9d4c7; margin-top: 2.5rem; }
</style>
</head>
<body>
<article>
${articleBody()}
</article>
${ENGLISH}
</body>
</html>
`;
}

/**
 * In-page function (pass it to `page.evaluate` in Playwright or Puppeteer): the centre of the
 * first "KPO" in the demo page's introduction, the term both demos rest the pointer on; null when
 * the page is not laid out as expected.
 */
export function introductionKpoCentre(): { x: number; y: number } | null {
  const text = document.querySelectorAll('article p')[1]?.firstChild;
  if (!(text instanceof Text)) return null;
  const at = text.data.indexOf('KPO');
  const range = document.createRange();
  range.setStart(text, at);
  range.setEnd(text, at + 3);
  const r = range.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
}
