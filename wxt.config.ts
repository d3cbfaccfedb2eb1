import { readFile } from 'node:fs/promises';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import {
  HIGHLIGHT_SHEET_FILE,
  highlightSheetCss,
} from './entrypoints/glossary-page.content/highlight-style.ts';
import { TOOLTIP_FILE } from './entrypoints/glossary-tooltip/api.ts';

// The manifest in function form: Firefox alone gets `browser_specific_settings`.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  // The sources zip for AMO review: what rebuilds the add-on, not generated screenshots or results.
  zip: { excludeSources: ['demo-shots/**', 'test-results/**', 'bench/results.json'] },
  // GLOSSARY_SOURCEMAP=1 (set by `npm run bench`): source maps beside the scripts, for mapping CPU
  // samples back to source functions. 'hidden' adds no sourceMappingURL comment, so the scripts are
  // byte for byte the shipped ones; without the variable the build is unchanged.
  vite: () => ({
    plugins: [preact(), polyfillAsEsm()],
    ...(process.env.GLOSSARY_SOURCEMAP === '1' ? { build: { sourcemap: 'hidden' as const } } : {}),
  }),
  hooks: {
    // The ::highlight() rules ship as a stylesheet the browser injects with the content script:
    // there before the page first renders, in every frame, outside the page's styleSheets and
    // adoptedStyleSheets, beyond page script and CSP. Generated per browser: ':root' rules for
    // Chromium (highlight inheritance), universal ones for Firefox (no inheritance).
    'build:publicAssets': (wxt, files) => {
      files.push({
        relativeDest: HIGHLIGHT_SHEET_FILE,
        contents: highlightSheetCss(wxt.config.browser === 'firefox' ? '' : ':root'),
      });
    },
    'build:manifestGenerated': (wxt, manifest) => {
      const script = manifest.content_scripts?.find((cs) =>
        cs.js?.some((file) => file === 'content-scripts/glossary.js'),
      );
      if (script === undefined) throw new Error('No glossary content script in the manifest');
      script.css = [...(script.css ?? []), HIGHLIGHT_SHEET_FILE];
      // The tooltip chunk, imported by the isolated half on pages with terms. Chromium serves it
      // only under the per-session dynamic id, so pages cannot probe for it by its fixed URL.
      const chunk = [TOOLTIP_FILE];
      if (manifest.manifest_version === 3) {
        manifest.web_accessible_resources = [
          ...((manifest.web_accessible_resources ?? []) as object[]),
          wxt.config.browser === 'firefox'
            ? { resources: chunk, matches: ['<all_urls>'] }
            : { resources: chunk, matches: ['<all_urls>'], use_dynamic_url: true },
        ] as typeof manifest.web_accessible_resources;
      } else {
        manifest.web_accessible_resources = [
          ...(manifest.web_accessible_resources ?? []),
          ...chunk,
        ];
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab: the popup and the toggle-site command read the current tab's URL (to know its
    // site) without the "tabs" permission's browsing-history warning; activeTab warns of nothing.
    permissions: ['storage', 'activeTab'],
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: '__MSG_commandNextTerm__',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: '__MSG_commandToggleSite__',
      },
    },
    action: {
      default_title: '__MSG_actionTitle__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'bpo-kpo-glossary@glossary.invalid',
              // 140 shipped the Highlight API, but ::highlight() paints text-decoration only from
              // 146 (the underline looks would be invisible before it).
              strict_min_version: '146.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '146.0' },
          },
        }
      : {}),
  }),
});

/**
 * webextension-polyfill, as an ES module with one default export. The package ships UMD, and the
 * bundler's CommonJS interop (`__toESM`) copies every own property of `module.exports` onto a
 * namespace object. Where the browser has a native `browser` (Chromium 1xx), the polyfill exports
 * that object itself, and reading each property's descriptor instantiates every API namespace
 * (storage, runtime, i18n, app…) in each frame at document_start: about a millisecond per frame
 * for nothing. Wrapped here, the polyfill runs unchanged and nothing is copied.
 */
function polyfillAsEsm(): Plugin {
  return {
    name: 'glossary:webextension-polyfill-esm',
    enforce: 'pre',
    async load(id) {
      if (!/[\\/]webextension-polyfill[\\/]dist[\\/]browser-polyfill(\.min)?\.js$/.test(id)) {
        return null;
      }
      const source = await readFile(id, 'utf8');
      return (
        'const module = { exports: {} };\n' +
        `(function (module, exports) {\n${source}\n})(module, module.exports);\n` +
        'export default module.exports;\n'
      );
    },
  };
}
