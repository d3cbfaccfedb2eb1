// `npm run test:firefox`: the built Firefox add-on (.output/firefox-mv2, from `npm run
// build:firefox`) in headless Firefox through web-ext, on a local page with terms. The page itself
// reads `CSS.highlights` and posts what it sees back here; the test passes when every term the
// matcher finds in the page's text is highlighted. Without Firefox it says how to get one and
// passes (in CI, as root, it installs firefox-esr first).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { findTerms } from '../../glossary/matcher.ts';

const ADDON_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
/** The first Firefox with the CSS Custom Highlight API (and the manifest's strict_min_version). */
const MIN_FIREFOX = 140;
const REPORT_TIMEOUT_MS = 60_000;

/** The test page's text: English and Estonian, every term at least once. */
const PARAGRAPHS: readonly { lang: string; text: string }[] = [
  {
    lang: 'en',
    text: 'Business process outsourcing (BPO) and knowledge process outsourcing (KPO) differ in the skills they need.',
  },
  {
    lang: 'en',
    text: 'A team can work onshore, nearshore or offshore; many firms outsource support.',
  },
  {
    lang: 'et',
    text: 'Äriprotsesside sisseostmine (BPO) on allhange; teadmusprotsessi sisseostmine (KPO) on BPO allüksus.',
  },
  {
    lang: 'et',
    text: 'Kaldal asuv BPO: äritegevuse allhankimine samas riigis asuvale ettevõttele.',
  },
];

/** What the page posts back: the texts of every highlight range by highlight name. */
interface PageReport {
  readonly highlights: Record<string, string[]>;
  readonly total: number;
  readonly elapsedMs: number;
  readonly userAgent: string;
  readonly hasHighlightApi: boolean;
  /** Whether an adopted stylesheet in the page holds the `::highlight(glossary-…)` rules. */
  readonly styled: boolean | string;
}

/** Texts the matcher finds in the page, by highlight name (what the add-on should paint). */
function expectedHighlights(): Map<string, string[]> {
  const expected = new Map<string, string[]>();
  for (const { text } of PARAGRAPHS) {
    for (const m of findTerms(text)) {
      const name = `glossary-${m.termId}`;
      expected.set(name, [...(expected.get(name) ?? []), text.slice(m.start, m.end)]);
    }
  }
  return expected;
}

function testPageHtml(expectedTotal: number): string {
  const paragraphs = PARAGRAPHS.map((p) => `<p lang="${p.lang}">${p.text}</p>`).join('\n');
  // Runs in the page's own world: what it sees is what the page (and the user) gets.
  const probe = `
const EXPECTED = ${expectedTotal};
const started = performance.now();
function snapshot() {
  const highlights = {};
  let total = 0;
  if (typeof CSS !== 'undefined' && CSS.highlights) {
    for (const [name, highlight] of CSS.highlights) {
      highlights[name] = [...highlight].map((range) => String(range));
      total += highlight.size;
    }
  }
  return { highlights, total };
}
function styled() {
  try {
    return document.adoptedStyleSheets.some((sheet) =>
      [...sheet.cssRules].some((rule) => rule.cssText.includes('::highlight(glossary-')));
  } catch (error) {
    return 'unreadable: ' + error;
  }
}
function look() {
  const seen = snapshot();
  const elapsedMs = performance.now() - started;
  if (seen.total >= EXPECTED || elapsedMs > 30000) {
    const hasHighlightApi = typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
    void fetch('/report', {
      method: 'POST',
      body: JSON.stringify({ ...seen, elapsedMs, userAgent: navigator.userAgent, hasHighlightApi, styled: styled() }),
    });
  } else {
    setTimeout(look, 100);
  }
}
look();`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Glossary smoke test</title></head>
<body><main>${paragraphs}</main><script>${probe}</script></body></html>`;
}

// The first page Firefox opens waits for the add-on to be installed (web-ext installs it after
// Firefox starts), then moves on to the test page, so the content script runs there for sure.
const START_PAGE = `<!doctype html><meta charset="utf-8"><title>waiting</title><script>
(function wait() {
  fetch('/ready').then((r) => r.text()).then((ready) => {
    if (ready === 'yes') location.href = '/test';
    else setTimeout(wait, 200);
  }, () => setTimeout(wait, 200));
})();
</script>`;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** FIREFOX_PATH, else firefox-esr or firefox on PATH; null when there is none. */
function findFirefox(): string | null {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return executable(fromEnv) ? fromEnv : null;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  for (const name of ['firefox-esr', 'firefox']) {
    const found = dirs.map((d) => join(d, name)).find(executable);
    if (found !== undefined) return found;
  }
  return null;
}

/** In CI as root, installs Debian's firefox-esr (bounded in time); whether it worked. */
function installFirefoxInCi(): boolean {
  if (process.env.CI !== 'true' || process.getuid?.() !== 0) return false;
  console.log('No Firefox: installing firefox-esr (CI, root)…');
  const apt = (args: string[]): boolean =>
    spawnSync('apt-get', args, { stdio: 'inherit', timeout: 600_000 }).status === 0;
  return apt(['update']) && apt(['install', '-y', 'firefox-esr']);
}

function firefoxVersion(binary: string): { major: number; text: string } | null {
  const run = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, MOZ_HEADLESS: '1' },
  });
  const text = run.stdout.trim();
  const major = /(\d+)\.\d+/.exec(text)?.[1];
  return major === undefined ? null : { major: Number(major), text };
}

/** The part of web-ext's Node API used here (web-ext ships no types). */
interface WebExtRunner {
  exit(): Promise<void>;
  readonly extensionRunners?: readonly { runningInfo?: { firefox?: ChildProcess } }[];
}
interface WebExtApi {
  cmd: {
    run(params: Record<string, unknown>, options?: Record<string, unknown>): Promise<WebExtRunner>;
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Ends Firefox: web-ext's exit, then a kill of that one process if it is still there. */
async function stopFirefox(runner: WebExtRunner | null): Promise<void> {
  if (runner === null) return;
  const firefox = runner.extensionRunners?.[0]?.runningInfo?.firefox;
  const closed =
    firefox === undefined || firefox.exitCode !== null
      ? Promise.resolve()
      : new Promise<void>((done) =>
          firefox.once('close', () => {
            done();
          }),
        );
  await runner.exit().catch(() => undefined);
  const timedOut = await Promise.race([
    closed.then(() => false),
    new Promise<boolean>((done) =>
      setTimeout(() => {
        done(true);
      }, 10_000),
    ),
  ]);
  if (timedOut && firefox?.pid !== undefined) firefox.kill('SIGKILL');
}

async function main(): Promise<number> {
  let firefox = findFirefox();
  if (firefox === null && installFirefoxInCi()) firefox = findFirefox();
  if (firefox === null) {
    console.log('skipped: no Firefox (apt-get install firefox-esr, or set FIREFOX_PATH)');
    return 0;
  }
  const version = firefoxVersion(firefox);
  if (version === null || version.major < MIN_FIREFOX) {
    console.log(
      `skipped: ${version?.text ?? firefox} is older than Firefox ${MIN_FIREFOX}, ` +
        'the first with the CSS Custom Highlight API',
    );
    return 0;
  }
  if (!existsSync(join(ADDON_DIR, 'manifest.json'))) {
    console.error(`No built Firefox add-on at ${ADDON_DIR}: run "npm run build:firefox" first.`);
    return 1;
  }

  const expected = expectedHighlights();
  const expectedTotal = [...expected.values()].reduce((sum, texts) => sum + texts.length, 0);
  let ready = false;
  let deliver: (report: PageReport) => void = () => undefined;
  const reported = new Promise<PageReport>((done) => (deliver = done));
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const html = { 'content-type': 'text/html; charset=utf-8' };
      if (path === '/') res.writeHead(200, html).end(START_PAGE);
      else if (path === '/ready') res.writeHead(200).end(ready ? 'yes' : 'no');
      else if (path === '/test') res.writeHead(200, html).end(testPageHtml(expectedTotal));
      else if (path === '/report' && req.method === 'POST') {
        deliver(JSON.parse(await readBody(req)) as PageReport);
        res.writeHead(204).end();
      } else res.writeHead(404).end();
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  console.log(`${version.text}: running ${ADDON_DIR} headless through web-ext…`);
  process.env.MOZ_HEADLESS = '1';
  let runner: WebExtRunner | null = null;
  let timer: NodeJS.Timeout | undefined;
  try {
    // A variable specifier: web-ext has no types, and this keeps it an `any` import we narrow.
    const webExtModule = 'web-ext';
    const webExt = (await import(webExtModule)) as { default: WebExtApi };
    runner = await webExt.default.cmd.run(
      {
        sourceDir: ADDON_DIR,
        target: ['firefox-desktop'],
        firefox,
        startUrl: [`${origin}/`],
        noReload: true,
        noInput: true,
        args: ['-headless'],
        // Nothing leaves the machine: everything but localhost goes to a proxy that is not there.
        pref: {
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': 9,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': 9,
          'network.proxy.allow_hijacking_localhost': false,
          'network.trr.mode': 5,
        },
      },
      { shouldExitProgram: false },
    );
    ready = true;
    const report = await Promise.race([
      reported,
      new Promise<null>(
        (done) =>
          (timer = setTimeout(() => {
            done(null);
          }, REPORT_TIMEOUT_MS)),
      ),
    ]);
    return check(report, expected);
  } finally {
    clearTimeout(timer);
    await stopFirefox(runner);
    server.closeAllConnections();
    await new Promise<void>((done) =>
      server.close(() => {
        done();
      }),
    );
  }
}

function check(report: PageReport | null, expected: Map<string, string[]>): number {
  if (report === null) {
    console.error(`✗ The test page reported nothing within ${REPORT_TIMEOUT_MS / 1000} s.`);
    return 1;
  }
  console.log(`${report.userAgent}; highlight API in the page: ${String(report.hasHighlightApi)}`);
  const names = new Set([...expected.keys(), ...Object.keys(report.highlights)]);
  const rows = [...names].sort().map((name) => {
    const want = [...(expected.get(name) ?? [])].sort();
    const got = [...(report.highlights[name] ?? [])].sort();
    return { name, want, got, ok: JSON.stringify(want) === JSON.stringify(got) };
  });
  console.log('| highlight | expected | found in Firefox | |');
  console.log('|:--|--:|--:|:-:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.want.length} | ${r.got.length} | ${r.ok ? '✓' : '✗'} |`);
  }
  console.log(
    `Highlights seen by the page after ${report.elapsedMs.toFixed(0)} ms; ` +
      `::highlight rules adopted in the page: ${String(report.styled)}.`,
  );
  const wrong = rows.filter((r) => !r.ok);
  for (const r of wrong) {
    console.error(
      `✗ ${r.name}: expected ${JSON.stringify(r.want)}, found ${JSON.stringify(r.got)}`,
    );
  }
  if (report.total === 0) {
    console.error(
      "✗ The page's own world sees no glossary highlight: either the content script did not run " +
        "or its highlights are not visible outside the content script's sandbox.",
    );
  }
  if (wrong.length > 0) return 1;
  console.log('Firefox smoke test passed: the content script found and highlighted every term.');
  return 0;
}

process.exitCode = await main();
