import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../tests/e2e/support/chromium.ts';

// Which built files are the extension's content-script code. Two layouts are understood: today's
// single isolated-world script, and the split one (a MAIN-world script that walks, matches and
// paints, beside the isolated-world one), either with a lazily imported tooltip chunk.

/** The MAIN-world content script of the split layout (absent in the single-script layout). */
export const PAGE_WORLD_SCRIPT = 'content-scripts/glossary-page.js';
/** The isolated-world content script (the whole content script in the single-script layout). */
export const ISOLATED_WORLD_SCRIPT = 'content-scripts/glossary.js';
/** The tooltip chunk's file name: `glossary-tooltip.js`, or with a content hash. */
const TOOLTIP_CHUNK = /^glossary-tooltip(?:[-.][\w-]+)?\.js$/;

/** The content-script files of a build, as paths relative to the extension folder. */
export interface ExtensionScripts {
  /** Loaded on every page: glossary-page.js (when built) and glossary.js. */
  readonly alwaysLoaded: readonly string[];
  /** The lazily imported tooltip chunk, or null when the build has none. */
  readonly tooltip: string | null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
}

/** Finds the content-script files of the built extension (either layout); throws without a build. */
export function extensionScripts(dir = EXTENSION_DIR): ExtensionScripts {
  if (!existsSync(join(dir, ISOLATED_WORLD_SCRIPT))) {
    throw new Error(`No ${ISOLATED_WORLD_SCRIPT} in ${dir}: run "npm run build" first.`);
  }
  const alwaysLoaded = [PAGE_WORLD_SCRIPT, ISOLATED_WORLD_SCRIPT].filter((f) =>
    existsSync(join(dir, f)),
  );
  const tooltip = filesUnder(dir).find((f) => TOOLTIP_CHUNK.test(f.split('/').at(-1) ?? ''));
  return { alwaysLoaded, tooltip: tooltip === undefined ? null : relative(dir, tooltip) };
}

/** Every URL the extension's content-script code runs under, for trace attribution. */
export function extensionScriptUrls(extensionId: string, scripts: ExtensionScripts): string[] {
  return [...scripts.alwaysLoaded, ...(scripts.tooltip === null ? [] : [scripts.tooltip])].map(
    (f) => `chrome-extension://${extensionId}/${f}`,
  );
}

export interface FileSize {
  readonly file: string;
  readonly bytes: number;
  /** gzip level 9. */
  readonly gzipBytes: number;
}

export interface ContentScriptSize {
  /** The always-loaded files, each gzipped on its own. */
  readonly files: readonly FileSize[];
  /** Sum over the always-loaded files (what the size budget holds). */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** The tooltip chunk, reported beside (not budgeted), or null. */
  readonly tooltip: FileSize | null;
}

function sizeOf(dir: string, file: string): FileSize {
  const source = readFileSync(join(dir, file));
  return { file, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}

/** The built content-script code's size: the always-loaded files and the tooltip chunk apart. */
export function contentScriptSize(dir = EXTENSION_DIR): ContentScriptSize {
  const scripts = extensionScripts(dir);
  const files = scripts.alwaysLoaded.map((f) => sizeOf(dir, f));
  return {
    files,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    tooltip: scripts.tooltip === null ? null : sizeOf(dir, scripts.tooltip),
  };
}
