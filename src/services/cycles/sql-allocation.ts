import { sql, type Kysely, type RawBuilder } from 'kysely';
import { assert, reject, RejectionError } from '../../core/rejection.js';
import type { Database, DialectName } from '../../store/schema.js';

/**
 * The allocation of a sharing cycle (DESIGN.md, Contracts → Allocation) computed in the store by
 * set-based SQL over the cycle's rows of `cycle_members`, equal row for row to the pure
 * `allocate()` of src/core/money/allocate.ts:
 *
 *   q_i = floor(T·w_i / W), r_i = (T·w_i) mod W; the T − Σq_i members with the largest r_i get one
 *   unit more, ties to the smaller SHA-256(seed_hex + "|" + member_code); share = min(allocated,
 *   cap_room), capped = allocated − share.
 *
 * A cycle can have ten million members, so no member row ever comes into JavaScript: every
 * per-member step is one statement over the whole cycle, and JavaScript only sees aggregates
 * (a handful of rows). The statements, for a cycle of n members:
 *
 *  1. one aggregate (count, W, min/max weight, min cap room) — validation and the overflow guard;
 *  2. one grouped aggregate by remainder (none when all weights are equal), with a running count over the groups in descending
 *     remainder order: gives Σq, so the number of leftover units L = T − Σq, and the cut-off
 *     remainder r* (the group holding the L-th largest remainder), how many members are above it
 *     (all of them get +1) and how many tie at it;
 *  3. one UPDATE writing every member's amounts: the whole units q, plus one above the cut-off
 *     (and at it when all tied members get one); and, when the tied group is split (0 < m < tied,
 *     m = L − above), tie_key = first 60 bits of the tie-break hash for the tied members (null for
 *     everyone else);
 *  4. only when split: the m-th smallest key K and its two neighbours — keys are uniform, so one
 *     counting scan confirms that a narrow window of keys around m/tied·2^60 holds K, and only
 *     that window is sorted (a bounded sort of all tied keys is the fallback); then one UPDATE
 *     giving the winners one more unit: tie_key < K, and K itself when no neighbour shares it (a
 *     60-bit collision is rare, ~n²/2^61; otherwise the members with key K are ordered by their
 *     full hash in SQL);
 *  5. one aggregate checking Σallocated = T and Σshare + Σcapped = T.
 *
 * Re-runnable: every run rewrites tie_key and the three amounts of every row from the inputs.
 * Runs in the caller's transaction, or in its own when given a plain Kysely.
 */

export interface CycleAllocationInput {
  readonly cycle_id: bigint;
  readonly total_minor: bigint;
  readonly seed_hex: string;
}

export interface CycleAllocationTotals {
  readonly member_count: bigint;
  readonly weight_total: bigint;
  readonly share_total_minor: bigint;
  readonly capped_total_minor: bigint;
}

export interface CycleAllocationOptions {
  /**
   * Width of tie_key in bits, 1…60 (default 60). Tests use a few bits to force equal keys, the
   * path where members are ordered by their full hash; the result is the same for every width.
   */
  readonly tie_key_bits?: number;
  /**
   * Half-width, in ranks, of the key window searched first for the cut-off key (default
   * 6·√tied + 64, twelve standard deviations). Tests set 0 or 1 to exercise the fallback.
   */
  readonly tie_window_margin?: bigint;
}

/** T·max(w) and every intermediate stay below this, far from the int64 limit of both backends. */
export const CYCLE_PRODUCT_LIMIT = 1n << 62n;

const FULL_KEY_BITS = 60;

interface Statistics {
  member_count: bigint;
  weight_total: bigint | null;
  weight_min: bigint | null;
  weight_max: bigint | null;
  cap_room_min: bigint | null;
}

interface CutOff {
  remainder: bigint;
  tied_count: bigint;
  running_count: bigint;
  quotient_total: bigint;
}

interface Totals {
  member_count: bigint;
  weight_total: bigint | null;
  allocated_total: bigint | null;
  share_total: bigint | null;
  capped_total: bigint | null;
  negative_count: bigint | null;
}

/** A bigint parameter typed as bigint on both backends (PostgreSQL would otherwise infer it). */
function int(value: bigint): RawBuilder<bigint> {
  return sql<bigint>`cast(${value} as bigint)`;
}

function fail(code: string, message: string, details: Record<string, unknown>): never {
  throw new RejectionError(reject(code, message, details).rejection);
}

export async function allocateCycleInStore(
  db: Kysely<Database>,
  dialect: DialectName,
  input: CycleAllocationInput,
  options: CycleAllocationOptions = {},
): Promise<CycleAllocationTotals> {
  if (db.isTransaction) return allocateIn(db, dialect, input, options);
  return db.transaction().execute((trx) => allocateIn(trx, dialect, input, options));
}

async function allocateIn(
  db: Kysely<Database>,
  dialect: DialectName,
  input: CycleAllocationInput,
  options: CycleAllocationOptions,
): Promise<CycleAllocationTotals> {
  const { cycle_id, total_minor: T, seed_hex } = input;
  const key_bits = options.tie_key_bits ?? FULL_KEY_BITS;
  assert(Number.isInteger(key_bits) && key_bits >= 1 && key_bits <= FULL_KEY_BITS, 'the tie key width is 1…60 bits');
  assert(typeof cycle_id === 'bigint' && typeof seed_hex === 'string', 'cycle id is a bigint and the seed a string');
  if (typeof T !== 'bigint' || T < 0n) {
    fail('ALLOCATION_NEGATIVE_TOTAL', `The total to allocate is ${String(T)}; it must be ≥ 0.`, { total_minor: String(T) });
  }
  const cycle = int(cycle_id);

  // 1. Validation and the overflow guard, from one aggregate.
  const stats = (
    await sql<Statistics>`
      select count(*) as member_count, cast(sum(weight) as bigint) as weight_total,
             min(weight) as weight_min, max(weight) as weight_max, min(cap_room_minor) as cap_room_min
      from cycle_members where cycle_id = ${cycle}`.execute(db)
  ).rows[0];
  assert(stats !== undefined, 'an aggregate returns one row');
  const member_count = BigInt(stats.member_count);
  if (member_count === 0n) {
    if (T > 0n) {
      fail('CYCLE_NO_MEMBERS', `Cycle ${cycle_id} has no members to allocate ${T} minor units to.`, {
        cycle_id: cycle_id.toString(),
        total_minor: T.toString(),
      });
    }
    return { member_count: 0n, weight_total: 0n, share_total_minor: 0n, capped_total_minor: 0n };
  }
  const W = BigInt(stats.weight_total!);
  const weight_max = BigInt(stats.weight_max!);
  const weight_min = BigInt(stats.weight_min!);
  if (weight_min < 1n) {
    fail('ALLOCATION_BAD_WEIGHT', `Cycle ${cycle_id} has a member of weight ${String(stats.weight_min)}; weights are integers ≥ 1.`, {
      cycle_id: cycle_id.toString(),
    });
  }
  if (stats.cap_room_min !== null && BigInt(stats.cap_room_min) < 0n) {
    fail('ALLOCATION_BAD_CAP', `Cycle ${cycle_id} has a member with cap room ${String(stats.cap_room_min)}; cap room is null or ≥ 0.`, {
      cycle_id: cycle_id.toString(),
    });
  }
  if (T * weight_max >= CYCLE_PRODUCT_LIMIT || W >= CYCLE_PRODUCT_LIMIT) {
    fail(
      'CYCLE_TOTAL_TOO_LARGE',
      `Cycle ${cycle_id}: total ${T} × largest weight ${weight_max} reaches 2^62; the allocation would overflow 64-bit integers.`,
      { cycle_id: cycle_id.toString(), total_minor: T.toString(), weight_max: weight_max.toString(), weight_total: W.toString() },
    );
  }

  const total = int(T);
  const weight_total = int(W);
  const quotient = sql<bigint>`(${total} * weight / ${weight_total})`;
  const remainder = sql<bigint>`(${total} * weight % ${weight_total})`;

  // 2. Leftover units and the cut-off remainder: the first group, in descending remainder order,
  // where the running member count reaches L = T − Σq. The groups are the distinct remainders
  // (at most the distinct weights); the database groups them, JavaScript gets one row. With equal
  // weights there is one group, known without a scan.
  const cut =
    weight_min === weight_max
      ? equalWeightCutOff(T, member_count, weight_min, W)
      : await cutOffInStore(db, cycle, total, quotient, remainder);

  const cutoff = BigInt(cut.remainder);
  const tied = BigInt(cut.tied_count);
  const leftover = T - BigInt(cut.quotient_total);
  // Σr_i = W·(T − Σq_i) and each r_i < W, so fewer units are left over than there are members.
  assert(leftover >= 0n && leftover < member_count, 'leftover units are fewer than the members');
  const above = BigInt(cut.running_count) - tied;
  const tied_winners = leftover - above;
  assert(
    tied_winners >= 0n && tied_winners <= tied && (leftover === 0n || tied_winners >= 1n),
    'the cut-off falls inside the tied remainders',
  );

  // 3. Every member's amounts and tie key in one statement: the whole units, plus one above the
  // cut-off remainder (and at it, when every tied member gets one). In an UPDATE every expression
  // sees the old row, so the allocated amount is spelled out where share and capped need it.
  const split = tied_winners > 0n && tied_winners < tied;
  const at_cutoff = sql<boolean>`${remainder} = ${int(cutoff)}`;
  const extra = tied_winners === tied ? sql<boolean>`${remainder} >= ${int(cutoff)}` : sql<boolean>`${remainder} > ${int(cutoff)}`;
  const allocated = sql<bigint>`(${quotient} + case when ${extra} then 1 else 0 end)`;
  const tie_key = split ? sql`case when ${at_cutoff} then ${tieKeyExpression(dialect, seed_hex, key_bits)} else null end` : sql`null`;
  await sql`
    update cycle_members set
      tie_key = ${tie_key},
      allocated_minor = ${allocated},
      share_minor = case when cap_room_minor < ${allocated} then cap_room_minor else ${allocated} end,
      capped_minor = case when cap_room_minor < ${allocated} then ${allocated} - cap_room_minor else 0 end
    where cycle_id = ${cycle}`.execute(db);

  // 4. When the tied members are split, one more unit each for those with the smallest hashes.
  if (split) {
    const winners = await tiedWinners(db, dialect, { cycle, seed_hex, tied, tied_winners, key_bits, window_margin: options.tie_window_margin });
    await sql`
      update cycle_members set
        allocated_minor = allocated_minor + 1,
        share_minor = case when cap_room_minor < allocated_minor + 1 then cap_room_minor else allocated_minor + 1 end,
        capped_minor = case when cap_room_minor < allocated_minor + 1 then allocated_minor + 1 - cap_room_minor else 0 end
      where cycle_id = ${cycle} and ${winners}`.execute(db);
  }

  // 5. The invariants, checked on what was written.
  const totals = (
    await sql<Totals>`
      select count(*) as member_count, cast(sum(weight) as bigint) as weight_total,
             cast(sum(allocated_minor) as bigint) as allocated_total, cast(sum(share_minor) as bigint) as share_total,
             cast(sum(capped_minor) as bigint) as capped_total,
             sum(case when share_minor < 0 or capped_minor < 0 then 1 else 0 end) as negative_count
      from cycle_members where cycle_id = ${cycle}`.execute(db)
  ).rows[0];
  assert(totals !== undefined, 'an aggregate returns one row');
  const share_total_minor = BigInt(totals.share_total!);
  const capped_total_minor = BigInt(totals.capped_total!);
  assert(BigInt(totals.member_count) === member_count && BigInt(totals.weight_total!) === W, 'the members did not change during the allocation');
  assert(BigInt(totals.allocated_total!) === T, 'allocated parts sum to the total');
  assert(share_total_minor + capped_total_minor === T, 'share total + capped total = total');
  assert(BigInt(totals.negative_count!) === 0n, 'shares and capped amounts are ≥ 0');
  return { member_count, weight_total: W, share_total_minor, capped_total_minor };
}

/** Equal weights (every unweighted plan): one quotient and one remainder for all, no grouping scan. */
function equalWeightCutOff(T: bigint, member_count: bigint, weight: bigint, W: bigint): CutOff {
  const quotient = (T * weight) / W;
  return { remainder: (T * weight) % W, tied_count: member_count, running_count: member_count, quotient_total: quotient * member_count };
}

async function cutOffInStore(
  db: Kysely<Database>,
  cycle: RawBuilder<bigint>,
  total: RawBuilder<bigint>,
  quotient: RawBuilder<bigint>,
  remainder: RawBuilder<bigint>,
): Promise<CutOff> {
  const cut = (
    await sql<CutOff>`
      with by_remainder as (
        select remainder, count(*) as tied_count, sum(quotient) as quotient_total
        from (select ${remainder} as remainder, ${quotient} as quotient from cycle_members where cycle_id = ${cycle}) as parts
        group by remainder
      ),
      running as (
        select remainder, tied_count,
               cast(sum(tied_count) over (order by remainder desc rows between unbounded preceding and current row) as bigint) as running_count,
               cast(sum(quotient_total) over () as bigint) as quotient_total
        from by_remainder
      )
      select remainder, tied_count, running_count, quotient_total from running
      where running_count >= ${total} - quotient_total
      order by remainder desc limit 1`.execute(db)
  ).rows[0];
  assert(cut !== undefined, 'the cut-off remainder exists');
  return cut;
}

interface TieBreak {
  readonly cycle: RawBuilder<bigint>;
  readonly seed_hex: string;
  readonly tied: bigint;
  readonly tied_winners: bigint;
  readonly key_bits: number;
  readonly window_margin: bigint | undefined;
}

/** First `key_bits` bits of SHA-256(seed_hex | member_code), as a non-negative bigint. */
function tieKeyExpression(dialect: DialectName, seed_hex: string, key_bits: number): RawBuilder<bigint> {
  const seed = sql`cast(${seed_hex} as text)`;
  const shift = sql.lit(FULL_KEY_BITS - key_bits);
  return dialect === 'sqlite'
    ? sql<bigint>`(huzhu_tie_key(${seed}, member_code) >> ${shift})`
    : sql<bigint>`((('x' || substr(encode(sha256(convert_to(${seed} || '|' || member_code, 'UTF8')), 'hex'), 1, 15))::bit(60)::bigint) >> ${shift})`;
}

/**
 * The condition, over the stored tie_key (set for the tied members only), that picks exactly
 * `tied_winners` of the tied members: those with the smallest tie-break hashes.
 */
async function tiedWinners(db: Kysely<Database>, dialect: DialectName, tie: TieBreak): Promise<RawBuilder<boolean>> {
  const { cycle, seed_hex, tied, tied_winners, key_bits } = tie;
  // The full digest, for equal keys: bytea and lower-case hex both compare as the contract's hex strings.
  const seed = sql`cast(${seed_hex} as text)`;
  const full_hash =
    dialect === 'sqlite' ? sql`huzhu_tie_hash(${seed}, member_code)` : sql`sha256(convert_to(${seed} || '|' || member_code, 'UTF8'))`;

  const { neighbours, at } = await keyAtRank(db, { cycle, tied, rank: tied_winners, key_bits, margin: tie.window_margin });
  const cutoff_key = neighbours[at];
  assert(cutoff_key !== undefined, 'the cut-off key exists');
  const key_literal = int(cutoff_key);
  if (neighbours[at - 1] !== cutoff_key && neighbours[at + 1] !== cutoff_key) {
    return sql<boolean>`tie_key <= ${key_literal}`;
  }

  // Equal keys at the cut-off: count the members below it, and order those at it by full hash.
  const counts = (
    await sql<{ below: bigint | null; equal: bigint | null }>`
      select sum(case when tie_key < ${key_literal} then 1 else 0 end) as below,
             sum(case when tie_key = ${key_literal} then 1 else 0 end) as equal
      from cycle_members where cycle_id = ${cycle} and tie_key is not null`.execute(db)
  ).rows[0];
  assert(counts !== undefined, 'an aggregate returns one row');
  const equal_winners = tied_winners - BigInt(counts.below ?? 0n);
  const equal = BigInt(counts.equal ?? 0n);
  assert(equal_winners >= 1n && equal_winners <= equal, 'the cut-off falls inside the equal keys');
  if (equal_winners === equal) return sql<boolean>`tie_key <= ${key_literal}`;
  return sql<boolean>`(tie_key < ${key_literal} or (tie_key = ${key_literal} and member_code in (
    select member_code from cycle_members where cycle_id = ${cycle} and tie_key = ${key_literal}
    order by ${full_hash} limit ${int(equal_winners)})))`;
}

/** floor(√value) for value ≥ 0. */
function isqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let root = BigInt(Math.floor(Math.sqrt(Number(value))));
  while (root * root > value) root -= 1n;
  while ((root + 1n) * (root + 1n) <= value) root += 1n;
  return root;
}

interface RankQuery {
  readonly cycle: RawBuilder<bigint>;
  readonly tied: bigint;
  readonly rank: bigint;
  readonly key_bits: number;
  readonly margin: bigint | undefined;
}

/**
 * The `rank`-th smallest stored tie_key of the cycle (1-based) and its neighbours in key order:
 * `neighbours[at]` is that key, `neighbours[at ± 1]` the keys ranked next to it when they exist.
 *
 * Sorting the tied members (all members, in an unweighted plan) to find it is the slow part. The
 * keys are hash prefixes, uniform over [0, 2^bits), so the key at rank m lies near m/t·2^bits: one
 * counting scan checks that the window of ranks m ± margin holds it, and then only the window is
 * sorted. If it does not (twelve standard deviations off), the whole set is sorted from the nearer end.
 */
async function keyAtRank(db: Kysely<Database>, query: RankQuery): Promise<{ neighbours: bigint[]; at: number }> {
  const { cycle, tied, rank, key_bits } = query;
  const key_space = 1n << BigInt(key_bits);
  const margin = query.margin ?? 6n * isqrt(tied) + 64n;
  assert(margin >= 0n, 'the key window margin is ≥ 0');
  const low = (key_space * (rank > margin ? rank - margin : 0n)) / tied;
  const high_rank = rank + margin;
  const high = high_rank >= tied ? key_space : (key_space * high_rank) / tied + 1n;

  let window: RawBuilder<boolean> = sql<boolean>`tie_key is not null`;
  let position = rank - 1n;
  let direction = sql`asc`;
  const counts =
    low > 0n || high < key_space
      ? (
          await sql<{ below_low: bigint | null; below_high: bigint | null }>`
            select sum(case when tie_key < ${int(low)} then 1 else 0 end) as below_low,
                   sum(case when tie_key < ${int(high)} then 1 else 0 end) as below_high
            from cycle_members where cycle_id = ${cycle} and tie_key is not null`.execute(db)
        ).rows[0]
      : undefined;
  const below_low = counts === undefined ? 0n : BigInt(counts.below_low ?? 0n);
  const below_high = counts === undefined ? tied : BigInt(counts.below_high ?? 0n);
  if (below_low < rank && rank <= below_high) {
    // Keys outside the window differ from every key inside it, so neighbours outside do not matter.
    if (counts !== undefined) window = sql<boolean>`tie_key >= ${int(low)} and tie_key < ${int(high)}`;
    position = rank - 1n - below_low;
  } else if (rank > tied - rank) {
    // The fallback: a bounded sort from whichever end is nearer.
    position = tied - rank;
    direction = sql`desc`;
  }
  const start = position > 0n ? position - 1n : 0n;
  const neighbours = (
    await sql<{ tie_key: bigint }>`
      select tie_key from cycle_members where cycle_id = ${cycle} and ${window}
      order by tie_key ${direction} limit 3 offset ${int(start)}`.execute(db)
  ).rows.map((row) => BigInt(row.tie_key));
  return { neighbours, at: Number(position - start) };
}
