import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allocate, tieBreakHash, type AllocationMember } from '../../src/core/money/allocate.js';
import { unwrap } from '../../src/core/rejection.js';
import { allocateCycleInStore, type CycleAllocationOptions } from '../../src/services/cycles/sql-allocation.js';
import type { Store } from '../../src/store/store.js';
import { codeOf } from '../support/rejection-code.js';
import { describeEachBackend, freshStore } from '../support/test-stores.js';

/**
 * The set-based allocation in the store must equal the pure core allocate() row for row, on
 * every backend: random member sets (sizes, weights, caps, codes), totals and seeds, including
 * ties at the cut-off decided by the hash and equal hash prefixes decided by the full hash.
 */

const seedHex = (fill: string) => fill.repeat(64).slice(0, 64);

interface StoredMember extends AllocationMember {
  readonly membership_id: bigint;
}

interface StoredRow {
  member_code: string;
  weight: bigint;
  cap_room_minor: bigint | null;
  tie_key: bigint | null;
  allocated_minor: bigint;
  share_minor: bigint;
  capped_minor: bigint;
}

/** A small deterministic generator, so one fast-check value describes thousands of members. */
function generator(seed: number): (bound: number) => number {
  let state = seed >>> 0 || 1;
  return (bound) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % bound;
  };
}

// Code alphabets: ASCII, Latin-1, CJK and an astral character, so the hash input's UTF-8 is tested.
const codePrefixes = ['M', 'm-', 'é', '吴', 'Z😀', '0'];

type WeightMode = 'one' | 'equal' | 'few' | 'many';
type CapMode = 'none' | 'zero' | 'small' | 'mixed';
type TotalMode = 'zero' | 'small' | 'below-count' | 'divisible' | 'large';

interface Case {
  readonly count: number;
  readonly weights: WeightMode;
  readonly caps: CapMode;
  readonly total: TotalMode;
  readonly random_seed: number;
  readonly seed_hex: string;
  readonly tie_key_bits: number;
  readonly tie_window_margin?: bigint | undefined;
}

function buildMembers(c: Case): StoredMember[] {
  const next = generator(c.random_seed);
  const fewWeights = [1n + BigInt(next(100)), 1n + BigInt(next(100)), 1n + BigInt(next(100))];
  const equalWeight = 1n + BigInt(next(50));
  const members: StoredMember[] = [];
  for (let index = 0; index < c.count; index += 1) {
    const weight =
      c.weights === 'one'
        ? 1n
        : c.weights === 'equal'
          ? equalWeight
          : c.weights === 'few'
            ? fewWeights[next(3)]!
            : 1n + BigInt(next(1_000_000));
    let cap_room_minor: bigint | null = null;
    const pick = next(4);
    if (c.caps === 'zero') cap_room_minor = pick === 0 ? null : 0n;
    else if (c.caps === 'small') cap_room_minor = pick === 0 ? null : BigInt(next(6));
    else if (c.caps === 'mixed') cap_room_minor = [null, 0n, BigInt(next(10)), BigInt(next(1_000_000_000)) * 1000n][pick]!;
    members.push({
      member_code: `${codePrefixes[next(codePrefixes.length)]}${index.toString(36)}`,
      weight,
      cap_room_minor,
      membership_id: BigInt(index + 1),
    });
  }
  return members;
}

function buildTotal(c: Case, members: readonly StoredMember[], extra: number): bigint {
  const weight_total = members.reduce((sum, member) => sum + member.weight, 0n);
  switch (c.total) {
    case 'zero':
      return 0n;
    case 'small':
      return BigInt(extra % 1000);
    case 'below-count':
      return BigInt(extra % members.length);
    case 'divisible':
      return weight_total * BigInt(1 + (extra % 50));
    case 'large':
      // Up to 4·10^12 with weights up to 10^6: T·max(w) stays below 2^62 ≈ 4.6·10^18.
      return BigInt(extra % 4_000_000) * 1_000_003n + BigInt(extra % 997);
  }
}

const caseArbitrary: fc.Arbitrary<Case> = fc.record({
  count: fc.oneof(
    { weight: 10, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 300 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 5_000 }) },
  ),
  weights: fc.constantFrom<WeightMode>('one', 'equal', 'few', 'many'),
  caps: fc.constantFrom<CapMode>('none', 'zero', 'small', 'mixed'),
  total: fc.constantFrom<TotalMode>('zero', 'small', 'below-count', 'divisible', 'large'),
  random_seed: fc.integer({ min: 1, max: 0x7fffffff }),
  seed_hex: fc.stringMatching(/^[0-9a-f]{64}$/),
  // Mostly the real width; sometimes a few bits, so equal keys at the cut-off go to the full hash.
  tie_key_bits: fc.oneof({ weight: 3, arbitrary: fc.constant(60) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 6 }) }),
  // Mostly the default window around the expected cut-off key; a narrow one often misses it and
  // takes the fallback sort.
  tie_window_margin: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 40n }) },
  ),
});

describeEachBackend('store contract: cycle allocation', (dialect) => {
  let store: Store;
  let nextCycle = 1n;
  beforeAll(async () => {
    store = await freshStore(dialect);
  });
  afterAll(async () => {
    await store?.close();
  });

  async function insertMembers(cycle_id: bigint, members: readonly StoredMember[]): Promise<void> {
    for (let start = 0; start < members.length; start += 1000) {
      await store.db
        .insertInto('cycle_members')
        .values(
          members.slice(start, start + 1000).map((member) => ({
            cycle_id,
            member_code: member.member_code,
            membership_id: member.membership_id,
            weight: member.weight,
            cap_room_minor: member.cap_room_minor,
          })),
        )
        .execute();
    }
  }

  async function readRows(cycle_id: bigint): Promise<Map<string, StoredRow>> {
    const rows = await store.db
      .selectFrom('cycle_members')
      .select(['member_code', 'weight', 'cap_room_minor', 'tie_key', 'allocated_minor', 'share_minor', 'capped_minor'])
      .where('cycle_id', '=', cycle_id)
      .execute();
    return new Map(rows.map((row) => [row.member_code, row]));
  }

  async function allocatedCycle(
    members: readonly StoredMember[],
    total_minor: bigint,
    seed_hex: string,
    options: CycleAllocationOptions = {},
  ): Promise<bigint> {
    const cycle_id = nextCycle++;
    await insertMembers(cycle_id, members);
    const totals = await allocateCycleInStore(store.db, dialect, { cycle_id, total_minor, seed_hex }, options);
    const expected = unwrap(allocate({ total_minor, members, seed_hex }));
    expect(totals).toEqual({
      member_count: BigInt(members.length),
      weight_total: expected.weight_total,
      share_total_minor: expected.share_total_minor,
      capped_total_minor: expected.capped_total_minor,
    });
    const rows = await readRows(cycle_id);
    expect(rows.size).toBe(expected.shares.length);
    for (const share of expected.shares) {
      const row = rows.get(share.member_code);
      const got = row && {
        member_code: row.member_code,
        weight: row.weight,
        cap_room_minor: row.cap_room_minor,
        allocated_minor: row.allocated_minor,
        share_minor: row.share_minor,
        capped_minor: row.capped_minor,
      };
      if (got === undefined || got.allocated_minor !== share.allocated_minor || got.share_minor !== share.share_minor || got.capped_minor !== share.capped_minor) {
        expect(got).toEqual(share);
      }
    }
    return cycle_id;
  }

  it('equals the core allocation for random members, weights, caps, totals and seeds', async () => {
    await fc.assert(
      fc.asyncProperty(caseArbitrary, fc.nat(), async (c, extra) => {
        const members = buildMembers(c);
        await allocatedCycle(members, buildTotal(c, members, extra), c.seed_hex, {
          tie_key_bits: c.tie_key_bits,
          tie_window_margin: c.tie_window_margin,
        });
      }),
      { numRuns: 800, seed: 20261128 },
    );
  });

  it('decides equal tie keys by the full hash, the same at every key width', async () => {
    const members = buildMembers({ count: 400, weights: 'one', caps: 'none', total: 'small', random_seed: 7, seed_hex: seedHex('a'), tie_key_bits: 60 });
    for (const tie_key_bits of [1, 2, 3, 8, 20, 60]) {
      for (const total of [1n, 37n, 200n, 399n, 401n, 799n]) {
        for (const tie_window_margin of [undefined, 0n, 5n]) {
          await allocatedCycle(members, total, seedHex('5e'), { tie_key_bits, tie_window_margin });
        }
      }
    }
  });

  it('stores tie_key as the first 60 bits of the tie-break hash, for the tied members only', async () => {
    // Five members of weight 1 and two of weight 2, W = 9, T = 3: remainders 3 and 6, no quotient;
    // the two weight-2 members get +1 and one of the five weight-1 members does, by hash.
    const members: StoredMember[] = ['a', 'b', 'c', 'd', 'e', 'F', 'G'].map((code, index) => ({
      member_code: `吴${code}`,
      weight: index < 5 ? 1n : 2n,
      cap_room_minor: null,
      membership_id: BigInt(index + 1),
    }));
    const seed_hex = seedHex('c3');
    const cycle_id = await allocatedCycle(members, 3n, seed_hex);
    const rows = await readRows(cycle_id);
    for (const member of members) {
      const expected = member.weight === 1n ? BigInt(`0x${tieBreakHash(seed_hex, member.member_code).slice(0, 15)}`) : null;
      expect(rows.get(member.member_code)!.tie_key).toBe(expected);
    }
  });

  it('gives the same rows when run again, also after a run with another total and seed', async () => {
    const members = buildMembers({ count: 777, weights: 'few', caps: 'mixed', total: 'small', random_seed: 99, seed_hex: seedHex('0'), tie_key_bits: 60 });
    const cycle_id = await allocatedCycle(members, 123_456n, seedHex('1f'));
    const first = await readRows(cycle_id);
    await allocateCycleInStore(store.db, dialect, { cycle_id, total_minor: 123_456n, seed_hex: seedHex('1f') });
    expect(await readRows(cycle_id)).toEqual(first);
    await allocateCycleInStore(store.db, dialect, { cycle_id, total_minor: 5n, seed_hex: seedHex('77') });
    expect(await readRows(cycle_id)).not.toEqual(first);
    await allocateCycleInStore(store.db, dialect, { cycle_id, total_minor: 123_456n, seed_hex: seedHex('1f') });
    expect(await readRows(cycle_id)).toEqual(first);
  });

  it('leaves the rows of other cycles alone and runs inside the caller transaction', async () => {
    const members = buildMembers({ count: 50, weights: 'many', caps: 'small', total: 'small', random_seed: 3, seed_hex: seedHex('0'), tie_key_bits: 60 });
    const one = await allocatedCycle(members, 1_001n, seedHex('2'));
    const before = await readRows(one);
    const two = nextCycle++;
    await insertMembers(two, members);
    await store.db.transaction().execute(async (trx) => {
      await allocateCycleInStore(trx, dialect, { cycle_id: two, total_minor: 9n, seed_hex: seedHex('3') });
    });
    expect(await readRows(one)).toEqual(before);
    const after = await readRows(two);
    expect([...after.values()].reduce((sum, row) => sum + row.allocated_minor, 0n)).toBe(9n);
  });

  it('refuses a total whose product with the largest weight reaches 2^62, and allocates just below it', async () => {
    const limit = 1n << 62n;
    const cycle_id = nextCycle++;
    await insertMembers(cycle_id, [
      { member_code: 'A', weight: 2n, cap_room_minor: null, membership_id: 1n },
      { member_code: 'B', weight: 1n, cap_room_minor: null, membership_id: 2n },
    ]);
    expect(await codeOf(allocateCycleInStore(store.db, dialect, { cycle_id, total_minor: limit / 2n, seed_hex: seedHex('9') }))).toBe(
      'CYCLE_TOTAL_TOO_LARGE',
    );
    await allocatedCycle(
      [
        { member_code: 'A', weight: 2n, cap_room_minor: null, membership_id: 1n },
        { member_code: 'B', weight: 1n, cap_room_minor: 5n, membership_id: 2n },
      ],
      limit / 2n - 1n,
      seedHex('9'),
    );
    await allocatedCycle([{ member_code: 'solo', weight: 1n, cap_room_minor: null, membership_id: 1n }], limit - 1n, seedHex('9'));
  });

  it('refuses a positive total without members and allocates zero to nobody', async () => {
    const cycle_id = nextCycle++;
    expect(await codeOf(allocateCycleInStore(store.db, dialect, { cycle_id, total_minor: 1n, seed_hex: seedHex('4') }))).toBe('CYCLE_NO_MEMBERS');
    expect(await allocateCycleInStore(store.db, dialect, { cycle_id, total_minor: 0n, seed_hex: seedHex('4') })).toEqual({
      member_count: 0n,
      weight_total: 0n,
      share_total_minor: 0n,
      capped_total_minor: 0n,
    });
  });
});
