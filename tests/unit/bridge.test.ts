import { describe, expect, it } from 'vitest';
import { TERM_IDS } from '../../glossary/term-ids.ts';
import type { TermId } from '../../glossary/types.ts';
import {
  decodeCommand,
  decodeCounts,
  decodeFound,
  decodeNext,
  encodeCommand,
  encodeCounts,
  encodeFound,
  encodeNext,
  MAX_COUNT,
  type Command,
} from '../../entrypoints/shared/bridge.ts';
import { HIGHLIGHT_STYLES } from '../../entrypoints/shared/settings-schema.ts';

/** Details the page could send that are not strings at all. */
const NOT_STRINGS: readonly unknown[] = [
  undefined,
  null,
  0,
  1,
  true,
  {},
  [],
  ['stop'],
  { toString: () => 'stop' },
  new String('stop'),
];

describe('commands', () => {
  it('round-trip every look, with and without "first only", and stop', () => {
    const commands: Command[] = [{ type: 'stop' }];
    for (const look of HIGHLIGHT_STYLES) {
      commands.push({ type: 'start', look, firstOnly: false });
      commands.push({ type: 'start', look, firstOnly: true });
    }
    for (const command of commands) expect(decodeCommand(encodeCommand(command))).toEqual(command);
  });

  it('refuse anything else', () => {
    const look = HIGHLIGHT_STYLES[0] as string;
    for (const detail of [
      '',
      ' ',
      'stop ',
      ' stop',
      'STOP',
      'stop 1',
      'start',
      `start ${look}`,
      `start ${look} 2`,
      `start ${look} 01`,
      `start ${look} true`,
      `start ${look} 1 1`,
      `start  ${look} 1`,
      `start ${look}  1`,
      'start neon 1',
      'start __proto__ 1',
      `start ${look} 1`.padEnd(41, ' '),
      `start ${look.padEnd(60, 'x')} 1`,
      ...NOT_STRINGS,
    ]) {
      expect(decodeCommand(detail), JSON.stringify(detail)).toBeNull();
    }
  });
});

describe('counts', () => {
  const map = (entries: [TermId, number][]): Map<TermId, number> => new Map(entries);

  it('round-trip, listing only terms that occur', () => {
    expect(encodeCounts(0, map([]))).toBe('0');
    expect(decodeCounts('0')).toEqual({ total: 0, counts: {} });
    const counts = map([
      ['bpo', 3],
      ['kpo', 0],
      ['offshore', 1],
    ]);
    expect(encodeCounts(4, counts)).toBe('4 bpo:3 offshore:1');
    expect(decodeCounts(encodeCounts(4, counts))).toEqual({
      total: 4,
      counts: { bpo: 3, offshore: 1 },
    });
  });

  it('round-trip every term at once, up to MAX_COUNT', () => {
    const each = Math.floor(MAX_COUNT / TERM_IDS.length);
    const all = map(TERM_IDS.map((id) => [id, each]));
    const total = each * TERM_IDS.length;
    const decoded = decodeCounts(encodeCounts(total, all));
    expect(decoded).toEqual({ total, counts: Object.fromEntries(all) });
    const one = map([['kpo', MAX_COUNT]]);
    expect(decodeCounts(encodeCounts(MAX_COUNT, one))).toEqual({
      total: MAX_COUNT,
      counts: { kpo: MAX_COUNT },
    });
  });

  it('refuse malformed details', () => {
    for (const detail of [
      '',
      ' ',
      '0 ',
      ' 0',
      '1  bpo:1',
      '1 bpo:1 ',
      '1 bpo',
      '1 bpo:',
      '1 :1',
      '1 bpo:1:1',
      '1 bpo=1',
      'one bpo:1',
      ...NOT_STRINGS,
    ]) {
      expect(decodeCounts(detail), JSON.stringify(detail)).toBeNull();
    }
  });

  it('refuse unknown and repeated terms', () => {
    for (const detail of [
      '1 cpo:1',
      '1 BPO:1',
      '1 __proto__:1',
      '1 constructor:1',
      '1 toString:1',
      '2 bpo:1 bpo:1',
      '3 bpo:1 kpo:1 bpo:1',
    ]) {
      expect(decodeCounts(detail), detail).toBeNull();
    }
  });

  it('refuse numbers that are not whole, not plain or negative', () => {
    for (const detail of [
      '-1',
      '-0',
      '+1 bpo:1',
      '1.0 bpo:1',
      '1 bpo:1.0',
      '1.5 bpo:1.5',
      '1e0 bpo:1',
      '1 bpo:1e0',
      '0x1 bpo:1',
      '01 bpo:1',
      '1 bpo:01',
      '0 bpo:-0',
      '1 bpo:2 kpo:-1',
      'NaN',
      'Infinity',
      '1 bpo:Infinity',
      '\u0661 bpo:\u0661',
    ]) {
      expect(decodeCounts(detail), detail).toBeNull();
    }
  });

  it('refuse counts above MAX_COUNT', () => {
    const over = MAX_COUNT + 1;
    expect(decodeCounts(`${over} bpo:${over}`)).toBeNull();
    expect(decodeCounts(`${over} bpo:${MAX_COUNT} kpo:1`)).toBeNull();
    expect(decodeCounts(`${MAX_COUNT * 9} bpo:${MAX_COUNT * 9}`)).toBeNull();
    expect(decodeCounts('999999999999 bpo:999999999999')).toBeNull();
  });

  it('refuse a total that is not the sum of the terms', () => {
    expect(decodeCounts('1')).toBeNull();
    expect(decodeCounts('0 bpo:1')).toBeNull();
    expect(decodeCounts('2 bpo:1')).toBeNull();
    expect(decodeCounts('2 bpo:1 kpo:2')).toBeNull();
    expect(decodeCounts('3 bpo:1 kpo:2')).toEqual({ total: 3, counts: { bpo: 1, kpo: 2 } });
  });

  it('refuse oversized details', () => {
    // No valid report comes near the limit (six terms at most); this is the cheap first gate.
    expect(decodeCounts(`0${' bpo:0'.repeat(100_000)}`)).toBeNull();
    expect(decodeCounts(' '.repeat(401))).toBeNull();
  });

  it('decode into an object without inherited keys', () => {
    const decoded = decodeCounts('1 kpo:1');
    expect(decoded?.counts).toEqual({ kpo: 1 });
    expect(Object.keys(decoded?.counts ?? {})).toEqual(['kpo']);
  });
});

describe('next requests', () => {
  it('round-trip any term or all of them, at any offset', () => {
    for (const termId of [null, ...TERM_IDS]) {
      for (const offset of [0, 1, 17, 4_000_000_000, 9_999_999_999]) {
        expect(decodeNext(encodeNext({ termId, offset }))).toEqual({ termId, offset });
      }
    }
    expect(encodeNext({ termId: null, offset: 5 })).toBe('* 5');
    expect(encodeNext({ termId: 'kpo', offset: 0 })).toBe('kpo 0');
  });

  it('refuse anything else', () => {
    for (const detail of [
      '',
      '*',
      'kpo',
      '* ',
      ' * 1',
      '* 1 ',
      '*  1',
      '* 1 2',
      '** 1',
      'cpo 1',
      'KPO 1',
      '__proto__ 1',
      '* -1',
      '* -0',
      '* +1',
      '* 1.5',
      '* 1.0',
      '* 1e3',
      '* 0x10',
      '* 01',
      '* 10000000000',
      `* ${'1'.repeat(39)}`,
      `kpo ${'0'.repeat(40)}`,
      ...NOT_STRINGS,
    ]) {
      expect(decodeNext(detail), JSON.stringify(detail)).toBeNull();
    }
  });
});

describe('found spans', () => {
  it('round-trip', () => {
    for (const span of [
      { start: 0, end: 1 },
      { start: 4, end: 7 },
      { start: 0, end: 9_999_999_999 },
    ]) {
      expect(decodeFound(encodeFound(span))).toEqual(span);
    }
    expect(encodeFound({ start: 4, end: 7 })).toBe('4 7');
  });

  it('refuse empty, reversed and malformed spans', () => {
    for (const detail of [
      '',
      '4',
      '4 ',
      ' 4 7',
      '4 7 ',
      '4  7',
      '4 7 9',
      '4 4',
      '7 4',
      '-1 3',
      '0 -3',
      '1.5 3',
      '1 3.0',
      '01 3',
      '1e1 20',
      '0 10000000000',
      'a b',
      `0 ${'9'.repeat(39)}`,
      ...NOT_STRINGS,
    ]) {
      expect(decodeFound(detail), JSON.stringify(detail)).toBeNull();
    }
  });
});
