import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { pickSmallestHashes, tieBreakHash } from './tie-break.js';

function sha256Hex(text: string): string {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

/** The contract directly: sort by the full hex hash, take the first winner_count. */
function reference(member_codes: readonly string[], winner_count: number, seed_hex: string): number[] {
  const winners = new Set(
    [...member_codes]
      .sort((left, right) => (sha256Hex(`${seed_hex}|${left}`) < sha256Hex(`${seed_hex}|${right}`) ? -1 : 1))
      .slice(0, winner_count),
  );
  return member_codes.map((code) => (winners.has(code) ? 1 : 0));
}

const seedHex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));
const codesAndCount = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 })
  .chain((codes) => fc.tuple(fc.constant(codes), fc.integer({ min: 0, max: codes.length })));

describe('tieBreakHash', () => {
  it('is SHA-256(seed_hex + "|" + member_code) over UTF-8, lower-case hex', () => {
    expect(tieBreakHash('0'.repeat(64), 'M0001')).toBe('28915e512c0674f4eb3df3513a465d439f42a4749759f66b1bdf773f233aed23');
    expect(tieBreakHash('ab', '吴*漫')).toBe(sha256Hex('ab|吴*漫'));
  });
});

describe('pickSmallestHashes', () => {
  it('picks the codes with the smallest full hashes', () => {
    fc.assert(
      fc.property(codesAndCount, seedHex, ([codes, winner_count], seed_hex) => {
        expect([...pickSmallestHashes(codes, winner_count, seed_hex)]).toEqual(reference(codes, winner_count, seed_hex));
      }),
      { numRuns: 10_000 },
    );
  });

  it('falls back to full hashes where short prefixes collide', () => {
    // A 1-byte prefix collides often among 30 codes, exercising the full-hash path at the cut-off.
    fc.assert(
      fc.property(codesAndCount, seedHex, fc.integer({ min: 1, max: 2 }), ([codes, winner_count], seed_hex, prefix_bytes) => {
        expect([...pickSmallestHashes(codes, winner_count, seed_hex, prefix_bytes)]).toEqual(reference(codes, winner_count, seed_hex));
      }),
      { numRuns: 10_000 },
    );
  });

  it('picks none or all without hashing questions', () => {
    expect([...pickSmallestHashes(['a', 'b'], 0, 'seed')]).toEqual([0, 0]);
    expect([...pickSmallestHashes(['a', 'b'], 2, 'seed')]).toEqual([1, 1]);
  });
});
