import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodedMappings, sourceContentFor, TraceMap } from '@jridgewell/trace-mapping';
import ts from 'typescript';
import type { ProfileNode, Sample } from './trace.ts';

// CPU samples of the extension's scripts, mapped back through the build's source maps (built by
// `GLOSSARY_SOURCEMAP=1 wxt build`, as `npm run bench` does) to the original files and functions,
// and grouped into what the issue asks about: matching, walking, creating and painting ranges.

/** Where the extension's time goes, by original source file (and, for the scanner, function). */
export type Area = 'matcher' | 'walk' | 'ranges' | 'other';
export const AREAS: readonly Area[] = ['matcher', 'walk', 'ranges', 'other'];

/** The page scanner's functions that drive the walk (the rest handles mutations and scheduling). */
const SCANNER_WALK = new Set([
  'runSlice',
  'step',
  'match',
  'walker',
  'queueFullScan',
  'viewportAnchor',
  'hasWork',
  'hasScanWork',
  'foundShadowRoot',
]);

/**
 * The grouping, first match wins: the matcher and its chunked use; the text walker and the
 * scanner's walking functions; the occurrence store (storing occurrences, creating ranges,
 * registering them in `Highlight`s, near-viewport painting). Files are matched by name wherever
 * they live, so the split layout's page-world folder is grouped the same way.
 */
export function areaOf(file: string, name: string): Area {
  if (/(^|\/)glossary\/matcher[^/]*\.ts$/.test(file) || /(^|\/)chunked-match\.ts$/.test(file)) {
    return 'matcher';
  }
  if (/(^|\/)text-walker\.ts$/.test(file)) return 'walk';
  if (/(^|\/)page-scanner\.ts$/.test(file) && SCANNER_WALK.has(name)) return 'walk';
  if (/(^|\/)occurrence-store\.ts$/.test(file)) return 'ranges';
  return 'other';
}

/** One function of the original sources. */
export interface SourceFunction {
  /** Path from the project root (or the built file's, without a source map). */
  readonly file: string;
  /** The bare name (a method's without its class). */
  readonly name: string;
  /** For people: `Class.method`, or `outer → (anonymous)`. */
  readonly label: string;
  readonly line: number;
  readonly area: Area;
}

/** Mapped tokens from a function's "(" that vote for the original function, at most… */
const VOTES = 8;
/** …within this many characters of the built code. */
const VOTE_WINDOW = 120;

/** A function-like node of an original source file: where it is and what it is called. */
interface SourceSpan {
  readonly start: number;
  readonly end: number;
  /** `Class.method`, `function`, `outer → (arrow)`. */
  readonly label: string;
  /** The bare name (a method's), for the grouping. */
  readonly name: string;
}

/** What a function node is called: its own name, or that of what it is assigned to. */
function nameOf(node: ts.Node): string | null {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const named = node as { name?: ts.Node };
  if (
    named.name !== undefined &&
    (ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name))
  ) {
    return named.name.text;
  }
  const parent = node.parent as ts.Node | undefined;
  if (
    parent !== undefined &&
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertyAssignment(parent)) &&
    ts.isIdentifier(parent.name)
  ) {
    return parent.name.text;
  }
  if (
    parent !== undefined &&
    ts.isBinaryExpression(parent) &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(parent.left)
  ) {
    return parent.left.name.text;
  }
  return null;
}

/** Every function-like node of a source text, outermost first. */
function functionSpans(fileName: string, text: string): SourceSpan[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const spans: SourceSpan[] = [];
  const visit = (node: ts.Node, outer: string | null): void => {
    let label = outer;
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const own = nameOf(node);
      const owner = node.parent as ts.Node | undefined;
      const className =
        owner !== undefined && ts.isClassLike(owner) && owner.name !== undefined
          ? `${owner.name.text}.`
          : '';
      label = own !== null ? `${className}${own}` : `${outer ?? '(top level)'} → (anonymous)`;
      spans.push({ start: node.getStart(source), end: node.end, label, name: own ?? label });
    }
    ts.forEachChild(node, (child) => {
      visit(child, label);
    });
  };
  visit(source, null);
  return spans;
}

/** Maps call frames of the built scripts to original functions; memoised per position. */
export class SourceResolver {
  private readonly maps = new Map<string, TraceMap | null>();
  private readonly memo = new Map<string, SourceFunction>();
  private readonly spans = new Map<string, { text: string; spans: SourceSpan[] } | null>();

  /** `files`: script URL → its path in `extensionDir` (whose `.map` is read when present). */
  constructor(
    private readonly extensionDir: string,
    private readonly files: ReadonlyMap<string, string>,
  ) {}

  /** True when every script has a source map (else functions are named by built position). */
  get complete(): boolean {
    return [...this.files.values()].every((f) => existsSync(join(this.extensionDir, `${f}.map`)));
  }

  private mapOf(url: string): TraceMap | null {
    if (!this.maps.has(url)) {
      const file = this.files.get(url);
      const path = file === undefined ? null : join(this.extensionDir, `${file}.map`);
      this.maps.set(
        url,
        path !== null && existsSync(path) ? new TraceMap(readFileSync(path, 'utf8')) : null,
      );
    }
    return this.maps.get(url) ?? null;
  }

  private innermostSpan(
    map: TraceMap,
    source: string,
    line: number,
    column: number,
  ): SourceSpan | null {
    if (!this.spans.has(source)) {
      const text = sourceContentFor(map, source);
      this.spans.set(source, text === null ? null : { text, spans: functionSpans(source, text) });
    }
    const parsed = this.spans.get(source);
    if (parsed === null || parsed === undefined) return null;
    const lines = parsed.text.split('\n', line);
    const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column;
    let innermost: SourceSpan | null = null;
    for (const span of parsed.spans) {
      if (span.start <= offset && offset < span.end) innermost = span;
    }
    return innermost;
  }

  /**
   * V8 places a function at its parameter list's "(", and the minifier's mappings right there
   * often still point into the function before it; a few tokens on they point into the function
   * itself. So the first mapped tokens from the "(" vote for the original function around them:
   * the one V8 names, if it is among them (method names survive minification), else the most
   * voted (the later one on a tie).
   */
  private vote(
    map: TraceMap,
    line: number,
    column: number,
    functionName: string,
  ): { source: string; line: number; span: SourceSpan | null } | null {
    const segments = decodedMappings(map)[line] ?? [];
    let i = segments.findIndex((seg) => seg[0] >= column);
    if (i < 0) return null;
    const votes: { source: string; line: number; span: SourceSpan | null }[] = [];
    for (; i < segments.length && votes.length < VOTES; i++) {
      const seg = segments[i];
      if (seg === undefined || seg[0] > column + VOTE_WINDOW) break;
      const [, sourceIndex, originalLine, originalColumn] = seg as readonly number[];
      if (sourceIndex === undefined || originalLine === undefined || originalColumn === undefined) {
        continue;
      }
      const source = map.sources[sourceIndex];
      if (source === undefined || source === null) continue;
      votes.push({
        source,
        line: originalLine + 1,
        span: this.innermostSpan(map, source, originalLine + 1, originalColumn),
      });
    }
    const named = votes.find((v) => functionName !== '' && v.span?.name === functionName);
    if (named !== undefined) return named;
    let best: (typeof votes)[number] | null = null;
    let bestCount = 0;
    for (const v of votes) {
      const count = votes.filter((w) => w.source === v.source && w.span === v.span).length;
      if (count >= bestCount) {
        best = v;
        bestCount = count;
      }
    }
    return best;
  }

  /** The original function a frame of one of the extension's scripts stands for. */
  resolve(frame: ProfileNode['callFrame']): SourceFunction {
    const { url = '', lineNumber = 0, columnNumber = 0, functionName } = frame;
    const key = `${url}:${lineNumber}:${columnNumber}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const map = this.mapOf(url);
    const built = this.files.get(url) ?? url;
    const minified = `${functionName === '' ? '(anonymous)' : functionName} @${lineNumber + 1}:${columnNumber + 1}`;
    let found: SourceFunction = {
      file: built,
      name: minified,
      label: minified,
      line: lineNumber + 1,
      area: 'other',
    };
    if (map !== null) {
      const voted = this.vote(map, lineNumber, columnNumber, functionName);
      if (voted !== null) {
        const file = voted.source.replace(/^(\.\.\/)+/, '');
        const name = voted.span?.name ?? (functionName === '' ? '(anonymous)' : functionName);
        found = {
          file,
          name,
          label: voted.span?.label ?? name,
          line: voted.line,
          area: areaOf(file, name),
        };
      }
    }
    this.memo.set(key, found);
    return found;
  }
}

/** Self time of one original function (a native leaf is charged to the script frame calling it). */
export interface FunctionTime {
  readonly fn: SourceFunction;
  /** In the function's own code. */
  readonly selfMs: number;
  /** In native code it called (DOM methods, RegExp, GC…), named in `natives`. */
  readonly nativeMs: number;
  readonly natives: readonly string[];
}

export interface Breakdown {
  readonly areas: Readonly<Record<Area, { readonly ms: number; readonly nativeMs: number }>>;
  readonly functions: readonly FunctionTime[];
}

/**
 * Groups the sampled time of the extension's scripts by original function and area. Each sample
 * goes to its leaf frame; a leaf outside the scripts (a native DOM call such as createRange,
 * setStart or Highlight.add, a RegExp, GC) goes to the nearest script frame below it, so an area
 * includes the native work its code called, reported apart as `nativeMs`.
 */
export function attributeSamples(
  samples: readonly Sample[],
  isOurs: (node: ProfileNode) => boolean,
  resolver: SourceResolver,
): Breakdown {
  const byFunction = new Map<
    string,
    { fn: SourceFunction; self: number; native: number; natives: Map<string, number> }
  >();
  for (const s of samples) {
    const leaf = s.stack[0];
    const owner = s.stack.find(isOurs);
    if (leaf === undefined || owner === undefined) continue;
    const fn = resolver.resolve(owner.callFrame);
    const key = `${fn.file}:${fn.label}`;
    const row = byFunction.get(key) ?? {
      fn,
      self: 0,
      native: 0,
      natives: new Map<string, number>(),
    };
    if (leaf === owner) row.self += s.dur;
    else {
      row.native += s.dur;
      const native = leaf.callFrame.functionName === '' ? '(native)' : leaf.callFrame.functionName;
      row.natives.set(native, (row.natives.get(native) ?? 0) + s.dur);
    }
    byFunction.set(key, row);
  }
  const areas = Object.fromEntries(AREAS.map((a) => [a, { ms: 0, nativeMs: 0 }])) as Record<
    Area,
    { ms: number; nativeMs: number }
  >;
  const functions: FunctionTime[] = [];
  for (const row of byFunction.values()) {
    const area = areas[row.fn.area];
    area.ms += (row.self + row.native) / 1000;
    area.nativeMs += row.native / 1000;
    functions.push({
      fn: row.fn,
      selfMs: row.self / 1000,
      nativeMs: row.native / 1000,
      natives: [...row.natives]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([name]) => name.slice(0, 40)),
    });
  }
  functions.sort((a, b) => b.selfMs + b.nativeMs - (a.selfMs + a.nativeMs));
  return { areas, functions };
}
