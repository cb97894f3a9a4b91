import { afterEach, beforeEach, expect, it } from 'vitest';
import { formatMinorPlain } from '../../src/core/money/format-money.js';
import { requestTopUp } from '../../src/services/funding/top-ups.js';
import { requestWalletRefund } from '../../src/services/funding/wallet-refunds.js';
import { listBreaks } from '../../src/services/reconciliation/break-queries.js';
import { importStatement } from '../../src/services/reconciliation/import-statement.js';
import type { SimulatedGateway } from '../../src/services/payments/simulated-gateway.js';
import { fundingContext, joinSeniorPlan } from '../support/funding-context.js';
import { codeOf } from '../support/rejection-code.js';
import type { TestContext } from '../support/test-context.js';
import { describeEachBackend } from '../support/test-stores.js';

const header = 'date,value_date,reference,description,amount,currency,balance';

describeEachBackend('custody reconciliation', (dialect) => {
  let context: TestContext;
  let gateway: SimulatedGateway;
  /** The custody transfers of the ledger built below: their references, amounts (signed) and days. */
  let transfers: { reference: string; amount_minor: bigint; on: string }[];

  async function paymentReference(payment_id: bigint): Promise<string> {
    return (await context.store.db.selectFrom('payments').select('reference').where('id', '=', payment_id).executeTakeFirstOrThrow()).reference;
  }

  async function on(day: string, move: () => Promise<{ payment_id: bigint }>, sign: 1n | -1n, amount_minor: bigint) {
    context.clock.set(`${day}T09:00:00.000Z`);
    const request = await move();
    expect((await gateway.deliverPending()).failed).toBe(0);
    transfers.push({ reference: await paymentReference(request.payment_id), amount_minor: sign * amount_minor, on: day });
  }

  beforeEach(async () => {
    ({ context, gateway } = await fundingContext(dialect, { secret: 'whsec_recon' }));
    transfers = [];
    const first = await joinSeniorPlan(context, 1);
    const second = await joinSeniorPlan(context, 2);
    await on('2026-11-02', () => requestTopUp(context, first, 5000n), 1n, 5000n);
    await on('2026-11-03', () => requestTopUp(context, second, 3000n), 1n, 3000n);
    await on('2026-11-04', () => requestTopUp(context, first, 2000n), 1n, 2000n);
    await on('2026-11-05', () => requestWalletRefund(context, first, 1000n), -1n, 1000n);
    await on('2026-11-06', () => requestTopUp(context, second, 4000n), 1n, 4000n);
    context.clock.set('2026-11-12T08:00:00.000Z');
  });
  afterEach(async () => context.store.close());

  /** A generic statement of the given lines, each balance the running sum. */
  function statement(lines: readonly { on: string; reference: string; amount_minor: bigint }[]): string {
    let balance = 0n;
    const rows = lines.map((line) => {
      balance += line.amount_minor;
      const money = (value: bigint) => `${value < 0n ? '-' : ''}${formatMinorPlain(value < 0n ? -value : value, 'CNY')}`;
      return `${line.on},,${line.reference},transfer,${money(line.amount_minor)},CNY,${money(balance)}`;
    });
    return [header, ...rows].join('\n');
  }

  async function counts() {
    const count = async (table: 'bank_statements' | 'bank_statement_lines' | 'reconciliation_matches' | 'reconciliation_breaks') =>
      BigInt((await context.store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('n')).executeTakeFirstOrThrow()).n);
    return [await count('bank_statements'), await count('bank_statement_lines'), await count('reconciliation_matches'), await count('reconciliation_breaks')];
  }

  it('a clean statement of the ledger (one line a day late) gives no break; the same file twice imports nothing new', async () => {
    const lines = transfers.map((transfer, index) => ({ ...transfer, on: index === 1 ? '2026-11-04' : transfer.on }));
    const csv = statement(lines);
    const outcome = await importStatement(context, { layout: 'generic', currency: 'CNY', csv, imported_by: null });
    expect(outcome).toMatchObject({ already_imported: false, new_lines: 5, matched: 5, breaks: 0 });
    expect(await listBreaks(context, { currency: 'CNY' })).toEqual([]);
    const again = await importStatement(context, { layout: 'generic', currency: 'CNY', csv, imported_by: null });
    expect(again).toMatchObject({ statement_id: outcome.statement_id, already_imported: true, new_lines: 0, matched: 0, breaks: 0 });
    expect(await counts()).toEqual([1n, 5n, 5n, 0n]);
  });

  it('finds a seeded break of every kind, with its age, and nothing else', async () => {
    const [a, b, , d, e] = transfers as [(typeof transfers)[0], (typeof transfers)[0], (typeof transfers)[0], (typeof transfers)[0], (typeof transfers)[0]];
    const csv = statement([
      { on: '2026-11-02', reference: a.reference, amount_minor: a.amount_minor },
      { on: '2026-11-03', reference: a.reference, amount_minor: a.amount_minor }, // duplicated
      { on: '2026-11-03', reference: b.reference, amount_minor: 3100n }, // wrong amount
      // the third transfer (2026-11-04) is missing
      { on: '2026-11-05', reference: d.reference, amount_minor: d.amount_minor },
      { on: '2026-11-09', reference: e.reference, amount_minor: e.amount_minor },
      { on: '2026-11-10', reference: 'REMIT-UNKNOWN-1', amount_minor: 777n }, // unknown
    ]);
    const outcome = await importStatement(context, { layout: 'generic', currency: 'CNY', csv, imported_by: null });
    expect(outcome).toMatchObject({ new_lines: 6, matched: 3, breaks: 4 });
    const breaks = await listBreaks(context, { currency: 'CNY' });
    expect(breaks.map((found) => [found.kind, found.occurred_on, found.age_days, found.line_number, found.ledger_amount_minor, found.bank_amount_minor])).toEqual([
      ['duplicated', '2026-11-03', 9, 3n, null, 5000n],
      ['wrong_amount', '2026-11-03', 9, 4n, 3000n, 3100n],
      ['missing', '2026-11-04', 8, null, 2000n, null],
      ['unknown', '2026-11-10', 2, 7n, null, 777n],
    ]);
    expect((await listBreaks(context, { currency: 'CNY', kind: 'missing' })).map((found) => found.reference)).toEqual([transfers[2]!.reference]);
    expect((await listBreaks(context, { currency: 'CNY', min_age_days: 3 })).map((found) => found.kind)).toEqual(['duplicated', 'wrong_amount', 'missing']);
  });

  it('refuses each bad statement with its code and line, writing nothing', async () => {
    const before = await counts();
    const reference = transfers[0]!.reference;
    const cases: [string, string][] = [
      ['date,reference,amount,currency,balance\n2026-11-02,x,1.00,CNY,1.00', 'RECON_BAD_COLUMNS'],
      [`${header},extra\n2026-11-02,,x,y,1.00,CNY,1.00,z`, 'RECON_BAD_COLUMNS'],
      [`${header}\n2026-11-02,,${reference},y,50.00,CNY,50.00\n2026-11-02,,x,y,12,5,CNY,50.00`, 'RECON_BAD_COLUMNS'],
      [`${header}\n2026-11-02,,${reference},y,50.00,CNY,50.00\n2026-11-02,,x,y,1.2.3,CNY,50.00`, 'RECON_BAD_AMOUNT'],
      [`${header}\n2026-11-02,,${reference},y,50.00,CNY,50.00\n2026-11-02,,x,y,1.00,USD,51.00`, 'RECON_WRONG_CURRENCY'],
      [`${header}\n2026-11-02,,${reference},y,50.00,CNY,50.00\n2026-13-02,,x,y,1.00,CNY,51.00`, 'RECON_BAD_DATE'],
      [`${header}\n2026-11-02,,${reference},y,50.00,CNY,50.00\n2026-11-02,,${reference},y,50.00,CNY,50.00`, 'RECON_DUPLICATE_LINE'],
    ];
    for (const [csv, code] of cases) {
      const failure = importStatement(context, { layout: 'generic', currency: 'CNY', csv, imported_by: null });
      expect(await codeOf(failure)).toBe(code);
      const line = await failure.catch((error: { rejection: { details?: { line?: number } } }) => error.rejection.details?.line);
      expect(line).toBe(code === 'RECON_BAD_COLUMNS' && !csv.includes('12,5') ? 1 : 3);
    }
    expect(await codeOf(importStatement(context, { layout: 'nobank', currency: 'CNY', csv: header, imported_by: null }))).toBe('RECON_UNKNOWN_LAYOUT');
    expect(await counts()).toEqual(before);
  });
});
