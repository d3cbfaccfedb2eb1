import { useRef, useState } from 'preact/hooks';
import type { Lang } from '../../glossary/types.ts';
import { t } from '../shared/i18n.ts';
import {
  MAX_SETTINGS_FILE_BYTES,
  settingsFileName,
  settingsFromFile,
  settingsToFile,
  type ImportProblem,
} from '../shared/settings-file.ts';
import type { Settings } from '../shared/settings-schema.ts';
import { replaceSettings } from '../shared/settings.ts';
import { importProblemMessage } from './problem-messages.ts';

// Kept as a function of the language, so a language change re-words the message.
interface Outcome {
  readonly ok: boolean;
  readonly text: (lang: Lang) => string;
}

/** Export the settings to a JSON file, and import one (refused whole if anything is wrong). */
export function BackupSection({
  lang,
  settings,
  download,
}: {
  readonly lang: Lang;
  readonly settings: Settings;
  readonly download: (fileName: string, text: string) => void;
}) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const refuse = (fileName: string, reason: (l: Lang) => string): void => {
    setOutcome({ ok: false, text: (l) => t(l, 'optionsImportFailed', fileName, reason(l)) });
  };
  const importFile = async (file: File): Promise<void> => {
    if (file.size > MAX_SETTINGS_FILE_BYTES) {
      const tooLarge: ImportProblem = { code: 'too-large' };
      refuse(file.name, (l) => importProblemMessage(l, tooLarge));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      refuse(file.name, (l) => t(l, 'optionsImportUnreadable'));
      return;
    }
    const result = settingsFromFile(text);
    if (!result.ok) {
      const { problem } = result;
      refuse(file.name, (l) => importProblemMessage(l, problem));
      return;
    }
    await replaceSettings(result.settings);
    setOutcome({ ok: true, text: (l) => t(l, 'optionsImported', file.name) });
  };

  return (
    <section class="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t(lang, 'optionsBackup')}</h2>
      <p class="hint">{t(lang, 'optionsBackupHint')}</p>
      <div class="actions">
        <button
          type="button"
          class="button"
          onClick={() => {
            const name = settingsFileName();
            download(name, settingsToFile(settings));
            setOutcome({ ok: true, text: (l) => t(l, 'optionsExported', name) });
          }}
        >
          {t(lang, 'optionsExport')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => {
            picker.current?.click();
          }}
        >
          {t(lang, 'optionsImport')}
        </button>
        <input
          ref={picker}
          type="file"
          id="import-file"
          accept="application/json,.json"
          hidden
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            // Cleared so choosing the same file again fires another change.
            input.value = '';
            if (file !== undefined) void importFile(file);
          }}
        />
      </div>
      <div aria-live="polite" class="outcome-region">
        {outcome !== null && (
          <p class={outcome.ok ? 'outcome ok' : 'outcome error'}>{outcome.text(lang)}</p>
        )}
      </div>
    </section>
  );
}
