import type { Lang } from '../../glossary/types.ts';
import { t } from '../shared/i18n.ts';
import type { ImportProblem } from '../shared/settings-file.ts';
import type { SiteInputProblem } from '../shared/site-key.ts';

/** Why typed text cannot be switched off, as the add-site field says it. */
export function siteProblemMessage(lang: Lang, problem: SiteInputProblem, input: string): string {
  const typed = input.trim();
  switch (problem) {
    case 'empty':
      return t(lang, 'optionsAddEmpty');
    case 'browser-page':
      return t(lang, 'optionsAddBrowserPage', typed);
    case 'not-web':
      return t(lang, 'optionsAddNotWeb');
    case 'bad-host':
      return t(lang, 'optionsAddBadHost', typed);
  }
}

/** Why an import was refused, as one sentence. */
export function importProblemMessage(lang: Lang, problem: ImportProblem): string {
  switch (problem.code) {
    case 'too-large':
      return t(lang, 'optionsImportTooLarge');
    case 'not-json':
      return t(lang, 'optionsImportNotJson');
    case 'foreign':
      return t(lang, 'optionsImportForeign');
    case 'newer':
      return t(lang, 'optionsImportNewer', String(problem.version));
    case 'unknown-field':
      return t(lang, 'optionsImportUnknownField', problem.field);
    case 'bad-value':
      return t(lang, 'optionsImportBadValue', problem.field);
    case 'bad-site':
      return t(lang, 'optionsImportBadSite', problem.value);
    case 'too-many-sites':
      return t(lang, 'optionsImportTooMany', String(problem.max));
  }
}
