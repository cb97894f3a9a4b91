import { afterAll, beforeAll, expect, it } from 'vitest';
import { postTransfer } from '../../src/ledger/ledger.js';
import { runCycle } from '../../src/services/cycles/index.js';
import { exportTables } from '../../src/services/exports/export-registry.js';
import type { ExportFilter, ExportRow, ExportTable } from '../../src/services/exports/export-table.js';
import { cycleFixture, type CycleFixture } from '../support/cycle-fixture.js';
import { describeEachBackend } from '../support/test-stores.js';

async function allRows(fixture: CycleFixture, table: ExportTable, batch_rows: number, filter: ExportFilter = {}): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for await (const batch of table.batches(fixture.context.store.db, filter, batch_rows)) {
    expect(batch.length).toBeLessThanOrEqual(batch_rows);
    rows.push(...batch);
  }
  return rows;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);

const byName = (name: string) => exportTables.find((table) => table.name === name)!;

/**
 * The export tables' keyset queries on every backend, over a plan's history with a completed
 * cycle, two approved claims and their payouts: one row per batch gives the same rows, in the same
 * order, as one batch for everything; every row has every documented column; the filters hold.
 */
describeEachBackend('store: CSV export tables', (dialect) => {
  let fixture: CycleFixture;

  beforeAll(async () => {
    fixture = await cycleFixture(dialect);
    await runCycle(fixture.context, 'critical-illness');
    // The sample plans are post-paid: custody moves only when the operator puts money in and takes some out.
    const at = fixture.context.clock.now().toISOString();
    for (const [index, [side, amount_minor]] of ([['debit', 700n], ['debit', 300n], ['credit', 250n]] as const).entries()) {
      const other = side === 'debit' ? 'credit' : 'debit';
      await postTransfer(
        fixture.context.store,
        {
          idempotency_key: `custody-${index}`,
          description: 'custody movement',
          currency: 'CNY',
          legs: [
            { account_code: 'custody:CNY', side, amount_minor },
            { account_code: 'operator_equity:CNY', side: other, amount_minor },
          ],
        },
        at,
      );
    }
  }, 120_000);
  afterAll(async () => fixture?.context.store.close());

  it('gives the same rows in the same order whatever the batch size, each with exactly the documented columns', async () => {
    for (const table of exportTables) {
      const whole = await allRows(fixture, table, 100_000);
      expect(await allRows(fixture, table, 1), table.name).toEqual(whole);
      expect(await allRows(fixture, table, 3), table.name).toEqual(whole);
      for (const row of whole) expect(Object.keys(row).sort(), table.name).toEqual(table.columns.map((item) => item.name).sort());
      // Only advances and manual postings need an operator's action; the fixture has the rest.
      if (!['advances', 'manual_postings'].includes(table.name)) expect(whole.length, table.name).toBeGreaterThan(0);
    }
  });

  it('exports the journal balanced per transaction, and the custody and cycle figures as the store holds them', async () => {
    const at = fixture.context.clock.now().toISOString();
    const legs = await allRows(fixture, byName('ledger_transactions'), 7);
    const postings = await fixture.context.store.db.selectFrom('ledger_postings').select(['amount_minor']).execute();
    expect(legs).toHaveLength(postings.length);
    const net = new Map<bigint, bigint>();
    for (const leg of legs) net.set(leg.transaction_id as bigint, (net.get(leg.transaction_id as bigint) ?? 0n) + (leg.debit_minor as bigint) - (leg.credit_minor as bigint));
    expect([...net.values()].every((value) => value === 0n)).toBe(true);

    const [cycle] = await allRows(fixture, byName('cycles'), 2, { plan_id: 'critical-illness' });
    const stored = await fixture.context.store.db.selectFrom('cycles').selectAll().executeTakeFirstOrThrow();
    expect(cycle).toMatchObject({ cycle_id: stored.cycle_code, total_minor: stored.total_minor, merkle_root_hex: stored.merkle_root_hex, case_count: 2n, member_count: stored.member_count });
    expect(await allRows(fixture, byName('cycles'), 2, { plan_id: 'senior-cancer' })).toEqual([]);

    const accounts = await allRows(fixture, byName('ledger_accounts'), 4);
    const custody = await allRows(fixture, byName('custody'), 2);
    expect(custody.map((row) => [row.account_code, row.debit_minor, row.credit_minor, row.balance_after_minor])).toEqual([
      ['custody:CNY', 700n, 0n, 700n],
      ['custody:CNY', 300n, 0n, 1000n],
      ['custody:CNY', 0n, 250n, 750n],
    ]);
    const day = at.slice(0, 10);
    // From the next day on there is nothing to show; the opening balance is everything before it.
    expect(await allRows(fixture, byName('custody'), 2, { from: nextDay(day) })).toEqual([]);
    expect((await allRows(fixture, byName('custody'), 2, { from: day })).map((row) => row.balance_after_minor)).toEqual([700n, 1000n, 750n]);
    expect(accounts.map((row) => row.code)).toEqual([...accounts.map((row) => row.code)].sort());
  });

  it('filters by day on the time column and by plan', async () => {
    const claims = await allRows(fixture, byName('claims'), 1);
    expect(claims).toHaveLength(2);
    const firstDay = String(claims[0]!.submitted_at).slice(0, 10);
    expect(await allRows(fixture, byName('claims'), 1, { from: firstDay, to: firstDay })).toEqual([claims[0]]);
    expect(await allRows(fixture, byName('claims'), 1, { plan_id: 'senior-cancer' })).toEqual([]);
    const trail = await allRows(fixture, byName('claim_audit'), 2, { plan_id: 'critical-illness' });
    expect(trail.filter((row) => row.claim_id === claims[0]!.claim_id).map((row) => row.action)).toEqual(['submit', 'start_review', 'approve_for_notice', 'publish_notice', 'end_notice', 'schedule']);
    expect(claims.every((row) => row.decided_at !== null && String(row.name_masked).includes('*'))).toBe(true);
    const payouts = await allRows(fixture, byName('payouts'), 1, { plan_id: 'critical-illness' });
    expect(payouts.map((row) => row.case_number).sort()).toEqual(claims.map((row) => row.case_number).sort());
  });
});
