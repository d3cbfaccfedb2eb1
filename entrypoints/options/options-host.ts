import { browser } from 'wxt/browser';

/** A keyboard command and the keys it is bound to ('' when none). */
export interface Shortcut {
  readonly name: string;
  readonly shortcut: string;
}

/** Everything the options page needs from the browser; tests hand it a fake. */
export interface OptionsHost {
  readonly preferredLanguages: readonly string[];
  shortcuts(): Promise<readonly Shortcut[]>;
  /** Saves `text` as a file the user downloads. */
  download(fileName: string, text: string): void;
}

/** The options page's host in a real browser. */
export function browserOptionsHost(doc: Document, preferred: readonly string[]): OptionsHost {
  return {
    preferredLanguages: preferred,
    async shortcuts() {
      const commands = await browser.commands.getAll().catch(() => []);
      return commands.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '' }));
    },
    download(fileName, text) {
      // An <a download> needs no "downloads" permission.
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = doc.createElement('a');
      link.href = url;
      link.download = fileName;
      doc.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 10_000);
    },
  };
}
