import { CHART_HEADER, CHART_ROWS } from '../../../glossary/chart.ts';
import type { ChartRow, Lang } from '../../../glossary/types.ts';

export interface ComparisonChartProps {
  readonly lang: Lang;
  /** Which rows to show (indices into the article's chart); all of them by default. */
  readonly rows?: readonly number[];
  readonly caption?: string;
  /** The column to mark as the one the reader came from. */
  readonly current?: 'bpo' | 'kpo' | null;
}

/** The article's BPO–KPO comparison chart as a real table: Estonian verbatim, or our English. */
export function ComparisonChart({ lang, rows, caption, current = null }: ComparisonChartProps) {
  const shown: readonly ChartRow[] =
    rows === undefined
      ? CHART_ROWS
      : rows.map((i) => CHART_ROWS[i]).filter((r): r is ChartRow => r !== undefined);
  return (
    <table lang={lang}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{CHART_HEADER.basis[lang]}</th>
          <th scope="col">{CHART_HEADER.bpo[lang]}</th>
          <th scope="col">{CHART_HEADER.kpo[lang]}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={row.basis.et}>
            <th scope="row">{row.basis[lang]}</th>
            <td class={current === 'bpo' ? 'current' : undefined}>{row.bpo[lang]}</td>
            <td class={current === 'kpo' ? 'current' : undefined}>{row.kpo[lang]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
