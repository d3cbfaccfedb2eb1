// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { firstTermLine } from '../../bench/generated-page.ts';
import {
  cpuShareOfLongestTask,
  extensionTime,
  parsedLineTs,
  threadTime,
  type TraceEvent,
} from '../../bench/trace.ts';

const OURS = 'chrome-extension://abc/content-scripts/glossary-page.js';

/** A complete trace event on thread 1 of process 1, times in µs. */
function event(name: string, ts: number, dur: number, tdur?: number, url?: string): TraceEvent {
  return {
    name,
    cat: 'devtools.timeline',
    ph: 'X',
    ts,
    dur,
    ...(tdur === undefined ? {} : { tdur }),
    pid: 1,
    tid: 1,
    ...(url === undefined ? {} : { args: { data: { url } } }),
  };
}

describe('threadTime', () => {
  it('sums the CPU time of events, each nested one counted within its parent only', () => {
    const events = [
      event('FunctionCall', 0, 10_000, 4_000),
      event('FunctionCall', 2_000, 3_000, 2_000),
      event('FunctionCall', 20_000, 8_000, 7_000),
    ];
    expect(threadTime(events)).toBe(11_000);
  });

  it('keeps threads apart, and takes the wall time where no CPU time was recorded', () => {
    const other = { ...event('FunctionCall', 1_000, 5_000, 1_000), tid: 2 };
    expect(threadTime([event('EvaluateScript', 0, 10_000), other])).toBe(11_000);
  });

  it('sums wall time instead when asked', () => {
    const events = [event('Paint', 0, 10_000, 4_000), event('Paint', 1_000, 2_000, 1_000)];
    expect(threadTime(events, 'dur')).toBe(10_000);
    expect(threadTime(events)).toBe(4_000);
  });
});

describe('cpuShareOfLongestTask', () => {
  it('is the CPU share of the longest task, at most 1', () => {
    const events = [event('RunTask', 0, 40_000, 30_000), event('RunTask', 50_000, 1_000, 1_000)];
    expect(cpuShareOfLongestTask(events)).toBe(0.75);
    expect(cpuShareOfLongestTask([event('RunTask', 0, 1_000, 1_200)])).toBe(1);
  });

  it('is 1 without a task or its CPU time', () => {
    expect(cpuShareOfLongestTask([])).toBe(1);
    expect(cpuShareOfLongestTask([event('RunTask', 0, 1_000)])).toBe(1);
  });
});

describe('extensionTime', () => {
  it("gives the scripts' wall time and their thread CPU time", () => {
    const events = [
      event('RunTask', 0, 12_000, 6_000),
      event('FunctionCall', 1_000, 10_000, 4_000, OURS),
      event('RunTask', 20_000, 9_000, 8_000),
      event('FunctionCall', 20_000, 8_000, 7_000, OURS),
      // Another script's call, not counted.
      event('FunctionCall', 40_000, 5_000, 5_000, 'https://page.example/app.js'),
    ];
    const time = extensionTime(events, [OURS]);
    expect(time.scriptMs).toBe(18);
    expect(time.scriptCpuMs).toBe(11);
  });
});

describe('parsedLineTs', () => {
  const parse = (ts: number, dur: number, startLine: number, endLine: number, url: string) => ({
    ...event('ParseHTML', ts, dur),
    args: { beginData: { url, startLine }, endData: { endLine } },
  });
  const page = 'http://127.0.0.1:1/pages/a.html';

  it("is the end of the page's first parser chunk that holds the line", () => {
    const events = [
      parse(0, 10, 0, 99, page),
      parse(100, 20, 99, 300, page),
      parse(200, 5, 300, 400, page),
      parse(50, 10, 0, 500, 'http://127.0.0.1:1/frame.html'),
    ] as TraceEvent[];
    expect(parsedLineTs(events, page, 150)).toBe(120);
    // A line split between two chunks: the first one's end.
    expect(parsedLineTs(events, page, 99)).toBe(10);
    expect(parsedLineTs(events, page, 401)).toBeNull();
  });
});

describe('firstTermLine', () => {
  it('is the zero-based line of the first term in the source, markup included', () => {
    expect(firstTermLine('<p>\nplain\n<a href="/offshore.pdf">\nBPO</a>')).toBe(2);
    expect(firstTermLine('<p>no terms</p>')).toBeNull();
  });
});
