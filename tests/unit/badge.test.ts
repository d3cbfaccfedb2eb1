// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { BadgeCounts, badgeText } from '../../entrypoints/background/badge.ts';

describe('BadgeCounts', () => {
  it('starts every tab at zero', () => {
    expect(new BadgeCounts().total(7)).toBe(0);
  });

  it('sums the totals of all frames of a tab', () => {
    const badge = new BadgeCounts();
    expect(badge.set(1, 0, 5)).toBe(5);
    expect(badge.set(1, 3, 2)).toBe(7);
    expect(badge.set(1, 9, 10)).toBe(17);
    expect(badge.total(1)).toBe(17);
  });

  it('replaces a frame total instead of adding to it', () => {
    const badge = new BadgeCounts();
    badge.set(1, 0, 5);
    badge.set(1, 2, 1);
    expect(badge.set(1, 0, 3)).toBe(4);
  });

  it('keeps tabs apart', () => {
    const badge = new BadgeCounts();
    badge.set(1, 0, 5);
    badge.set(2, 0, 8);
    expect(badge.total(1)).toBe(5);
    expect(badge.total(2)).toBe(8);
  });

  it('drops a frame that reports zero', () => {
    const badge = new BadgeCounts();
    badge.set(1, 0, 5);
    badge.set(1, 4, 2);
    expect(badge.set(1, 4, 0)).toBe(5);
    // The frame is gone, not kept at zero: a later report starts it afresh.
    expect(badge.set(1, 4, 1)).toBe(6);
  });

  it('drops a frame that reports a negative total', () => {
    const badge = new BadgeCounts();
    badge.set(1, 0, 5);
    badge.set(1, 4, 2);
    expect(badge.set(1, 4, -3)).toBe(5);
  });

  it('forgets a tab with all its frames and leaves the others', () => {
    const badge = new BadgeCounts();
    badge.set(1, 0, 5);
    badge.set(1, 1, 6);
    badge.set(2, 0, 8);
    badge.forget(1);
    expect(badge.total(1)).toBe(0);
    expect(badge.total(2)).toBe(8);
    expect(badge.set(1, 1, 2)).toBe(2);
  });

  it('forgets an unknown tab without complaint', () => {
    const badge = new BadgeCounts();
    expect(() => {
      badge.forget(42);
    }).not.toThrow();
    expect(badge.total(42)).toBe(0);
  });
});

describe('badgeText', () => {
  it('is empty when nothing was found', () => {
    expect(badgeText(0)).toBe('');
  });

  it('is empty for a negative total', () => {
    expect(badgeText(-1)).toBe('');
  });

  it('shows the total as a plain number up to 999', () => {
    expect(badgeText(1)).toBe('1');
    expect(badgeText(42)).toBe('42');
    expect(badgeText(999)).toBe('999');
  });

  it('caps larger totals at 999+', () => {
    expect(badgeText(1000)).toBe('999+');
    expect(badgeText(123_456)).toBe('999+');
  });
});
