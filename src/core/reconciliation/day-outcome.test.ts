import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReconciliationItem } from './daily-reconciliation.js';
import { dayOutcomes } from './day-outcome.js';

const on = (day: number) => `2026-11-${String(day).padStart(2, '0')}`;

describe('dayOutcomes', () => {
  it('an unknown bank fee keeps its days differing until resolved; its booked explanation then evens the figures', () => {
    const fee: ReconciliationItem = { source: 'break', ledger_on: null, ledger_amount_minor: 0n, bank_on: on(3), bank_amount_minor: -777n };
    const bank = (day: string) => (day >= on(3) ? -777n : 0n);
    const ledger = (day: string) => (day >= on(5) ? -777n : 0n);
    const base = { from: on(1), to: on(6), ledger_balance_minor: ledger, bank_balance_minor: bank, covered: (day: string) => day <= on(5) };
    const open = dayOutcomes({ ...base, items: [fee], resolved: [] });
    // The ledger booked the fee on the 5th without a link: the break still counts, so that day is unexplained.
    expect(open.map((day) => day.status)).toEqual(['reconciled', 'reconciled', 'differs', 'differs', 'differs', 'no_statement']);
    const explanation: ReconciliationItem = { source: 'break', ledger_on: on(5), ledger_amount_minor: -777n, bank_on: null, bank_amount_minor: 0n };
    const resolved = dayOutcomes({ ...base, items: [], resolved: [fee, explanation] });
    expect(resolved.map((day) => day.status)).toEqual(['reconciled', 'reconciled', 'reconciled', 'reconciled', 'reconciled', 'no_statement']);
    expect(resolved.map((day) => day.resolved_breaks_minor)).toEqual([0n, 0n, 777n, 777n, 0n, 0n]);
    expect(resolved[5]!.bank_balance_minor).toBeNull();
  });

  it('a covered day reconciles exactly when nothing is open and nothing unexplained (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 9 }), amount: fc.bigInt({ min: -1000n, max: 1000n }), resolved: fc.boolean(), bank: fc.boolean() }), { maxLength: 12 }),
        fc.bigInt({ min: -5n, max: 5n }),
        (breaks, drift) => {
          // Each break is a one-sided booking; drift is an amount nothing explains, from the 5th on.
          const items = breaks.map((found) => ({
            item: {
              source: 'break' as const,
              ledger_on: found.bank ? null : on(found.day),
              ledger_amount_minor: found.bank ? 0n : found.amount,
              bank_on: found.bank ? on(found.day) : null,
              bank_amount_minor: found.bank ? found.amount : 0n,
            },
            found,
          }));
          const ledger = (day: string) => breaks.filter((b) => !b.bank && on(b.day) <= day).reduce((sum, b) => sum + b.amount, 0n) + (day >= on(5) ? drift : 0n);
          const bank = (day: string) => breaks.filter((b) => b.bank && on(b.day) <= day).reduce((sum, b) => sum + b.amount, 0n);
          const outcomes = dayOutcomes({
            from: on(1),
            to: on(9),
            ledger_balance_minor: ledger,
            bank_balance_minor: bank,
            covered: () => true,
            items: items.filter((entry) => !entry.found.resolved).map((entry) => entry.item),
            resolved: items.filter((entry) => entry.found.resolved).map((entry) => entry.item),
          });
          for (const outcome of outcomes) {
            const openEffect = breaks
              .filter((b) => !b.resolved && on(b.day) <= outcome.day)
              .reduce((sum, b) => sum + (b.bank ? -b.amount : b.amount), 0n);
            expect(outcome.open_breaks_minor).toBe(openEffect);
            expect(outcome.unexplained_minor).toBe(outcome.day >= on(5) ? drift : 0n);
            expect(outcome.status === 'reconciled').toBe(openEffect === 0n && outcome.unexplained_minor === 0n);
          }
        },
      ),
    );
  });
});
