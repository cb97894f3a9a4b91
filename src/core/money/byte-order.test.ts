import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compareBelowSurrogates, compareUtf8, isBelowSurrogates } from './byte-order.js';

function byBytes(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

describe('compareUtf8', () => {
  it('orders by UTF-8 bytes where UTF-16 order differs', () => {
    // U+FFFF is EF BF BF, U+1F600 is F0 9F 98 80; in UTF-16 the pair D83D DE00 sorts first.
    expect('\u{1F600}' < '\uFFFF').toBe(true);
    expect(compareUtf8('\uFFFF', '\u{1F600}')).toBe(-1);
    expect(compareUtf8('\u{1F600}', '\uFFFF')).toBe(1);
    expect(['\u{1F600}', '\uFFFF', 'b', 'a', 'ab', '', '中'].sort(compareUtf8)).toEqual([
      '',
      'a',
      'ab',
      'b',
      '中',
      '\uFFFF',
      '\u{1F600}',
    ]);
    expect(compareUtf8('abc', 'abc')).toBe(0);
  });

  it('agrees with Buffer.compare of the UTF-8 bytes', () => {
    const text = fc.string({
      unit: fc.oneof(fc.constantFrom('a', 'b', '\u00e9', '\u4e2d', '\ue000', '\uffff', '\u{10000}', '\u{1F600}'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
      maxLength: 6,
    });
    fc.assert(
      fc.property(text, text, (left, right) => {
        expect(compareUtf8(left, right)).toBe(Math.sign(byBytes(left, right)));
      }),
      { numRuns: 10_000 },
    );
  });

  it('the fast path agrees below U+D800', () => {
    const text = fc.string({ unit: fc.integer({ min: 0, max: 0xd7ff }).map((code) => String.fromCharCode(code)), maxLength: 6 });
    fc.assert(
      fc.property(text, text, (left, right) => {
        expect(isBelowSurrogates(left) && isBelowSurrogates(right)).toBe(true);
        expect(compareBelowSurrogates(left, right)).toBe(Math.sign(byBytes(left, right)));
      }),
      { numRuns: 10_000 },
    );
    expect(isBelowSurrogates('\ue000')).toBe(false);
  });
});
