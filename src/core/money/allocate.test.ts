import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocate, tieBreakHash, type Allocation, type AllocationMember } from './allocate.js';

const SEED_ZERO = '0'.repeat(64);
const SEED = 'c0ffee'.padEnd(64, '0');

function sha256Hex(text: string): string {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
}

function member(member_code: string, weight = 1n, cap_room_minor: bigint | null = null): AllocationMember {
  return { member_code, weight, cap_room_minor };
}

function allocated(result: ReturnType<typeof allocate>): Record<string, bigint> {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code}`);
  return Object.fromEntries(result.value.shares.map((share) => [share.member_code, share.allocated_minor]));
}

function valueOf(result: ReturnType<typeof allocate>): Allocation {
  if (!result.ok) throw new Error(`rejected: ${result.rejection.code}: ${result.rejection.message}`);
  return result.value;
}

describe('tieBreakHash', () => {
  it('is SHA-256(seed_hex + "|" + member_code) in lower-case hex', () => {
    expect(tieBreakHash(SEED_ZERO, 'M0001')).toBe('28915e512c0674f4eb3df3513a465d439f42a4749759f66b1bdf773f233aed23');
    expect(tieBreakHash(SEED, '吴')).toBe(sha256Hex(`${SEED}|吴`));
    expect(tieBreakHash(SEED, 'x')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('allocate: examples', () => {
  it('splits in proportion to the weights, the leftover unit to the largest remainder', () => {
    // W = 6; T·w = 100, 200, 300 → q = 16, 33, 50 (Σ 99), r = 4, 2, 0: one unit left, to a.
    const result = allocate({ total_minor: 100n, members: [member('c', 3n), member('a', 1n), member('b', 2n)], seed_hex: SEED });
    expect(result).toEqual({
      ok: true,
      value: {
        shares: [
          { member_code: 'a', weight: 1n, cap_room_minor: null, allocated_minor: 17n, share_minor: 17n, capped_minor: 0n },
          { member_code: 'b', weight: 2n, cap_room_minor: null, allocated_minor: 33n, share_minor: 33n, capped_minor: 0n },
          { member_code: 'c', weight: 3n, cap_room_minor: null, allocated_minor: 50n, share_minor: 50n, capped_minor: 0n },
        ],
        share_total_minor: 100n,
        capped_total_minor: 0n,
        weight_total: 6n,
      },
    });
  });

  it('gives the tied leftover units to the smaller SHA-256(seed|member_code)', () => {
    // W = 7; T·w = 20, 5, 5, 5 → q = 2, 0, 0, 0 (Σ 2), r = 6, 5, 5, 5: three units left over.
    // big takes one (largest remainder); two go to the tied members with the smaller hashes.
    const codes = ['M-001', 'M-002', 'M-003'];
    const byHash = [...codes].sort((left, right) => {
      const leftHash = sha256Hex(`${SEED}|${left}`);
      const rightHash = sha256Hex(`${SEED}|${right}`);
      return leftHash < rightHash ? -1 : 1;
    });
    const result = allocated(
      allocate({ total_minor: 5n, members: [member('big', 4n), ...codes.map((code) => member(code))], seed_hex: SEED }),
    );
    expect(result['big']).toBe(3n);
    expect(result[byHash[0]!]).toBe(1n);
    expect(result[byHash[1]!]).toBe(1n);
    expect(result[byHash[2]!]).toBe(0n);
  });

  it('breaks ties among equal weights by hash, and the seed decides', () => {
    const codes = Array.from({ length: 10 }, (_, index) => `M${index}`);
    for (const seed_hex of [SEED_ZERO, SEED, 'ff'.repeat(32)]) {
      const winners = [...codes].sort((left, right) => (sha256Hex(`${seed_hex}|${left}`) < sha256Hex(`${seed_hex}|${right}`) ? -1 : 1)).slice(0, 3);
      const result = allocated(allocate({ total_minor: 23n, members: codes.map((code) => member(code)), seed_hex }));
      for (const code of codes) expect(result[code]).toBe(winners.includes(code) ? 3n : 2n);
    }
  });

  it('limits shares by cap room and records what the caps hold back', () => {
    // 40 over four equal weights is 10 each, no leftover; then the caps apply.
    const result = valueOf(
      allocate({
        total_minor: 40n,
        members: [member('d', 1n, 0n), member('c', 1n, 10n), member('b', 1n, null), member('a', 1n, 3n)],
        seed_hex: SEED,
      }),
    );
    expect(result.shares.map(({ member_code, allocated_minor, share_minor, capped_minor }) => [member_code, allocated_minor, share_minor, capped_minor])).toEqual([
      ['a', 10n, 3n, 7n],
      ['b', 10n, 10n, 0n],
      ['c', 10n, 10n, 0n],
      ['d', 10n, 0n, 10n],
    ]);
    expect(result.share_total_minor).toBe(23n);
    expect(result.capped_total_minor).toBe(17n);
  });

  it('allocates zero over any members, and zero over no members', () => {
    expect(allocate({ total_minor: 0n, members: [], seed_hex: SEED })).toEqual({
      ok: true,
      value: { shares: [], share_total_minor: 0n, capped_total_minor: 0n, weight_total: 0n },
    });
    const result = valueOf(allocate({ total_minor: 0n, members: [member('a', 5n, 0n), member('b')], seed_hex: SEED }));
    expect(result.shares.map((share) => share.allocated_minor)).toEqual([0n, 0n]);
    expect(result.weight_total).toBe(6n);
  });

  it('outputs members in UTF-8 byte order, not UTF-16 order', () => {
    const result = valueOf(allocate({ total_minor: 3n, members: [member('\u{1F600}'), member('\uFFFF'), member('A')], seed_hex: SEED }));
    expect(result.shares.map((share) => share.member_code)).toEqual(['A', '\uFFFF', '\u{1F600}']);
  });

  it('handles totals and weights far beyond 2^53', () => {
    const total_minor = 10n ** 30n + 7n;
    const result = valueOf(allocate({ total_minor, members: [member('a', 10n ** 20n), member('b', 3n * 10n ** 20n)], seed_hex: SEED }));
    // T/4 = 2.5e29 + 1.75 and 3T/4 = 7.5e29 + 5.25: floors …001 and …005, one unit left for a (.75 > .25).
    expect(result.shares.map((share) => share.allocated_minor)).toEqual([250000000000000000000000000002n, 750000000000000000000000000005n]);
  });

  it('allocates over 100,000 members', () => {
    const members = Array.from({ length: 100_000 }, (_, index) => member(`M${(index * 7919) % 100_000}`, 1n, 5n));
    const result = valueOf(allocate({ total_minor: 1_234_567n, members, seed_hex: SEED }));
    expect(result.shares.length).toBe(100_000);
    expect(result.shares.filter((share) => share.allocated_minor === 13n).length).toBe(34_567);
    expect(result.share_total_minor).toBe(500_000n);
    expect(result.capped_total_minor).toBe(734_567n);
  });
});

describe('allocate: rejections', () => {
  it.each([
    ['ALLOCATION_NEGATIVE_TOTAL', -1n, [member('a')]],
    ['ALLOCATION_NO_MEMBERS', 1n, []],
    ['ALLOCATION_BAD_WEIGHT', 10n, [member('a'), member('b', 0n)]],
    ['ALLOCATION_BAD_WEIGHT', 10n, [member('a', -3n)]],
    ['ALLOCATION_DUPLICATE_MEMBER', 10n, [member('a'), member('b'), member('a', 2n)]],
    ['ALLOCATION_BAD_CAP', 10n, [member('a', 1n, -1n)]],
    ['ALLOCATION_BAD_MEMBER_CODE', 10n, [member('')]],
    ['ALLOCATION_BAD_MEMBER_CODE', 10n, [member('a\uD800')]],
  ] as const)('%s', (code, total_minor, members) => {
    const result = allocate({ total_minor, members, seed_hex: SEED });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.rejection.code).toBe(code);
    expect(result.rejection.message.length).toBeGreaterThan(10);
    expect(() => JSON.stringify(result.rejection)).not.toThrow();
  });

  it('accepts well-formed characters outside the BMP in member codes', () => {
    expect(allocate({ total_minor: 1n, members: [member('a\u{1F600}')], seed_hex: SEED }).ok).toBe(true);
  });
});

// ----- properties -------------------------------------------------------------------------------

const codeUnit = fc.constantFrom('a', 'b', 'c', 'Z', '0', '9', '-', 'é', '吴', '\ue000', '\uffff', '\u{10000}', '\u{1F600}');
const memberCode = fc.string({ unit: codeUnit, minLength: 1, maxLength: 4 });
const weight = fc.oneof(fc.constant(1n), fc.bigInt({ min: 1n, max: 10n }), fc.bigInt({ min: 1n, max: 10n ** 12n }));
const capRoom = fc.option(fc.oneof(fc.bigInt({ min: 0n, max: 20n }), fc.bigInt({ min: 0n, max: 10n ** 15n })), { nil: null });
const total = fc.oneof(fc.bigInt({ min: 0n, max: 100n }), fc.bigInt({ min: 0n, max: 10n ** 18n }));
const seedHex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString('hex'));

function membersOf(cap: fc.Arbitrary<bigint | null>): fc.Arbitrary<AllocationMember[]> {
  return fc.uniqueArray(
    fc.record({ member_code: memberCode, weight, cap_room_minor: cap }),
    { minLength: 1, maxLength: 30, selector: (entry) => entry.member_code },
  );
}

const uncapped = fc.record({ total_minor: total, members: membersOf(fc.constant(null)), seed_hex: seedHex });
const capped = fc.record({ total_minor: total, members: membersOf(capRoom), seed_hex: seedHex });

/** The contract, written out directly: one full sort by (remainder desc, tie-break hash asc). */
function referenceAllocation(total_minor: bigint, members: readonly AllocationMember[], seed_hex: string): Map<string, bigint> {
  const weight_total = members.reduce((sum, entry) => sum + entry.weight, 0n);
  const rows = members.map((entry) => ({
    member_code: entry.member_code,
    quotient: (total_minor * entry.weight) / weight_total,
    remainder: (total_minor * entry.weight) % weight_total,
    hash: sha256Hex(`${seed_hex}|${entry.member_code}`),
  }));
  let leftover = total_minor - rows.reduce((sum, row) => sum + row.quotient, 0n);
  rows.sort((left, right) =>
    left.remainder !== right.remainder ? (left.remainder > right.remainder ? -1 : 1) : left.hash < right.hash ? -1 : 1,
  );
  const result = new Map<string, bigint>();
  for (const row of rows) {
    result.set(row.member_code, row.quotient + (leftover > 0n ? 1n : 0n));
    leftover -= 1n;
  }
  return result;
}

const RUNS = { numRuns: 10_000 };

describe('allocate: properties', () => {
  it('without caps, shares sum exactly to the total', () => {
    fc.assert(
      fc.property(uncapped, (input) => {
        const result = valueOf(allocate(input));
        expect(result.share_total_minor).toBe(input.total_minor);
        expect(result.capped_total_minor).toBe(0n);
        expect(result.shares.reduce((sum, share) => sum + share.share_minor, 0n)).toBe(input.total_minor);
        expect(result.weight_total).toBe(input.members.reduce((sum, entry) => sum + entry.weight, 0n));
      }),
      RUNS,
    );
  });

  it('with caps, share total + capped total = total, and the totals match the rows', () => {
    fc.assert(
      fc.property(capped, (input) => {
        const result = valueOf(allocate(input));
        expect(result.share_total_minor + result.capped_total_minor).toBe(input.total_minor);
        expect(result.shares.reduce((sum, share) => sum + share.share_minor, 0n)).toBe(result.share_total_minor);
        expect(result.shares.reduce((sum, share) => sum + share.capped_minor, 0n)).toBe(result.capped_total_minor);
        expect(result.shares.reduce((sum, share) => sum + share.allocated_minor, 0n)).toBe(input.total_minor);
      }),
      RUNS,
    );
  });

  it('each member is within one unit of the exact pro-rata amount', () => {
    fc.assert(
      fc.property(capped, (input) => {
        const result = valueOf(allocate(input));
        const W = result.weight_total;
        const T = input.total_minor;
        for (const share of result.shares) {
          const floor = (T * share.weight) / W;
          expect(share.allocated_minor >= floor && share.allocated_minor <= floor + 1n).toBe(true);
          // allocated − T·w/W in (−1, 1), scaled by W to stay in integers.
          const scaled_error = W * share.allocated_minor - T * share.weight;
          expect(scaled_error > -W && scaled_error < W).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the members', () => {
    fc.assert(
      fc.property(
        capped.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray(input.members, { minLength: input.members.length, maxLength: input.members.length })),
        ),
        ([input, shuffled]) => {
          expect(allocate({ ...input, members: shuffled })).toEqual(allocate(input));
        },
      ),
      RUNS,
    );
  });

  it('never exceeds a cap, and capped = allocated − share ≥ 0', () => {
    fc.assert(
      fc.property(capped, (input) => {
        const result = valueOf(allocate(input));
        for (const share of result.shares) {
          if (share.cap_room_minor !== null) expect(share.share_minor <= share.cap_room_minor).toBe(true);
          const expected_share =
            share.cap_room_minor !== null && share.cap_room_minor < share.allocated_minor ? share.cap_room_minor : share.allocated_minor;
          expect(share.share_minor).toBe(expected_share);
          expect(share.share_minor >= 0n).toBe(true);
          expect(share.capped_minor).toBe(share.allocated_minor - share.share_minor);
          expect(share.capped_minor >= 0n).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('lists every member once, with its weight and cap room, in UTF-8 byte order', () => {
    fc.assert(
      fc.property(capped, (input) => {
        const result = valueOf(allocate(input));
        expect(result.shares.length).toBe(input.members.length);
        const byCode = new Map(input.members.map((entry) => [entry.member_code, entry]));
        for (const share of result.shares) {
          const entry = byCode.get(share.member_code);
          expect(entry).toBeDefined();
          expect(share.weight).toBe(entry!.weight);
          expect(share.cap_room_minor).toBe(entry!.cap_room_minor);
        }
        for (let position = 1; position < result.shares.length; position += 1) {
          const previous = Buffer.from(result.shares[position - 1]!.member_code, 'utf8');
          const current = Buffer.from(result.shares[position]!.member_code, 'utf8');
          expect(Buffer.compare(previous, current)).toBe(-1);
        }
      }),
      RUNS,
    );
  });

  it('gives the leftover units exactly as the contract says (largest remainder, then smaller hash)', () => {
    fc.assert(
      fc.property(capped, (input) => {
        const result = valueOf(allocate(input));
        const expected = referenceAllocation(input.total_minor, input.members, input.seed_hex);
        for (const share of result.shares) expect(share.allocated_minor).toBe(expected.get(share.member_code));
      }),
      RUNS,
    );
  });
});
