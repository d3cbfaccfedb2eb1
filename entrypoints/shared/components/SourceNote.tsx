import { ARTICLE_TITLE } from '../../../glossary/article.ts';
import type { Lang } from '../../../glossary/types.ts';
import { messageParts } from './message-parts.tsx';

/** Names the article every definition and chart cell is quoted from. */
export function SourceNote({ lang }: { readonly lang: Lang }) {
  return (
    <p class="source">
      {messageParts(
        lang,
        'uiSource',
        <cite lang="et" key="title">
          {ARTICLE_TITLE.et}
        </cite>,
      )}
    </p>
  );
}
