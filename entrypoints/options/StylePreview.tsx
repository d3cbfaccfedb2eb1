import { useEffect, useRef } from 'preact/hooks';
import { KEY_DIFFERENCES } from '../../glossary/article.ts';
import { findTerms } from '../../glossary/matcher.ts';
import type { Lang, TermId } from '../../glossary/types.ts';
import { highlightSheetCss, lookHighlightName } from '../glossary-page.content/highlight-style.ts';
import type { HighlightStyle } from '../shared/settings-schema.ts';

// The first key difference names both BPO and KPO in either language.
const SAMPLE = KEY_DIFFERENCES[0];

// The rules pages get from the injected sheet, in the universal form (this page is ours).
const SHEET = highlightSheetCss('');

/**
 * A sentence from the article painted exactly as pages are: the same matcher, the same
 * per-look `::highlight()` names and the same rules the browser injects into pages.
 */
export function StylePreview({
  lang,
  style,
  labelledBy,
}: {
  readonly lang: Lang;
  readonly style: HighlightStyle;
  readonly labelledBy: string;
}) {
  const paragraph = useRef<HTMLParagraphElement>(null);
  const text = SAMPLE?.[lang] ?? '';
  useEffect(() => {
    const node = paragraph.current?.firstChild;
    const registry = typeof CSS === 'undefined' ? undefined : CSS.highlights;
    if (!(node instanceof Text) || registry === undefined) return undefined;
    const byTerm = new Map<TermId, Range[]>();
    for (const match of findTerms(node.data)) {
      const range = new Range();
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      byTerm.set(match.termId, [...(byTerm.get(match.termId) ?? []), range]);
    }
    const names = [...byTerm].map(([id, ranges]) => {
      const name = lookHighlightName(style, id);
      registry.set(name, new Highlight(...ranges));
      return name;
    });
    return () => {
      for (const name of names) registry.delete(name);
    };
  }, [text, style]);
  return (
    <div class="preview" role="group" aria-labelledby={labelledBy}>
      <style>{SHEET}</style>
      <p ref={paragraph} lang={lang}>
        {text}
      </p>
    </div>
  );
}
