import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reconcileDays } from './daily-reconciliation.js';
import { matchStatement, type LedgerMovement } from './match-statement.js';

const options = { window_days: 3, expected_from: '2026-11-01', expected_to: '2026-11-07' };

function movement(transaction_id: bigint, posted_on: string, reference: string, amount_minor: bigint, settled = false): LedgerMovement {
  return { transaction_id, posted_on, reference, amount_minor, settled };
}

describe('matchStatement', () => {
  it('finds one break of every kind and nothing else', () => {
    const movements = [
      movement(1n, '2026-11-02', 'a', 1000n),
      movement(2n, '2026-11-03', 'b', 2000n),
      movement(3n, '2026-11-04', 'c', -300n),
      movement(4n, '2026-11-05', 'd', 400n),
      movement(5n, '2026-11-09', 'late', 900n),
    ];
    const lines = [
      { booked_on: '2026-11-02', reference: 'a', amount_minor: 1000n },
      { booked_on: '2026-11-03', reference: 'a', amount_minor: 1000n },
      { booked_on: '2026-11-04', reference: 'b', amount_minor: 2500n },
      { booked_on: '2026-11-05', reference: 'c', amount_minor: -300n },
      { booked_on: '2026-11-06', reference: 'zzz', amount_minor: 77n },
    ];
    const outcome = matchStatement(lines, movements, options);
    expect(outcome.matches).toEqual([
      { line_index: 0, transaction_id: 1n },
      { line_index: 3, transaction_id: 3n },
    ]);
    expect(outcome.breaks.map((found) => [found.kind, found.line_index, found.transaction_id, found.occurred_on])).toEqual([
      ['duplicated', 1, 1n, '2026-11-03'],
      ['wrong_amount', 2, 2n, '2026-11-04'],
      ['unknown', 4, null, '2026-11-06'],
      ['missing', null, 4n, '2026-11-05'],
    ]);
  });

  it('does not match outside the window, and a line repeating a transfer of an earlier statement is a duplicate', () => {
    const outcome = matchStatement(
      [
        { booked_on: '2026-11-07', reference: 'a', amount_minor: 1000n },
        { booked_on: '2026-11-02', reference: 'old', amount_minor: 5n },
      ],
      [movement(1n, '2026-11-02', 'a', 1000n), movement(2n, '2026-11-01', 'old', 5n, true)],
      options,
    );
    expect(outcome.matches).toEqual([]);
    expect(outcome.breaks.map((found) => found.kind)).toEqual(['unknown', 'duplicated', 'missing']);
  });

  it('a statement that is the ledger gives no break and balances every day (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 7 }), lag: fc.integer({ min: 0, max: 3 }), amount: fc.bigInt({ min: 1n, max: 10n ** 9n }) }), { maxLength: 25 }),
        (transfers) => {
          const on = (day: number) => `2026-11-${String(day).padStart(2, '0')}`;
          const movements = transfers.map((transfer, index) => movement(BigInt(index + 1), on(transfer.day), `ref:${index}`, transfer.amount));
          const lines = transfers
            .map((transfer, index) => ({ booked_on: on(Math.min(transfer.day + transfer.lag, 10)), reference: `ref:${index}`, amount_minor: transfer.amount }))
            .sort((a, b) => a.booked_on.localeCompare(b.booked_on));
          const outcome = matchStatement(lines, movements, { window_days: 3, expected_from: '2026-11-01', expected_to: '2026-11-07' });
          expect(outcome.breaks).toEqual([]);
          expect(outcome.matches).toHaveLength(transfers.length);
          const ledgerBy = (day: string) => movements.filter((m) => m.posted_on <= day).reduce((sum, m) => sum + m.amount_minor, 0n);
          const bankBy = (day: string) => lines.filter((l) => l.booked_on <= day).reduce((sum, l) => sum + l.amount_minor, 0n);
          const items = outcome.matches.map((match) => ({
            source: 'match' as const,
            ledger_on: movements.find((m) => m.transaction_id === match.transaction_id)!.posted_on,
            ledger_amount_minor: lines[match.line_index]!.amount_minor,
            bank_on: lines[match.line_index]!.booked_on,
            bank_amount_minor: lines[match.line_index]!.amount_minor,
          }));
          const days = reconcileDays({ from: '2026-11-01', to: '2026-11-10', ledger_balance_minor: ledgerBy, bank_balance_minor: bankBy, items });
          expect(days.every((day) => day.balanced && day.breaks_minor === 0n)).toBe(true);
          expect(days.at(-1)!.difference_minor).toBe(0n);
        },
      ),
    );
  });
});
