import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closureSteps } from '../closure/closure-rules.js';
import { closingCycleAllowed, operatorPaidOf, sharedTotalOf } from './closing-cycle.js';

describe('closing cycles', () => {
  it('are allowed only once the closure has ended the memberships (step closed or later)', () => {
    expect(closingCycleAllowed(null)).toBe(false);
    expect(closureSteps.filter((step) => closingCycleAllowed(step))).toEqual(['closed', 'refunds_done', 'receivables_done', 'finalised']);
  });

  it('share nothing over the members: the operator pays the whole total, and only without members', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (total_minor) => {
        expect(sharedTotalOf(total_minor, true)).toBe(0n);
        expect(sharedTotalOf(total_minor, false)).toBe(total_minor);
        expect(operatorPaidOf({ total_minor, member_count: 0n, share_total_minor: 0n, capped_total_minor: 0n })).toBe(total_minor);
      }),
    );
    // A cycle shared by members: the operator paid nothing of it.
    expect(operatorPaidOf({ total_minor: 100n, member_count: 3n, share_total_minor: 90n, capped_total_minor: 10n })).toBe(0n);
    expect(() => operatorPaidOf({ total_minor: 100n, member_count: 3n, share_total_minor: 90n, capped_total_minor: 0n })).toThrow(/only a cycle without members/);
    expect(() => operatorPaidOf({ total_minor: 100n, member_count: 0n, share_total_minor: 0n, capped_total_minor: 101n })).toThrow(/never gives the members more/);
  });
});
