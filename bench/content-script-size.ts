import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../tests/e2e/support/chromium.ts';

/** The built content script's size in bytes, raw and gzipped at level 9 (npm run build first). */
export function contentScriptSize(dir = EXTENSION_DIR): { bytes: number; gzipBytes: number } {
  const source = readFileSync(join(dir, 'content-scripts/glossary.js'));
  return { bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}
