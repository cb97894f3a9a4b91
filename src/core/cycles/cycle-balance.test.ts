import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../money/allocate.js';
import { unwrap } from '../rejection.js';
import { capBearing, cycleBalance, type CycleBalanceInput } from './cycle-balance.js';
import { CLOSING_CYCLE_FEE_BPS, operatorPaidOf, sharedTotalOf } from './closing-cycle.js';
import { GENESIS_ROOT_HEX, capReductionOfAid, cycleTotals } from './cycle-figures.js';

const cycleArbitrary = fc.record({
  aids_minor: fc.array(fc.bigInt({ min: 0n, max: 100_000_000n }), { maxLength: 4 }),
  fee_bps: fc.integer({ min: 0, max: 3000 }),
  surplus_in_minor: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 50_000_000n })),
  members: fc.array(fc.record({ weight: fc.bigInt({ min: 1n, max: 5n }), cap_room_minor: fc.option(fc.bigInt({ min: 0n, max: 10_000_000n }), { nil: null }) }), { minLength: 1, maxLength: 20 }),
  cap_policy: fc.constantFrom('backstop' as const, 'reduce_aid' as const),
  /** The part of the shares the wallets could not pay, in basis points of the share total. */
  shortfall_bps: fc.integer({ min: 0, max: 10_000 }),
});

/** A cycle's figures as the steps before the charge produce them, from the pure functions they use. */
type CycleInput = typeof cycleArbitrary extends fc.Arbitrary<infer T> ? T : never;

function figuresOf(input: CycleInput): CycleBalanceInput {
  const aid_total_minor = input.aids_minor.reduce((total, aid) => total + aid, 0n);
  const totals = cycleTotals({ aid_total_minor, fee_bps: input.fee_bps, surplus_in_minor: input.surplus_in_minor });
  const allocation = unwrap(
    allocate({
      total_minor: totals.total_minor,
      members: input.members.map((member, index) => ({ member_code: `M${String(index).padStart(3, '0')}`, weight: member.weight, cap_room_minor: member.cap_room_minor })),
      seed_hex: GENESIS_ROOT_HEX,
    }),
  );
  const cases = input.aids_minor.map((aid_minor, index) => ({ case_id: `C${index}`, aid_minor }));
  const reduced = input.cap_policy === 'reduce_aid' ? unwrap(capReductionOfAid(cases, allocation.capped_total_minor)).cases : cases.map((entry) => ({ ...entry, payable_minor: entry.aid_minor }));
  return {
    cap_policy: input.cap_policy,
    aid_total_minor,
    fee_minor: totals.fee_minor,
    surplus_in_minor: input.surplus_in_minor,
    total_minor: totals.total_minor,
    surplus_out_minor: totals.surplus_out_minor,
    share_total_minor: allocation.share_total_minor,
    capped_total_minor: allocation.capped_total_minor,
    aid_payable_minor: reduced.reduce((total, entry) => total + entry.payable_minor, 0n),
    shortfall_minor: (allocation.share_total_minor * BigInt(input.shortfall_bps)) / 10_000n,
    operator_paid_minor: 0n,
  };
}

/** A closing cycle's figures (closing-cycle.ts): no member, no fee, the operator pays the total. */
function closingFiguresOf(input: Pick<CycleInput, 'aids_minor' | 'surplus_in_minor' | 'cap_policy'>): CycleBalanceInput {
  const aid_total_minor = input.aids_minor.reduce((total, aid) => total + aid, 0n);
  const totals = cycleTotals({ aid_total_minor, fee_bps: CLOSING_CYCLE_FEE_BPS, surplus_in_minor: input.surplus_in_minor });
  const allocation = unwrap(allocate({ total_minor: sharedTotalOf(totals.total_minor, true), members: [], seed_hex: GENESIS_ROOT_HEX }));
  const operator_paid_minor = operatorPaidOf({ total_minor: totals.total_minor, member_count: 0n, share_total_minor: allocation.share_total_minor, capped_total_minor: allocation.capped_total_minor });
  return {
    cap_policy: input.cap_policy,
    aid_total_minor,
    fee_minor: totals.fee_minor,
    surplus_in_minor: input.surplus_in_minor,
    total_minor: totals.total_minor,
    surplus_out_minor: totals.surplus_out_minor,
    share_total_minor: allocation.share_total_minor,
    capped_total_minor: allocation.capped_total_minor,
    aid_payable_minor: aid_total_minor,
    shortfall_minor: 0n,
    operator_paid_minor,
  };
}

describe('cycle balance', () => {
  it('balances every cycle: charged + shortfall + backstop + surplus in = aid payable + fee payable + surplus out', () => {
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const figures = figuresOf(input);
        const balance = cycleBalance(figures);
        expect(balance.charged_minor + balance.shortfall_minor).toBe(figures.share_total_minor);
        expect(balance.charged_minor + balance.shortfall_minor + balance.backstop_minor + figures.surplus_in_minor).toBe(balance.aid_payable_minor + balance.fee_payable_minor + figures.surplus_out_minor);
        const bearing = capBearing(figures.cap_policy, figures.capped_total_minor, figures.aid_total_minor);
        // The caps' hold-back is borne once, by exactly one of the three.
        expect(bearing.backstop_minor + bearing.aid_reduction_minor + bearing.fee_reduction_minor).toBe(figures.capped_total_minor);
        expect(balance.fee_payable_minor >= 0n && balance.fee_payable_minor <= figures.fee_minor).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses figures that do not add up, instead of clamping them', () => {
    const figures = figuresOf({ aids_minor: [30_000_000n], fee_bps: 800, surplus_in_minor: 0n, members: [{ weight: 1n, cap_room_minor: 10n }], cap_policy: 'backstop', shortfall_bps: 0 });
    expect(cycleBalance(figures)).toEqual({ charged_minor: 10n, shortfall_minor: 0n, backstop_minor: 32_399_990n, aid_payable_minor: 30_000_000n, fee_payable_minor: 2_400_000n });
    expect(() => cycleBalance({ ...figures, shortfall_minor: 11n })).toThrow(/shortfall is part of the shares/);
    expect(() => cycleBalance({ ...figures, capped_total_minor: 1n })).toThrow(/add up to the total/);
    expect(() => cycleBalance({ ...figures, aid_payable_minor: 1n })).toThrow(/payable their aid/);
    expect(() => cycleBalance({ ...figures, fee_minor: 1n })).toThrow(/aid \+ fee − surplus in/);
    expect(() => cycleBalance({ ...figures, operator_paid_minor: 1n })).toThrow(/add up to the total/);
  });

  it('balances a closing cycle: the operator pays the whole total, no member is charged, no fee', () => {
    fc.assert(
      fc.property(cycleArbitrary, (input) => {
        const figures = closingFiguresOf(input);
        const balance = cycleBalance(figures);
        expect(figures.operator_paid_minor).toBe(figures.total_minor);
        expect(balance).toMatchObject({ charged_minor: 0n, shortfall_minor: 0n, backstop_minor: 0n, fee_payable_minor: 0n, aid_payable_minor: figures.aid_total_minor });
        expect(figures.operator_paid_minor + figures.surplus_in_minor).toBe(balance.aid_payable_minor + figures.surplus_out_minor);
      }),
      { numRuns: 300 },
    );
    const figures = closingFiguresOf({ aids_minor: [20_000_000n], surplus_in_minor: 5n, cap_policy: 'backstop' });
    expect(figures.operator_paid_minor).toBe(19_999_995n);
    // The operator pays only a cycle no member shares, and never a part of one.
    expect(() => cycleBalance({ ...figures, share_total_minor: 1n, operator_paid_minor: figures.operator_paid_minor - 1n })).toThrow(/no member shares/);
    expect(() => cycleBalance({ ...figures, operator_paid_minor: figures.operator_paid_minor - 1n })).toThrow(/add up to the total/);
  });
});
