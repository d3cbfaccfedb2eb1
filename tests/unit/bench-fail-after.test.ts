import { describe, expect, it } from 'vitest';
import { failAfter } from '../../bench/trace.ts';

describe('failAfter (a bench step that never answers)', () => {
  it('passes an answer through', async () => {
    await expect(failAfter(1000, 'a step', Promise.resolve(7))).resolves.toBe(7);
  });

  it('fails, naming the step, when no answer comes in time', async () => {
    await expect(
      failAfter(20, 'the scroll through the page', new Promise(() => undefined)),
    ).rejects.toThrow('the scroll through the page: nothing after 0.02 s');
  });
});
